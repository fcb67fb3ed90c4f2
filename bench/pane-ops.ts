/**
 * Host round trips, commands and payload per task-pane action, measured through Microsoft's office.js (the web build,
 * loaded in a VM) over the simulated Excel host (src/excel/testing). A sync is a round trip (on the web, across the
 * network); commands are the actions one request carries; bytes are the request and response as sent.
 * Budgets, stated here and printed beside each measurement:
 *   syncs — install ≤ 3 (2 on an empty workbook), check ≤ 2 through names whatever the findings, check by labels ≤ 6,
 *           clear ≤ 2;
 *   payload — every request and every response under 5 MB (Excel on the web refuses more), here with half of
 *           that as the budget so that growth shows long before it breaks.
 * The 0-findings check is the baseline: the 150-findings ratio shows what marking costs.
 */
import { KEY_POSITIONS, TABLE_KEYS } from '../src/spec';
import { toA1 } from '../src/core';
import { createExcelServices } from '../src/excel';
import { PAYLOAD_LIMIT } from '../src/excel/testing/excelHost';
import { loadOfficeJs, type LoadedOffice } from '../src/excel/testing/officeJsVm';

interface Row {
  action: string;
  syncs: number;
  syncBudget: number;
  commands: number;
  maxRequest: number;
  maxResponse: number;
  ms: number;
}

const BYTE_BUDGET = PAYLOAD_LIMIT / 2;

function put(office: LoadedOffice, key: string, value: string | number): void {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`no position for ${key}`);
  office.host.model.type(pos.sheet.name, toA1(pos.row, pos.col), value);
}

async function measure(office: LoadedOffice, action: string, syncBudget: number, body: () => Promise<unknown>): Promise<Row> {
  office.host.resetCounters();
  const t0 = process.hrtime.bigint();
  await body();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const reqs = office.host.workbookRequests();
  return {
    action,
    syncs: reqs.length,
    syncBudget,
    commands: reqs.reduce((n, r) => n + r.actions, 0),
    maxRequest: Math.max(...reqs.map((r) => r.requestBytes)),
    maxResponse: Math.max(...reqs.map((r) => r.responseBytes)),
    ms,
  };
}

async function scenario(findings: number): Promise<Row[]> {
  const office = await loadOfficeJs({ platform: 'web', apiVersion: '1.18', enforcePayloadLimit: true });
  try {
    const services = createExcelServices({
      run: (options, batch) => office.Excel.run(options, batch),
      isSetSupported: (n, v) => office.Office.context.requirements.isSetSupported(n, v),
      library: office.Excel,
      policy: { sleep: async () => undefined },
    });
    const rows: Row[] = [];
    if (findings === 0) rows.push(await measure(office, 'install (empty workbook)', 2, () => services.installTemplate()));
    else await services.installTemplate();
    for (const key of TABLE_KEYS) put(office, key, 0);
    put(office, 'meta.level', '乡镇人民政府、街道办事处');
    TABLE_KEYS.filter((k) => k.startsWith('t3.'))
      .slice(0, findings)
      .forEach((k) => put(office, k, '三'));
    if (findings === 0) rows.push(await measure(office, 'install again (repair)', 3, () => services.installTemplate()));
    let found = 0;
    rows.push(
      await measure(office, `check, ${findings} findings`, 2, async () => {
        found = (await services.check()).findings.length;
      }),
    );
    if (found !== findings) throw new Error(`expected ${findings} findings, got ${found}`);
    rows.push(await measure(office, `clear, ${findings} marks`, 2, () => services.clearMarks()));
    if (findings > 0) {
      office.host.model.names.clear();
      rows.push(await measure(office, `check by labels, ${findings} findings`, 6, () => services.check()));
    }
    return rows;
  } finally {
    office.close();
  }
}

export async function run(): Promise<void> {
  const rows = [...(await scenario(0)), ...(await scenario(150))];
  const base = rows.find((r) => r.action === 'check, 0 findings') as Row;
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  process.stdout.write(`office.js web build through the simulated host; byte budget ${kb(BYTE_BUDGET)} per request or response (Excel on the web: ${kb(PAYLOAD_LIMIT)})\n`);
  process.stdout.write(`${pad('action', 34)}${pad('syncs/budget', 14)}${pad('commands', 10)}${pad('× check(0)', 12)}${pad('max request', 13)}${pad('max response', 14)}ms\n`);
  let over = 0;
  for (const r of rows) {
    const ok = r.syncs <= r.syncBudget && r.maxRequest <= BYTE_BUDGET && r.maxResponse <= BYTE_BUDGET;
    if (!ok) over += 1;
    process.stdout.write(
      `${pad(r.action, 34)}${pad(`${r.syncs}/${r.syncBudget}`, 14)}${pad(String(r.commands), 10)}${pad((r.commands / base.commands).toFixed(2), 12)}${pad(kb(r.maxRequest), 13)}${pad(kb(r.maxResponse), 14)}${r.ms.toFixed(0)}${ok ? '' : '  OVER BUDGET'}\n`,
    );
  }
  process.stdout.write(over ? `${over} action(s) over budget\n` : 'all actions within budget\n');
  if (over) process.exitCode = 1;
}
