/** The one summary model every writer renders: units, rules, findings and the chart series. */
import { SUMMARY_COLUMNS, buildSummary, checkReport, summaryCharts, summaryRows, summarise, toJsonFinding, type FileResult, type ReportData } from '../../src/core';
import { seeded, soundReport } from '../helpers/reports';

function result(file: string, report: ReportData | null, error?: string): FileResult {
  if (!report) return { file, body: null, year: null, format: null, status: 'unreadable', error: error ?? '坏了', findings: [] };
  const findings = checkReport(report).map(toJsonFinding);
  return { file, body: report.meta.body ?? null, year: 2024, format: '2021', status: findings.length ? 'findings' : 'ok', error: null, findings };
}

describe('the batch summary', () => {
  const rand = seeded(3);
  const sound = soundReport(rand);
  sound.meta.body = '甲局';
  const broken = soundReport(rand);
  broken.meta.body = '乙局';
  broken.values['t3.new.natural'] = Number(broken.values['t3.new.natural']) + 1;
  broken.values['t2.licensing'] = '/';
  const files = [result('收到/甲局.xlsx', sound), result('收到/乙局.xlsx', broken), result('收到/丙局报告.xlsx', null, '文件是空的')];
  const checked = { files, summary: summarise(files) };
  const values = new Map([
    ['收到/甲局.xlsx', sound.values],
    ['收到/乙局.xlsx', broken.values],
  ]);
  const summary = buildSummary(checked, values);

  test('one row per unit: status, counts, the unit named by its report or its file', () => {
    expect(summary.units.map((u) => [u.unit, u.status, u.errors, u.warnings])).toEqual([
      ['甲局', 'ok', 0, 0],
      ['乙局', 'error', 2, 1],
      ['丙局报告', 'unreadable', 0, 0],
    ]);
    expect(summary.totals).toMatchObject({ files: 3, unreadable: 1, clean: 1, errors: 2, warnings: 1 });
  });

  test('main figures from the reports: received, 不予公开 share, reconsiderations and suits', () => {
    const f = summary.units[0].figures;
    expect(f.received).toBe(sound.values['t3.new.total']);
    const refused = ['secret', 'law', 'security', 'third_party', 'internal', 'process', 'case_file', 'query'].reduce((a, k) => a + Number(sound.values[`t3.refused_${k}.total`]), 0);
    const handled = Number(sound.values['t3.handled_total.total']);
    expect(f.refusedShare).toBeCloseTo(handled ? refused / handled : 0);
    expect(f.suits).toBe(Number(sound.values['t4.litigation_direct.total']) + Number(sound.values['t4.litigation_after.total']));
    expect(summary.units[2].figures).toEqual({ received: null, refusedShare: null, reconsiderations: null, suits: null });
  });

  test('rules by the units they touch, the unreadable files last', () => {
    expect(summary.rules.map((r) => [r.rule, r.units, r.findings])).toEqual([
      ['T3-BALANCE', 1, 1],
      ['T3-ROWSUM', 1, 1],
      ['VALUE-EMPTY', 1, 1],
      ['（无法读取）', 1, 1],
    ]);
    expect(summary.rules[summary.rules.length - 1]).toMatchObject({ rule: '（无法读取）', units: 1 });
  });

  test('rows for every writer match their columns; marks colour the status and level', () => {
    for (const table of ['units', 'rules', 'findings'] as const) {
      const { rows, marks } = summaryRows(summary, table);
      expect(rows.every((r) => r.length === SUMMARY_COLUMNS[table].length)).toBe(true);
      expect(marks).toHaveLength(rows.length);
    }
    expect(summaryRows(summary, 'units').marks).toEqual([null, 'error', 'error']);
    expect(summaryRows(summary, 'findings').rows).toHaveLength(3);
  });

  test('charts: findings by unit with units in error standing out, findings by rule, the figures across units', () => {
    const charts = summaryCharts(summary);
    expect(charts.map((c) => c.title)).toEqual(['各单位问题数', '各规则涉及单位数', '各单位新收政府信息公开申请数量', '各单位不予公开占比', '各单位行政复议、行政诉讼数量']);
    expect(charts[0].categories).toEqual(['甲局', '乙局']);
    expect(charts[0].highlight).toEqual([false, true]);
    expect(charts[3].percent).toBe(true);
  });
});
