/**
 * 审核 into the workbook through Microsoft's office.js (the web build, which refuses requests and responses over
 * 5 MB, and the Windows build) over the simulated host: a batch of 200 units written as 单位汇总, 规则汇总, 问题明细 and
 * 审核图表 with native charts; the syncs counted; every cell read back against the core summary; running it again
 * replaces only our own untouched sheets; a user's sheet of the same name, and our sheet once the user changed it, are
 * kept; a failure at any command of the last request leaves the workbook as before or as meant.
 */
import { SUMMARY_COLUMNS, SUMMARY_SHEETS, summaryCharts, summaryRows, type Summary, type SummaryTable } from '../../src/core';
import { batchSummary } from '../../src/batch';
import { AUDIT_SHEET_NAMES, CHART_COLOURS, CHART_SHEET, HEADER_FILL, RECORD_PREFIX, SEVERITY_FILL } from '../../src/excel/auditLayout';
import type { WorkbookModel } from '../../src/excel/testing/workbookModel';
import { auditBatch } from '../helpers/auditBatch';
import { closeAll, expectWithinPayloadLimit, openExcel, snapshot, type Session } from './harness';

afterAll(closeAll);

const TABLES: SummaryTable[] = ['units', 'rules', 'findings'];

/** The cells of a sheet as Excel would give them back, row by row, over `rows` × `cols`. */
function cells(model: WorkbookModel, sheet: string, rows: number, cols: number): unknown[][] {
  const s = model.sheet(sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => model.peek(s, r, c)?.value ?? ''));
}

/** The table as the core renders it, null cells read back as ''. */
function expected(summary: Summary, table: SummaryTable): unknown[][] {
  return [SUMMARY_COLUMNS[table].map((c) => c.header), ...summaryRows(summary, table).rows.map((r) => r.map((v) => (v === null ? '' : v)))];
}

function expectTables(model: WorkbookModel, summary: Summary, names: Record<SummaryTable, string> = SUMMARY_SHEETS): void {
  for (const table of TABLES) {
    const want = expected(summary, table);
    expect(cells(model, names[table], want.length + 1, want[0].length)).toEqual([...want, want[0].map(() => '')]);
  }
}

async function session(platform: 'web' | 'win32' = 'web', apiVersion = '1.18'): Promise<Session> {
  const s = await openExcel({ platform, apiVersion });
  // A supervisor's workbook: a sheet of their own with notes of their own.
  s.model.addSheet('我的记录');
  s.model.type('我的记录', 'A1', '第一批收到 200 份');
  s.model.type('我的记录', 'B2', '=1+1');
  return s;
}

describe.each(['web', 'win32'] as const)('审核 written through office.js (%s build)', (platform) => {
  const summary = batchSummary(auditBatch(200));
  let s: Session;
  let before: unknown;
  let firstSyncs = 0;

  beforeAll(async () => {
    s = await session(platform);
    before = snapshot(s.model);
    s.host.resetCounters();
    const outcome = await s.services.writeAudit(summary);
    firstSyncs = s.host.syncs;
    expect(outcome.sheets.map((x) => x.name)).toEqual(['单位汇总', '规则汇总', '问题明细', '审核图表']);
    expect(outcome).toMatchObject({ charts: 5, replaced: [], kept: [], filter: true });
  });
  afterEach(() => expectWithinPayloadLimit(s.host));

  test('200 units in two syncs: one to look, one to write everything', () => {
    expect(firstSyncs).toBe(2);
    const [read, write] = s.host.workbookRequests();
    expect(read.commands.every((c) => c.endsWith('.load'))).toBe(true);
    expect(write.commands).toEqual(expect.arrayContaining(['WorksheetCollection.Add', 'ChartCollection.Add', 'CustomPropertyCollection.Add']));
  });

  test('the three tables hold the core summary cell for cell; nothing a unit wrote became a formula', () => {
    expectTables(s.model, summary);
    for (const sheet of Object.values(SUMMARY_SHEETS)) for (const c of s.model.sheet(sheet).cells.values()) expect(c.formula).toBeNull();
    const names = cells(s.model, SUMMARY_SHEETS.units, 8, 2).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.invalid","点此")', '-某某局', '2024', "'引号开头的局", 'TRUE']));
    const explanations = summaryRows(summary, 'findings').rows.map((r) => r[10]);
    expect(explanations).toContain('=本单位无行政许可职能，按要求填“/”');
  });

  test('header, mark colours, widths, frozen header, filter', () => {
    for (const table of TABLES) {
      const sheet = s.model.sheet(SUMMARY_SHEETS[table]);
      const cols = SUMMARY_COLUMNS[table].length;
      expect(sheet.freeze).toEqual({ rows: 1, cols: 0 });
      const { rows, marks, markColumn } = summaryRows(summary, table);
      expect(sheet.autoFilter).toEqual({ row: 0, col: 0, rows: rows.length + 1, cols });
      for (let c = 0; c < cols; c += 1) {
        const head = s.model.peek(sheet, 0, c);
        expect(head?.format.get('font/bold')).toBe(true);
        expect(head?.fill?.color).toBe(HEADER_FILL);
        expect(sheet.columnWidths.get(c)).toBe(Math.round((SUMMARY_COLUMNS[table][c].width * 7 + 5) * 0.75));
      }
      marks.forEach((m, i) => expect(s.model.peek(sheet, i + 1, markColumn)?.fill?.color ?? null).toBe(m ? SEVERITY_FILL[m] : null));
    }
  });

  test('five native charts plot the summary, units with errors in red', () => {
    const sheet = s.model.sheet(CHART_SHEET);
    const specs = summaryCharts(summary);
    expect(sheet.charts.map((c) => c.title.text)).toEqual(specs.map((c) => c.title));
    sheet.charts.forEach((chart, k) => {
      const spec = specs[k];
      expect(chart.type).toBe(spec.stacked ? 'BarStacked' : 'BarClustered');
      const data = s.model.chartData(chart);
      expect(data.map((d) => d.name)).toEqual(spec.series.map((x) => x.name));
      for (const [j, d] of data.entries()) {
        expect(d.categories).toEqual(spec.categories);
        expect(d.values).toEqual(spec.series[j].values);
      }
      expect(chart.axes.category.reversePlotOrder).toBe(true);
      expect(chart.height).toBeGreaterThan(200);
      // Units with errors stand out: red bars (one series), red outlines (several), their own red segment (stacked).
      const red = spec.highlight.flatMap((h, i) => (h ? [i] : []));
      expect(red.length).toBeGreaterThan(spec.categories.length > 10 ? 10 : 0);
      if (spec.stacked) expect(chart.series.map((x) => x.fill)).toEqual([CHART_COLOURS.error, CHART_COLOURS.warning, CHART_COLOURS.info]);
      else if (spec.series.length === 1) {
        expect([...chart.series[0].points].filter(([, p]) => p.fill === CHART_COLOURS.error).map(([i]) => i).sort((a, b) => a - b)).toEqual(red);
      } else for (const x of chart.series) expect([...x.points].filter(([, p]) => p.border.color === CHART_COLOURS.error).map(([i]) => i).sort((a, b) => a - b)).toEqual(red);
    });
    // Stacked one below the other, none over another, all left of the data blocks (column M).
    sheet.charts.forEach((c, k) => k > 0 && expect(c.top).toBeGreaterThanOrEqual(sheet.charts[k - 1].top + sheet.charts[k - 1].height));
    expect(Math.max(...sheet.charts.map((c) => c.left + c.width))).toBeLessThanOrEqual(12 * 48);
    const share = sheet.charts.find((c) => c.title.text.includes('不予公开'));
    expect(share?.axes.value.numberFormat).toBe('0%');
  });

  test('the user’s own sheet is untouched', () => {
    const mine = (x: unknown): unknown => (x as { sheets: { name: string }[] }).sheets.find((y) => y.name === '我的记录');
    expect(mine(snapshot(s.model))).toEqual(mine(before));
    expect(s.model.formulaOf('我的记录', 'B2')).toBe('=1+1');
  });

  test('again with another batch: our four sheets replaced in place of the old, nothing else touched, three syncs', async () => {
    const next = batchSummary(auditBatch(150, { seed: 99 }));
    const mine = snapshot(s.model, { skip: Object.values(AUDIT_SHEET_NAMES) });
    s.host.resetCounters();
    const outcome = await s.services.writeAudit(next);
    expect(s.host.syncs).toBe(3);
    expect(outcome.replaced).toEqual(['单位汇总', '规则汇总', '问题明细', '审核图表']);
    expect(outcome.kept).toEqual([]);
    expect(s.model.sheets.map((x) => x.name).filter((n) => n !== '我的记录' && !n.startsWith('Sheet'))).toEqual(['单位汇总', '规则汇总', '问题明细', '审核图表']);
    expectTables(s.model, next);
    expect(snapshot(s.model, { skip: Object.values(AUDIT_SHEET_NAMES) })).toEqual(mine);
    expect(s.model.sheet(CHART_SHEET).charts).toHaveLength(5);
    expect([...s.model.customProperties.keys()].filter((k) => k.startsWith(RECORD_PREFIX)).sort()).toEqual(['charts', 'findings', 'rules', 'units'].map((t) => `${RECORD_PREFIX}${t}`));
  });
});

describe('whose sheet is it', () => {
  const summary = batchSummary(auditBatch(40));
  afterEach(closeAll);

  test('a user’s sheet named 单位汇总 is kept; the results go to 单位汇总 (2), and there again next time', async () => {
    const s = await session();
    s.model.addSheet('单位汇总');
    s.model.type('单位汇总', 'A1', '我自己的汇总');
    const before = snapshot(s.model);
    const first = await s.services.writeAudit(summary);
    expect(first.sheets[0].name).toBe('单位汇总 (2)');
    expect(first.kept).toEqual([{ name: '单位汇总', reason: 'not-ours', used: '单位汇总 (2)' }]);
    expectTables(s.model, summary, { ...SUMMARY_SHEETS, units: '单位汇总 (2)' });
    const second = await s.services.writeAudit(summary);
    expect(second.sheets[0].name).toBe('单位汇总 (2)');
    expect(second.replaced).toContain('单位汇总 (2)');
    expect(second.kept).toEqual([{ name: '单位汇总', reason: 'not-ours', used: '单位汇总 (2)' }]);
    const theirs = (x: unknown): unknown => (x as { sheets: { name: string }[] }).sheets.find((y) => y.name === '单位汇总');
    expect(theirs(snapshot(s.model))).toEqual(theirs(before));
    expect(s.model.sheets.filter((x) => x.name.startsWith('单位汇总'))).toHaveLength(2);
  });

  test('our sheet the user typed into is theirs now: kept, the new results beside it', async () => {
    const s = await session();
    await s.services.writeAudit(summary);
    s.model.type('问题明细', 'L2', '已电话核实');
    const edited = snapshot(s.model, { skip: ['单位汇总', '规则汇总', '审核图表'] });
    const again = await s.services.writeAudit(summary);
    expect(again.kept).toEqual([{ name: '问题明细', reason: 'edited', used: '问题明细 (2)' }]);
    expect(again.replaced).toEqual(['单位汇总', '规则汇总', '审核图表']);
    expect(snapshot(s.model, { skip: ['单位汇总', '规则汇总', '审核图表', '问题明细 (2)'] })).toEqual(edited);
    expect(s.model.getValue('问题明细', 'L2')).toBe('已电话核实');
    // The next run replaces 问题明细 (2), its own, and still leaves the user's 问题明细 alone.
    const third = await s.services.writeAudit(summary);
    expect(third.sheets.find((x) => x.table === 'findings')?.name).toBe('问题明细 (2)');
    expect(s.model.getValue('问题明细', 'L2')).toBe('已电话核实');
  });

  test('a sheet renamed by the user is no longer replaced', async () => {
    const s = await session();
    await s.services.writeAudit(summary);
    s.model.sheet('规则汇总').name = '第一批规则汇总';
    const again = await s.services.writeAudit(summary);
    expect(again.replaced).not.toContain('第一批规则汇总');
    expect(s.model.findSheet('第一批规则汇总')).toBeDefined();
    expect(s.model.findSheet('规则汇总')).toBeDefined();
  });

  test('an Excel without AutoFilter (ExcelApi 1.8): no filter, header still frozen, nothing refused', async () => {
    const s = await session('web', '1.8');
    const outcome = await s.services.writeAudit(summary);
    expect(outcome.filter).toBe(false);
    expect(s.model.sheet('问题明细').autoFilter).toBeNull();
    expect(s.model.sheet('问题明细').freeze.rows).toBe(1);
    expect(s.model.sheet(CHART_SHEET).charts).toHaveLength(5);
  });
});

describe('a large batch and failures', () => {
  afterEach(closeAll);

  test('thousands of long findings: several requests, each under 5 MB on the web, read back in pieces next time', async () => {
    const big = batchSummary(auditBatch(200, { spoilCells: 40, seed: 5 }));
    expect(big.details.length).toBeGreaterThan(5000);
    const s = await session();
    s.host.resetCounters();
    await s.services.writeAudit(big);
    const first = s.host.workbookRequests();
    expect(first.length).toBeGreaterThan(2);
    expect(first.length).toBeLessThanOrEqual(8);
    expectWithinPayloadLimit(s.host);
    expectTables(s.model, big);
    s.host.resetCounters();
    const again = await s.services.writeAudit(big);
    expect(again.replaced).toHaveLength(4);
    expectWithinPayloadLimit(s.host);
    const sizes = s.host.workbookRequests().map((r) => `${(r.requestBytes / 1048576).toFixed(2)}/${(r.responseBytes / 1048576).toFixed(2)}`);
    process.stdout.write(`${big.details.length} findings: ${first.length} syncs the first time, ${sizes.length} again (request/response MB: ${sizes.join(' ')})\n`);
  }, 120000);

  test('a failure in a middle request of a large write: the workbook as before', async () => {
    const big = batchSummary(auditBatch(200, { spoilCells: 40, seed: 5 }));
    const s = await session();
    const before = snapshot(s.model);
    s.host.failAt(2, 3);
    await expect(s.services.writeAudit(big)).rejects.toMatchObject({ name: 'ServiceError' });
    expect(snapshot(s.model)).toEqual(before);
    expect(s.model.customProperties.size).toBe(0);
  }, 120000);

  test('a cell being edited refuses the writing request: tidied up, tried again, written once', async () => {
    const s = await session();
    await s.services.writeAudit(batchSummary(auditBatch(12, { seed: 1 })));
    const next = batchSummary(auditBatch(9, { seed: 2 }));
    // Refused as a whole (nothing applied) while the user edits a cell; runBatch tries the action again.
    s.host.failAt(2, -1, 'InvalidOperationInCellEditMode');
    const outcome = await s.services.writeAudit(next);
    expect(outcome.replaced).toEqual(['单位汇总', '规则汇总', '问题明细', '审核图表']);
    expect(s.model.sheets.map((x) => x.name).filter((n) => /\(\d+\)$|年报助手临时/.test(n))).toEqual([]);
    expect(s.model.sheets.map((x) => x.name).slice(-4)).toEqual(['单位汇总', '规则汇总', '问题明细', '审核图表']);
    expectTables(s.model, next);
  });

  test.each([
    ['the first time', false],
    ['replacing an earlier run', true],
  ])('a failure at every command of the writing request, %s: as before, or as meant, never between', async (_label, rerun) => {
    const first = batchSummary(auditBatch(12, { seed: 1 }));
    const second = batchSummary(auditBatch(9, { seed: 2 }));
    const s = await session();
    if (rerun) await s.services.writeAudit(first);
    const start = s.model.save();
    const props = (): unknown => [...s.model.customProperties.values()].sort((a, b) => a.key.localeCompare(b.key));
    const look = (): unknown => ({ sheets: snapshot(s.model), charts: s.model.sheets.map((x) => [x.name, x.charts.length]), props: props() });
    const before = look();
    // The clean run: its requests and the state it leaves.
    s.host.resetCounters();
    await s.services.writeAudit(second);
    const writing = s.host.workbookRequests().length - 1;
    const actions = s.host.workbookRequests()[writing].actions;
    const after = look();
    const seen = { before: 0, after: 0 };
    for (let index = 0; index < actions; index += 1) {
      s.model.restore(start);
      s.host.failAt(writing, index);
      await expect(s.services.writeAudit(second)).rejects.toMatchObject({ name: 'ServiceError' });
      const now = look();
      expect(s.model.sheets.some((x) => x.name.startsWith('年报助手临时'))).toBe(false);
      if (JSON.stringify(now) === JSON.stringify(before)) seen.before += 1;
      else {
        // Once the old sheets were being deleted, the run is finished instead: the new sheets, complete.
        expect({ index, ...(now as object) }).toEqual({ index, ...(after as object) });
        seen.after += 1;
      }
    }
    expect(seen.before).toBeGreaterThan(0);
    process.stdout.write(`${rerun ? 'replacing' : 'first time'}: failure injected at each of ${actions} commands: ${seen.before} left the workbook as before, ${seen.after} as meant\n`);
  }, 300000);
});
