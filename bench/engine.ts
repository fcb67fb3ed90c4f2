/**
 * Engine throughput: reports checked per second on one core, beside two baselines measured in the same run —
 * decoding the report JSON, and reading its values into the model — so the ratios say what the rules cost.
 * Aim: at least 20,000 reports per second for the full check.
 */
import { buildModel, checkReport, parseReportData, type ReportData } from '../src/core';
import { seeded, soundReport } from '../test/helpers/reports';

const TARGET_PER_SECOND = 20000;

function makeReports(n: number): ReportData[] {
  const rand = seeded(42);
  const out: ReportData[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = soundReport(rand, { withPrev: i % 2 === 0 });
    // A third of them broken, as received workbooks are.
    if (i % 3 === 0) {
      const values = { ...r.values };
      values['t3.new.natural'] = Number(values['t3.new.natural']) + 1;
      values['t4.reconsideration.total'] = '/';
      values['t2.licensing'] = '三';
      r.values = values;
    }
    out.push(r);
  }
  return out;
}

function rate(label: string, reports: readonly unknown[], fn: (r: unknown) => unknown, minMs = 1500): number {
  // Warm up, then run whole passes until at least minMs has elapsed.
  for (let i = 0; i < Math.min(200, reports.length); i += 1) fn(reports[i]);
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const r of reports) fn(r);
    done += reports.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const perSecond = (done / elapsed) * 1000;
  process.stdout.write(`  ${label.padEnd(34)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)} 份/秒\n`);
  return perSecond;
}

export async function run(): Promise<void> {
  const reports = makeReports(2000);
  const texts = reports.map((r) => JSON.stringify(r));
  process.stdout.write(`engine: ${reports.length} generated reports (1/3 broken, 1/2 with last year), one core\n`);
  const decode = rate('baseline: JSON.parse + schema', texts, (t) => parseReportData(JSON.parse(t as string)));
  const model = rate('baseline: read values (buildModel)', reports, (r) => buildModel(r as ReportData));
  const check = rate('full check (all rules + messages)', reports, (r) => checkReport(r as ReportData));
  process.stdout.write(`  ratio check / JSON decode:  ${(decode / check).toFixed(2)}x the time\n`);
  process.stdout.write(`  ratio check / buildModel:   ${(model / check).toFixed(2)}x the time\n`);
  process.stdout.write(`  target ${TARGET_PER_SECOND.toLocaleString('en-US')} 份/秒: ${check >= TARGET_PER_SECOND ? 'met' : 'NOT met'} (${(check / TARGET_PER_SECOND).toFixed(2)}x target)\n`);
}
