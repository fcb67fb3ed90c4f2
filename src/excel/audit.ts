/**
 * 审核 into the open workbook: the batch's summary as the sheets 单位汇总, 规则汇总, 问题明细 (header, mark colours,
 * widths, frozen header, filter where ExcelApi 1.9 allows) and 审核图表 (each chart's data and a native Excel chart of
 * it, units with errors in red). Laid out by ./auditLayout.ts; here only what Excel is asked to do.
 *
 * Few round trips whatever the batch: (1) the sheet names and our record; (2) only when an earlier 审核 left sheets,
 * what they hold now; then the writes, cut into requests under a byte budget far below Excel on the web's 5 MB (one
 * request for a few hundred units). Text goes in as text (`asText`): nothing a unit wrote can become a formula.
 *
 * Running it again replaces what it wrote before, and only that: a sheet counts as ours when the workbook's record
 * (a custom document property) names it and its values are still exactly what we wrote. A sheet of the same name that
 * the user made, or one of ours the user changed, is kept as it is, and the new results go to a numbered name.
 * New sheets are complete before old ones go; a failure on the way removes what this run added.
 */
import { rangeA1 } from '../core';
import type { Summary } from '../core';
import type { AuditTable, AuditWriteOutcome } from '../taskpane/services';
import { applyAutoFilter, type Capabilities } from './capabilities';
import { officeCode } from './errors';
import type { XlContext, XlWorksheet } from './host';
import {
  AUDIT_SHEET_NAMES,
  CHART_COLOURS,
  CHART_WIDTH,
  HEADER_FILL,
  RECORD_PREFIX,
  SEVERITY_FILL,
  chartSheet,
  digest,
  encodeRecord,
  freeName,
  parseRecord,
  tableSheet,
  utf8Bytes,
  valueBox,
  widthPoints,
  type AuditRecord,
  type ChartSheet,
  type Grid,
  type TableSheet,
} from './auditLayout';

/** Bytes of cell data per request: with the commands around them, far below the 5 MB Excel on the web accepts. */
export const REQUEST_BUDGET = 2 * 1024 * 1024;

type Verdict = 'ours' | 'edited';

/** Queues commands and syncs whenever the next piece would take the request past the budget. */
class Requests {
  private bytes = 0;
  constructor(
    private readonly context: XlContext,
    private readonly budget: number,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    await this.context.sync();
  }
}

/** Row slices of a grid whose cells stay under the budget (a single huge row goes alone). */
function slices(cells: readonly unknown[][], budget: number): Array<{ first: number; count: number; bytes: number }> {
  const out: Array<{ first: number; count: number; bytes: number }> = [];
  let first = 0;
  let bytes = 0;
  cells.forEach((row, i) => {
    const b = utf8Bytes(row) + 16;
    if (i > first && bytes + b > budget) {
      out.push({ first, count: i - first, bytes });
      first = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (cells.length > first) out.push({ first, count: cells.length - first, bytes });
  return out;
}

function recordKey(table: AuditTable): string {
  return `${RECORD_PREFIX}${table}`;
}

/** The record of one written sheet: what Excel will read back inside the box of its values. */
function recordOf(name: string, grid: Grid, origin: { row: number; col: number }): AuditRecord | null {
  const box = valueBox(grid.expect);
  if (!box) return null;
  const cells = grid.expect.slice(box.row, box.row + box.rows).map((r) => r.slice(box.col, box.col + box.cols));
  return { name, rect: { row: origin.row + box.row, col: origin.col + box.col, rows: box.rows, cols: box.cols }, digest: digest(cells), bytes: utf8Bytes(cells) };
}

/**
 * Which recorded sheets are still as we left them: their values read back in pieces under the budget (a response has
 * the same 5 MB limit), and nothing else typed on the sheet.
 */
async function verify(context: XlContext, records: Map<AuditTable, AuditRecord>, present: Map<string, string>): Promise<Map<AuditTable, Verdict>> {
  const verdicts = new Map<AuditTable, Verdict>();
  const wanted = [...records].filter(([, r]) => present.has(r.name.toLowerCase()));
  if (!wanted.length) return verdicts;
  const reads = new Map<AuditTable, { used: Excel.Range; pieces: Excel.Range[] }>();
  const requests = new Requests(context, REQUEST_BUDGET);
  for (const [table, r] of wanted) {
    const sheet = context.workbook.worksheets.getItem(present.get(r.name.toLowerCase()) as string);
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const pieces: Excel.Range[] = [];
    const count = Math.max(1, Math.ceil(r.bytes / REQUEST_BUDGET));
    const step = Math.ceil(r.rect.rows / count);
    for (let first = 0; first < r.rect.rows; first += step) {
      const rows = Math.min(step, r.rect.rows - first);
      await requests.reserve(Math.ceil((r.bytes * rows) / r.rect.rows));
      pieces.push(sheet.getRange(rangeA1(r.rect.row + first, r.rect.col, rows, r.rect.cols)).load('values'));
    }
    reads.set(table, { used, pieces });
  }
  await context.sync();
  for (const [table, r] of wanted) {
    const read = reads.get(table);
    if (!read) continue;
    const u = read.used;
    const sameBox = !u.isNullObject && u.rowIndex === r.rect.row && u.columnIndex === r.rect.col && u.rowCount === r.rect.rows && u.columnCount === r.rect.cols;
    const values = read.pieces.flatMap((p) => p.values);
    verdicts.set(table, sameBox && digest(values) === r.digest ? 'ours' : 'edited');
  }
  return verdicts;
}

interface Target {
  table: AuditTable;
  /** The name the sheet ends with. */
  name: string;
  /** The name it is added under: `name`, or a temporary one while our earlier sheet still holds `name`. */
  addAs: string;
  /** Our earlier sheet this one replaces (deleted once the new one is complete): its name, and its id (it shares the name). */
  replaces: { name: string; id: string } | null;
  sheet?: XlWorksheet;
}

async function writeTable(ws: XlWorksheet, t: TableSheet, caps: Capabilities, requests: Requests): Promise<boolean> {
  const cols = t.columns.length;
  for (const s of slices(t.grid.write, REQUEST_BUDGET)) {
    await requests.reserve(s.bytes);
    ws.getRange(rangeA1(s.first, 0, s.count, cols)).values = t.grid.write.slice(s.first, s.first + s.count) as (string | number)[][];
  }
  await requests.reserve(2048 + t.marks.length * 400 + cols * 200);
  const header = ws.getRange(rangeA1(0, 0, 1, cols));
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = 'Center';
  if (t.rows > 0) {
    const body = ws.getRange(rangeA1(1, 0, t.rows, cols));
    body.format.wrapText = true;
    body.format.verticalAlignment = 'Top';
  }
  t.columns.forEach((c, j) => {
    ws.getRange(rangeA1(0, j)).format.columnWidth = widthPoints(c.width);
  });
  for (const run of t.marks) ws.getRange(rangeA1(run.first, t.markColumn, run.count, 1)).format.fill.color = SEVERITY_FILL[run.severity];
  ws.freezePanes.freezeRows(1);
  return applyAutoFilter(ws, ws.getRange(rangeA1(0, 0, t.rows + 1, cols)), caps);
}

async function writeCharts(ws: XlWorksheet, c: ChartSheet, requests: Requests): Promise<number> {
  const cols = c.grid.write[0]?.length ?? 0;
  for (const s of slices(c.grid.write, REQUEST_BUDGET)) {
    await requests.reserve(s.bytes);
    ws.getRange(rangeA1(c.origin.row + s.first, c.origin.col, s.count, cols)).values = c.grid.write.slice(s.first, s.first + s.count) as (string | number)[][];
  }
  for (const p of c.percentColumns) {
    await requests.reserve(p.rows * 12 + 200);
    ws.getRange(rangeA1(2, c.origin.col + p.col, p.rows, 1)).numberFormat = Array.from({ length: p.rows }, () => ['0.0%']);
  }
  for (const plan of c.charts) {
    const { spec, source } = plan;
    const single = spec.series.length === 1;
    await requests.reserve(4096 + plan.highlight.length * spec.series.length * 600);
    ws.getRange(rangeA1(0, source.col)).format.font.bold = true;
    const head = ws.getRange(rangeA1(source.row, source.col, 1, source.cols));
    head.format.font.bold = true;
    head.format.fill.color = HEADER_FILL;
    ws.getRange(rangeA1(0, source.col)).format.columnWidth = widthPoints(24);
    ws.getRange(rangeA1(0, source.col + 1, 1, source.cols - 1)).format.columnWidth = widthPoints(10);

    const chart = ws.charts.add(plan.type, ws.getRange(rangeA1(source.row, source.col, source.rows, source.cols)), 'Columns');
    chart.name = spec.title;
    chart.title.text = spec.title;
    chart.top = plan.top;
    chart.left = 0;
    chart.width = CHART_WIDTH;
    chart.height = plan.height;
    chart.legend.visible = !single;
    chart.legend.position = 'Top';
    // A bar chart draws its first category at the bottom: reversed, the list reads top-down as in the tables.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.format.font.size = 9;
    if (spec.percent) chart.axes.valueAxis.numberFormat = '0%';
    if (single) {
      chart.dataLabels.showValue = true;
      if (spec.percent) chart.dataLabels.numberFormat = '0.0%';
    }
    spec.series.forEach((s, j) => {
      const colour = s.severity ? CHART_COLOURS[s.severity] : j === 0 ? CHART_COLOURS.plain : CHART_COLOURS.second;
      chart.series.getItemAt(j).format.fill.setSolidColor(colour);
    });
    // Units with errors (rules of the 错误 level) stand out: a red bar where there is one series, a red outline
    // around each of their bars where there are several. Stacked bars show errors in their own red segment.
    if (!spec.stacked) {
      for (const i of plan.highlight) {
        if (single) chart.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(CHART_COLOURS.error);
        else
          spec.series.forEach((_, j) => {
            const border = chart.series.getItemAt(j).points.getItemAt(i).format.border;
            border.color = CHART_COLOURS.error;
            border.weight = 2;
          });
      }
    }
  }
  return c.charts.length;
}

interface Plan {
  targets: Target[];
  /** Our earlier sheets this run has nothing for (charts of a batch without readable units): removed too. */
  dropped: Array<{ name: string; id: string }>;
  /** The record of each table after this run (null: none), and before it, to put back if the run is undone. */
  records: Map<AuditTable, string | null>;
  previous: Map<AuditTable, string | null>;
}

/**
 * Queue the end of a run: old sheets out (by id), new ones under their names, the record, the units sheet shown. `have`
 * says whether a sheet of that name or id is there now.
 */
function finish(context: XlContext, plan: Plan, have: (nameOrId: string) => boolean): void {
  const sheets = context.workbook.worksheets;
  for (const t of plan.targets) if (t.replaces && have(t.replaces.id)) sheets.getItem(t.replaces.id).delete();
  for (const old of plan.dropped) if (have(old.id)) sheets.getItem(old.id).delete();
  for (const t of plan.targets) if (t.addAs !== t.name && have(t.addAs)) sheets.getItem(t.addAs).name = t.name;
  writeRecords(context, plan.records, plan.previous);
  // Renamed above, in this same request: the units sheet has its name by now.
  sheets.getItem(plan.targets[0].name).activate();
}

function writeRecords(context: XlContext, records: Map<AuditTable, string | null>, existing: Map<AuditTable, string | null>): void {
  const custom = context.workbook.properties.custom;
  for (const [table, value] of records) {
    if (value !== null) custom.add(recordKey(table), value);
    else if (existing.get(table) !== null && existing.get(table) !== undefined) custom.getItem(recordKey(table)).delete();
  }
}

/**
 * After a failed write, from what is there now: once an old sheet is gone (the last request had begun replacing), the
 * run is finished; before that, everything this run added is removed and the record put back as it was.
 */
async function recover(context: XlContext, plan: Plan, sleep: (ms: number) => Promise<void>): Promise<void> {
  const list = context.workbook.worksheets.load('items/name,items/id');
  const props = context.workbook.properties.custom.load('items/key');
  for (let attempt = 0; ; attempt += 1) {
    try {
      await context.sync();
      break;
    } catch (e) {
      if (officeCode(e) !== 'InvalidOperationInCellEditMode' || attempt >= 20) throw e;
      await sleep(1000);
    }
  }
  const names = new Set(list.items.flatMap((s) => [s.name.toLowerCase(), s.id]));
  const have = (nameOrId: string): boolean => names.has(nameOrId.toLowerCase()) || names.has(nameOrId);
  // The last request deletes the old sheets before anything else: one of them gone means it had begun.
  const begun = [...plan.targets.flatMap((t) => (t.replaces ? [t.replaces] : [])), ...plan.dropped].some((old) => !have(old.id));
  if (begun) finish(context, plan, have);
  else {
    for (const t of plan.targets) if (t.sheet && have(t.addAs)) context.workbook.worksheets.getItem(t.addAs).delete();
    const now = new Set(props.items.map((p) => p.key.toLowerCase()));
    const custom = context.workbook.properties.custom;
    for (const [table, value] of plan.previous) {
      if (value !== null) custom.add(recordKey(table), value);
      else if (now.has(recordKey(table))) custom.getItem(recordKey(table)).delete();
    }
  }
  await context.sync();
}

/**
 * `sleep` paces the clean-up after a failure while a cell is being edited (every request is refused until the edit
 * ends), so that a retry of the whole action starts from the workbook as it was.
 */
export async function writeAudit(context: XlContext, caps: Capabilities, summary: Summary, sleep: (ms: number) => Promise<void>): Promise<AuditWriteOutcome> {
  const wb = context.workbook;
  // 1. The sheets there are and what an earlier 审核 recorded.
  const list = wb.worksheets.load('items/name,items/id');
  const props = wb.properties.custom.load('items/key,items/value');
  await context.sync();
  const present = new Map(list.items.map((s) => [s.name.toLowerCase(), s.name] as const));
  const idOf = new Map(list.items.map((s) => [s.name.toLowerCase(), s.id] as const));
  const records = new Map<AuditTable, AuditRecord>();
  const recordProps = new Map<AuditTable, Excel.CustomProperty>();
  for (const p of props.items) {
    const key = p.key.toLowerCase();
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const table = key.slice(RECORD_PREFIX.length) as AuditTable;
    if (!(table in AUDIT_SHEET_NAMES)) continue;
    recordProps.set(table, p);
    const r = parseRecord(p.value);
    if (r) records.set(table, r);
  }

  // 2. Which of them are still ours to replace.
  const verdicts = await verify(context, records, present);

  // 3. Names: an earlier sheet of ours keeps its name; otherwise the usual one, numbered when a sheet has it.
  const layout = {
    units: tableSheet(summary, 'units'),
    rules: tableSheet(summary, 'rules'),
    findings: tableSheet(summary, 'findings'),
    charts: chartSheet(summary),
  };
  const tables: AuditTable[] = ['units', 'rules', 'findings', ...(layout.charts.charts.length ? (['charts'] as const) : [])];
  const ours = new Map<AuditTable, string>();
  for (const [table, v] of verdicts) if (v === 'ours') ours.set(table, present.get((records.get(table) as AuditRecord).name.toLowerCase()) as string);
  const taken = new Set([...present.keys()].filter((n) => ![...ours.values()].some((o) => o.toLowerCase() === n)));
  const kept: AuditWriteOutcome['kept'] = [];
  const targets: Target[] = [];
  let temp = 1;
  for (const table of tables) {
    const wanted = AUDIT_SHEET_NAMES[table];
    const earlier = ours.get(table) ?? null;
    const name = earlier ?? freeName(wanted, taken);
    taken.add(name.toLowerCase());
    const previous = records.get(table);
    if (verdicts.get(table) === 'edited' && previous) kept.push({ name: present.get(previous.name.toLowerCase()) ?? previous.name, reason: 'edited', used: name });
    if (name !== wanted && present.has(wanted.toLowerCase()) && !(verdicts.get(table) === 'edited' && previous?.name.toLowerCase() === wanted.toLowerCase())) {
      kept.push({ name: present.get(wanted.toLowerCase()) as string, reason: 'not-ours', used: name });
    }
    let addAs = name;
    if (earlier) {
      while (present.has(`年报助手临时${temp}`.toLowerCase()) || taken.has(`年报助手临时${temp}`.toLowerCase())) temp += 1;
      addAs = `年报助手临时${temp}`;
      taken.add(addAs.toLowerCase());
      temp += 1;
    }
    targets.push({ table, name, addAs, replaces: earlier ? { name: earlier, id: idOf.get(earlier.toLowerCase()) as string } : null });
  }
  const dropped = [...ours].filter(([table]) => !tables.includes(table)).map(([, name]) => ({ name, id: idOf.get(name.toLowerCase()) as string }));
  const after = new Map<AuditTable, string | null>();
  const previous = new Map<AuditTable, string | null>();
  for (const table of ['units', 'rules', 'findings', 'charts'] as const) {
    const t = targets.find((x) => x.table === table);
    const record = !t ? null : table === 'charts' ? recordOf(t.name, layout.charts.grid, layout.charts.origin) : recordOf(t.name, layout[table].grid, { row: 0, col: 0 });
    after.set(table, record ? encodeRecord(record) : null);
    const before = recordProps.get(table);
    previous.set(table, before ? String(before.value) : null);
  }
  const plan: Plan = { targets, dropped, records: after, previous };

  // 4. Write: new sheets complete, then old ones out, names and the record in the last request.
  const requests = new Requests(context, REQUEST_BUDGET);
  let filter = false;
  let charts = 0;
  try {
    for (const t of targets) {
      await requests.reserve(512);
      t.sheet = wb.worksheets.add(t.addAs);
      if (t.table === 'charts') charts = await writeCharts(t.sheet, layout.charts, requests);
      else filter = (await writeTable(t.sheet, layout[t.table], caps, requests)) || filter;
    }
    await requests.reserve(4096);
    finish(context, plan, () => true);
    await requests.flush();
  } catch (e) {
    try {
      await recover(context, plan, sleep);
    } catch {
      // The first failure is what the user needs to hear about.
    }
    throw e;
  }
  return {
    sheets: targets.map((t) => ({ table: t.table, name: t.name, rows: t.table === 'charts' ? layout.charts.rows - 2 : layout[t.table].rows })),
    charts,
    replaced: [...targets.flatMap((t) => (t.replaces ? [t.replaces.name] : [])), ...dropped.map((d) => d.name)],
    kept,
    filter,
  };
}
