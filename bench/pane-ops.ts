/**
 * Host round trips and commands per task-pane action, measured against the typed fake of the Excel object model
 * (src/excel/testing). A sync is a round trip (on the web, across the network); commands are what one batch carries.
 * Budgets, stated here and printed beside each measurement:
 *   syncs — install ≤ 3 (2 on an empty workbook), check ≤ 2 through names whatever the findings, check by labels ≤ 5,
 *           clear ≤ 2;
 *   commands — install ≤ 6000, check ≤ 1200 + 4 per finding, clear ≤ 20 + 4 per mark.
 * The 0-findings check is the baseline: the 150-findings ratio shows what marking costs.
 */
import { KEY_POSITIONS, TABLE_KEYS } from '../src/spec';
import { toA1 } from '../src/core';
import { createExcelServices } from '../src/excel';
import { FakeExcel } from '../src/excel/testing/fakeExcel';

interface Row {
  action: string;
  syncs: number;
  syncBudget: number;
  ops: number;
  opBudget: number;
  ms: number;
}

function put(fake: FakeExcel, key: string, value: string | number): void {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`no position for ${key}`);
  fake.setValue(pos.sheet.name, toA1(pos.row, pos.col), value);
}

async function measure(fake: FakeExcel, action: string, syncBudget: number, opBudget: number, body: () => Promise<unknown>): Promise<Row> {
  fake.resetCounters();
  const t0 = process.hrtime.bigint();
  await body();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { action, syncs: fake.syncs, syncBudget, ops: fake.ops.length, opBudget, ms };
}

async function scenario(findings: number): Promise<Row[]> {
  const fake = new FakeExcel('1.18');
  const services = createExcelServices({ run: fake.run, isSetSupported: fake.isSetSupported, policy: { sleep: async () => undefined } });
  const rows: Row[] = [];
  if (findings === 0) rows.push(await measure(fake, 'install (empty workbook)', 2, 6000, () => services.installTemplate()));
  else await services.installTemplate();
  for (const key of TABLE_KEYS) put(fake, key, 0);
  put(fake, 'meta.level', '乡镇人民政府、街道办事处');
  TABLE_KEYS.filter((k) => k.startsWith('t3.'))
    .slice(0, findings)
    .forEach((k) => put(fake, k, '三'));
  if (findings === 0) rows.push(await measure(fake, 'install again (repair)', 3, 6000, () => services.installTemplate()));
  let found = 0;
  rows.push(
    await measure(fake, `check, ${findings} findings`, 2, 1200 + 4 * findings, async () => {
      found = (await services.check()).findings.length;
    }),
  );
  if (found !== findings) throw new Error(`expected ${findings} findings, got ${found}`);
  rows.push(await measure(fake, `clear, ${findings} marks`, 2, 20 + 4 * findings, () => services.clearMarks()));
  if (findings > 0) {
    fake.names.clear();
    rows.push(await measure(fake, `check by labels, ${findings} findings`, 5, 1200 + 4 * findings, () => services.check()));
  }
  return rows;
}

export async function run(): Promise<void> {
  const rows = [...(await scenario(0)), ...(await scenario(150))];
  const base = rows.find((r) => r.action === 'check, 0 findings') as Row;
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));
  process.stdout.write(`${pad('action', 34)}${pad('syncs/budget', 14)}${pad('commands/budget', 18)}${pad('× check(0)', 12)}fake ms\n`);
  let over = 0;
  for (const r of rows) {
    const ok = r.syncs <= r.syncBudget && r.ops <= r.opBudget;
    if (!ok) over += 1;
    process.stdout.write(
      `${pad(r.action, 34)}${pad(`${r.syncs}/${r.syncBudget}`, 14)}${pad(`${r.ops}/${r.opBudget}`, 18)}${pad((r.ops / base.ops).toFixed(2), 12)}${r.ms.toFixed(1)}${ok ? '' : '  OVER BUDGET'}\n`,
    );
  }
  process.stdout.write(over ? `${over} action(s) over budget\n` : 'all actions within budget\n');
  if (over) process.exitCode = 1;
}
