/**
 * What 审核 writes, laid out as cells before any of it reaches Excel (pure): the three tables of the core summary with
 * their header, mark colours and widths; the sheet of charts with each chart's data block and place; and, for each
 * sheet, the digest of what Excel will read back, so that a later run can tell its own untouched sheet from one the
 * user changed.
 */
import { SUMMARY_COLUMNS, SUMMARY_SHEETS, summaryCharts, summaryRows, type ChartSeries, type Summary, type SummaryColumn } from '../core';
import type { Severity } from '../spec';
import type { AuditTable } from '../taskpane/services';
import { asText } from './workbook';

export const CHART_SHEET = '审核图表';
export const AUDIT_TABLES: readonly AuditTable[] = ['units', 'rules', 'findings', 'charts'];
export const AUDIT_SHEET_NAMES: Record<AuditTable, string> = { ...SUMMARY_SHEETS, charts: CHART_SHEET };

/** The colours of the status and level cells: the check's marks, and blue for hints (as in the CLI's workbook). */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
export const HEADER_FILL = '#F2F2F2';
/** Bars of the charts: a unit with errors (or an error rule) in red, the others blue; the page uses the same. */
export const CHART_COLOURS = { error: '#C00000', warning: '#BF8F00', info: '#2F75B5', plain: '#4472C4', second: '#ED7D31' } as const;

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_MAX = 32767;

export type ReadBack = string | number;

/** Cells as written (text made safe: never a formula) and as Excel will read them back. */
export interface Grid {
  write: (string | number | null)[][];
  expect: ReadBack[][];
}

function gridOf(rows: readonly (readonly (string | number | null)[])[]): Grid {
  const write: (string | number | null)[][] = [];
  const expect: ReadBack[][] = [];
  for (const row of rows) {
    write.push(
      row.map((v) => {
        if (v === null) return null;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        return asText(v.length > CELL_MAX ? `${v.slice(0, CELL_MAX - 1)}…` : v);
      }),
    );
    expect.push(row.map((v) => (v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '' : typeof v === 'number' ? v : v.length > CELL_MAX ? `${v.slice(0, CELL_MAX - 1)}…` : v)));
  }
  return { write, expect };
}

/** Consecutive rows with one mark: one format command per run, not per row. */
export interface MarkRun {
  /** Row index in the grid (0 is the header). */
  first: number;
  count: number;
  severity: Severity;
}

export interface TableSheet {
  table: Exclude<AuditTable, 'charts'>;
  grid: Grid;
  columns: SummaryColumn[];
  markColumn: number;
  marks: MarkRun[];
  /** Data rows (the header not counted). */
  rows: number;
}

function runsOf(marks: readonly (Severity | null)[]): MarkRun[] {
  const runs: MarkRun[] = [];
  marks.forEach((m, i) => {
    if (!m) return;
    const last = runs[runs.length - 1];
    if (last && last.severity === m && last.first + last.count === i + 1) last.count += 1;
    else runs.push({ first: i + 1, count: 1, severity: m });
  });
  return runs;
}

export function tableSheet(summary: Summary, table: Exclude<AuditTable, 'charts'>): TableSheet {
  const columns = SUMMARY_COLUMNS[table];
  const { rows, marks, markColumn } = summaryRows(summary, table);
  return { table, grid: gridOf([columns.map((c) => c.header), ...rows]), columns, markColumn, marks: runsOf(marks), rows: rows.length };
}

/** A spreadsheet column width (characters of the default font) in points, as Excel converts it for Calibri 11. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

// ---- the sheet of charts ------------------------------------------------------------------------------------------

/** Charts sit on the left; their data blocks start at this column (M), one block per chart, side by side. */
export const DATA_COLUMN = 12;
export const CHART_WIDTH = 520;
const CHART_GAP = 14;
/** Excel's charts have no documented maximum height; past this a chart of hundreds of units shows every other label. */
export const CHART_MAX_HEIGHT = 1500;

export interface ChartPlan {
  spec: ChartSeries;
  /** Excel.ChartType. */
  type: 'BarStacked' | 'BarClustered';
  /** The data block, relative to the sheet: its header row (category label, series names) and the rows below. */
  source: { row: number; col: number; rows: number; cols: number };
  top: number;
  height: number;
  /** Units to make stand out, by point index (units with errors; rules of the 错误 level). */
  highlight: number[];
}

export interface ChartSheet {
  grid: Grid;
  /** Where the grid goes: row 0, column DATA_COLUMN. */
  origin: { row: number; col: number };
  charts: ChartPlan[];
  /** Columns of the grid holding shares (0–1), shown as percentages. */
  percentColumns: Array<{ col: number; rows: number }>;
  /** Rows of the data blocks in the grid (the longest block), the title row included. */
  rows: number;
}

function chartHeight(categories: number, series: number, stacked: boolean): number {
  const band = stacked || series === 1 ? 14 : 11 * series + 4;
  return Math.min(CHART_MAX_HEIGHT, Math.max(220, 90 + band * categories));
}

/** The charts of the summary that have something to draw, their data blocks side by side, the charts stacked. */
export function chartSheet(summary: Summary): ChartSheet {
  const specs = summaryCharts(summary).filter((c) => c.categories.length > 0);
  const blocks: (string | number | null)[][][] = [];
  const charts: ChartPlan[] = [];
  const percentColumns: ChartSheet['percentColumns'] = [];
  let col = 0;
  let top = 0;
  for (const spec of specs) {
    const width = 1 + spec.series.length;
    const label = spec.title.includes('规则') ? '规则' : '单位';
    blocks.push([
      [spec.title, ...spec.series.map(() => null)],
      [label, ...spec.series.map((s) => s.name)],
      ...spec.categories.map((c, i) => [c, ...spec.series.map((s) => s.values[i] ?? null)]),
    ]);
    if (spec.percent) spec.series.forEach((_, j) => percentColumns.push({ col: col + 1 + j, rows: spec.categories.length }));
    const height = chartHeight(spec.categories.length, spec.series.length, !!spec.stacked);
    charts.push({
      spec,
      type: spec.stacked ? 'BarStacked' : 'BarClustered',
      source: { row: 1, col: DATA_COLUMN + col, rows: spec.categories.length + 1, cols: width },
      top,
      height,
      highlight: spec.highlight.flatMap((h, i) => (h ? [i] : [])),
    });
    top += height + CHART_GAP;
    col += width + 1;
  }
  const rows = Math.max(0, ...blocks.map((b) => b.length));
  const cols = Math.max(0, col - 1);
  const cells: (string | number | null)[][] = Array.from({ length: rows }, () => new Array<string | number | null>(cols).fill(null));
  let at = 0;
  for (const b of blocks) {
    b.forEach((r, i) => r.forEach((v, j) => (cells[i][at + j] = v)));
    at += b[0].length + 1;
  }
  return { grid: gridOf(cells), origin: { row: 0, col: DATA_COLUMN }, charts, percentColumns, rows };
}

// ---- recognising our own sheets again ------------------------------------------------------------------------------

/** FNV-1a (32 bits) of the cells as Excel reads them back: changes when anyone changes a value. */
export function digest(cells: readonly (readonly unknown[])[]): string {
  const text = JSON.stringify(cells.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The bounding box of the cells that hold a value, relative to the grid (null when none do). */
export function valueBox(cells: readonly (readonly ReadBack[])[]): { row: number; col: number; rows: number; cols: number } | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === '') return;
      r0 = Math.min(r0, i);
      c0 = Math.min(c0, j);
      r1 = Math.max(r1, i);
      c1 = Math.max(c1, j);
    }),
  );
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/**
 * What a run remembers of each sheet it wrote, in a custom document property of the workbook (ExcelApi 1.7, at most
 * 255 characters): the sheet's name, the rectangle it filled, the digest of what Excel read back and its size.
 */
export interface AuditRecord {
  name: string;
  /** Absolute rectangle of the written cells. */
  rect: { row: number; col: number; rows: number; cols: number };
  digest: string;
  /** UTF-8 bytes of the cells as JSON, to read them back in pieces under the payload limit. */
  bytes: number;
}

export const RECORD_PREFIX = 'nianbao.audit.';

export function encodeRecord(r: AuditRecord): string {
  return JSON.stringify({ n: r.name, r: [r.rect.row, r.rect.col, r.rect.rows, r.rect.cols], d: r.digest, b: r.bytes });
}

export function parseRecord(value: unknown): AuditRecord | null {
  if (typeof value !== 'string') return null;
  try {
    const o = JSON.parse(value) as { n?: unknown; r?: unknown; d?: unknown; b?: unknown };
    const r = Array.isArray(o.r) && o.r.length === 4 && o.r.every((x) => Number.isInteger(x) && x >= 0) ? (o.r as number[]) : null;
    if (typeof o.n !== 'string' || !o.n || !r || r[2] < 1 || r[3] < 1 || typeof o.d !== 'string' || typeof o.b !== 'number') return null;
    return { name: o.n, rect: { row: r[0], col: r[1], rows: r[2], cols: r[3] }, digest: o.d, bytes: o.b };
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();
export const utf8Bytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** `单位汇总`, else `单位汇总 (2)`, `单位汇总 (3)` …: the first name no sheet has (Excel compares names without case). */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  const has = (n: string): boolean => taken.has(n.toLowerCase());
  if (!has(wanted)) return wanted;
  for (let i = 2; ; i += 1) {
    const name = `${wanted} (${i})`;
    if (!has(name)) return name;
  }
}
