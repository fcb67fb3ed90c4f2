/**
 * The supervisor's summary of a batch: one row per unit (status, counts, main figures), one row per rule (how many
 * units break it), every finding with its unit and explanation, and the series the charts draw. One structure,
 * rendered by thin writers: the command line's 审核结果.xlsx, the task pane's sheets, the offline page.
 */
import { RULES, SEVERITIES, T3_ROWS, type Severity } from '../spec';
import { cellLabel, fmt } from './labels';
import type { CheckResult, FileResult } from './findings';

type JsonFinding = FileResult['findings'][number];
import { readValue } from './readValue';
import type { RawValue } from './report';

export const SUMMARY_SHEETS = { units: '单位汇总', rules: '规则汇总', findings: '问题明细' } as const;
export type SummaryTable = keyof typeof SUMMARY_SHEETS;

export type SummaryCell = string | number | null;

export interface SummaryColumn {
  header: string;
  /** Width in characters (as spreadsheet column widths are given). */
  width: number;
  /** Numbers right-aligned and summable; text wraps. */
  kind: 'text' | 'number';
}

/** The main figures of a unit's report, for comparing units (null where the report's figure is unusable). */
export interface UnitFigures {
  /** 本年新收政府信息公开申请数量（总计）. */
  received: number | null;
  /** 不予公开 as a share of the handled total (0–1). */
  refusedShare: number | null;
  /** 行政复议（总计）. */
  reconsiderations: number | null;
  /** 行政诉讼: 未经复议直接起诉 + 复议后起诉（总计）. */
  suits: number | null;
}

export type UnitStatus = 'unreadable' | 'error' | 'warning' | 'info' | 'ok';

export interface UnitRow {
  file: string;
  /** The unit's name as read, or the file name where the report names none. */
  unit: string;
  body: string | null;
  year: number | null;
  status: UnitStatus;
  errors: number;
  warnings: number;
  infos: number;
  explained: number;
  error: string | null;
  figures: UnitFigures;
}

export interface RuleRow {
  rule: string;
  severity: Severity;
  title: string;
  units: number;
  findings: number;
}

export interface DetailRow {
  file: string;
  unit: string;
  finding: JsonFinding;
}

export interface Summary {
  units: UnitRow[];
  rules: RuleRow[];
  details: DetailRow[];
  totals: CheckResult['summary'] & { unreadable: number; clean: number };
}

export const STATUS_LABELS: Record<UnitStatus, string> = { unreadable: '无法读取', error: '有错误', warning: '需核实', info: '仅有提示', ok: '未发现问题' };
export const SEVERITY_LABELS = Object.fromEntries(SEVERITIES.map((s) => [s.key, s.label])) as Record<Severity, string>;
/** The severity a unit's status is shown with (the colour of its row). */
export const STATUS_SEVERITY: Record<UnitStatus, Severity | null> = { unreadable: 'error', error: 'error', warning: 'warning', info: 'info', ok: null };

function statusOf(file: FileResult): UnitStatus {
  if (file.status === 'unreadable') return 'unreadable';
  if (file.findings.some((f) => f.severity === 'error')) return 'error';
  if (file.findings.some((f) => f.severity === 'warning')) return 'warning';
  if (file.findings.length) return 'info';
  return 'ok';
}

/** The file name without folders and extension: a unit's name where its report gives none. */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

function count(values: Readonly<Record<string, RawValue>> | undefined, key: string): number | null {
  if (!values) return null;
  const v = readValue(values[key], 'count');
  return v.state === 'number' ? v.value : v.state === 'blank' ? 0 : null;
}

const REFUSED_ROWS = T3_ROWS.filter((r) => r.key.startsWith('refused_')).map((r) => r.key);

export function unitFigures(values: Readonly<Record<string, RawValue>> | undefined): UnitFigures {
  const received = count(values, 't3.new.total');
  const handled = count(values, 't3.handled_total.total');
  const refused = REFUSED_ROWS.map((r) => count(values, `t3.${r}.total`));
  const refusedSum = refused.every((n) => n !== null) ? refused.reduce<number>((a, n) => a + (n ?? 0), 0) : null;
  const direct = count(values, 't4.litigation_direct.total');
  const after = count(values, 't4.litigation_after.total');
  return {
    received,
    refusedShare: refusedSum !== null && handled ? refusedSum / handled : handled === 0 && refusedSum === 0 ? 0 : null,
    reconsiderations: count(values, 't4.reconsideration.total'),
    suits: direct !== null && after !== null ? direct + after : null,
  };
}

/**
 * Build the summary. `values` gives each file's report values (by file name) for the main figures; files without
 * them (unreadable ones) have no figures.
 */
export function buildSummary(result: CheckResult, values: ReadonlyMap<string, Readonly<Record<string, RawValue>>> = new Map()): Summary {
  const units: UnitRow[] = result.files.map((f) => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const x of f.findings) c[x.severity] += 1;
    return {
      file: f.file,
      unit: f.body ?? fileStem(f.file),
      body: f.body,
      year: f.year,
      status: statusOf(f),
      errors: c.error,
      warnings: c.warning,
      infos: c.info,
      explained: f.findings.filter((x) => x.explanation).length,
      error: f.error,
      figures: unitFigures(values.get(f.file)),
    };
  });

  const byRule = new Map<string, { units: Set<string>; findings: number }>();
  for (const f of result.files) {
    for (const x of f.findings) {
      const e = byRule.get(x.rule) ?? { units: new Set<string>(), findings: 0 };
      e.units.add(f.file);
      e.findings += 1;
      byRule.set(x.rule, e);
    }
  }
  const rules: RuleRow[] = RULES.filter((r) => byRule.has(r.id))
    .map((r) => ({ rule: r.id, severity: r.severity, title: r.title, units: byRule.get(r.id)?.units.size ?? 0, findings: byRule.get(r.id)?.findings ?? 0 }))
    .sort((a, b) => b.units - a.units || b.findings - a.findings);
  const unreadable = units.filter((u) => u.status === 'unreadable').length;
  if (unreadable) rules.push({ rule: '（无法读取）', severity: 'error', title: '文件无法读取，没有校验', units: unreadable, findings: unreadable });

  const details: DetailRow[] = result.files.flatMap((f) => f.findings.map((finding) => ({ file: f.file, unit: f.body ?? fileStem(f.file), finding })));
  return { units, rules, details, totals: { ...result.summary, unreadable, clean: units.filter((u) => u.status === 'ok').length } };
}

// ------------------------------------------------------------------------------------------------------------------
// The three tables as rows of cells, for every writer.

export const SUMMARY_COLUMNS: Record<SummaryTable, SummaryColumn[]> = {
  units: [
    { header: '文件', width: 36, kind: 'text' },
    { header: '机关名称', width: 32, kind: 'text' },
    { header: '年度', width: 8, kind: 'number' },
    { header: '状态', width: 12, kind: 'text' },
    { header: '错误', width: 8, kind: 'number' },
    { header: '核实', width: 8, kind: 'number' },
    { header: '提示', width: 8, kind: 'number' },
    { header: '已写说明', width: 10, kind: 'number' },
    { header: '新收申请', width: 10, kind: 'number' },
    { header: '不予公开占比', width: 12, kind: 'number' },
    { header: '行政复议', width: 10, kind: 'number' },
    { header: '行政诉讼', width: 10, kind: 'number' },
    { header: '无法读取的原因', width: 60, kind: 'text' },
  ],
  rules: [
    { header: '规则', width: 18, kind: 'text' },
    { header: '级别', width: 8, kind: 'text' },
    { header: '规则说明', width: 50, kind: 'text' },
    { header: '涉及单位数', width: 12, kind: 'number' },
    { header: '问题数', width: 10, kind: 'number' },
  ],
  findings: [
    { header: '文件', width: 30, kind: 'text' },
    { header: '机关名称', width: 30, kind: 'text' },
    { header: '级别', width: 8, kind: 'text' },
    { header: '规则', width: 16, kind: 'text' },
    { header: '对象', width: 24, kind: 'text' },
    { header: '涉及单元格', width: 40, kind: 'text' },
    { header: '位置', width: 24, kind: 'text' },
    { header: '应为', width: 10, kind: 'number' },
    { header: '实际', width: 10, kind: 'number' },
    { header: '问题', width: 70, kind: 'text' },
    { header: '说明', width: 40, kind: 'text' },
  ],
};

/** A number as a report prints it; a share as a percentage with one decimal. */
function numberCell(v: number | string | null): SummaryCell {
  if (v === null) return null;
  return typeof v === 'number' ? Number(fmt(v)) : v;
}

function shareCell(v: number | null): SummaryCell {
  return v === null ? null : `${(v * 100).toFixed(1)}%`;
}

export interface SummaryRows {
  rows: SummaryCell[][];
  /** The severity each row is marked with (the status or level cell's colour), or null. */
  marks: (Severity | null)[];
  /** The column the mark colours. */
  markColumn: number;
}

export function summaryRows(summary: Summary, table: SummaryTable): SummaryRows {
  if (table === 'units') {
    return {
      rows: summary.units.map((u) => [
        u.file,
        u.body ?? '',
        u.year,
        STATUS_LABELS[u.status],
        u.errors,
        u.warnings,
        u.infos,
        u.explained,
        u.figures.received,
        shareCell(u.figures.refusedShare),
        u.figures.reconsiderations,
        u.figures.suits,
        u.error ?? '',
      ]),
      marks: summary.units.map((u) => STATUS_SEVERITY[u.status]),
      markColumn: 3,
    };
  }
  if (table === 'rules') {
    return {
      rows: summary.rules.map((r) => [r.rule, SEVERITY_LABELS[r.severity], r.title, r.units, r.findings]),
      marks: summary.rules.map((r) => r.severity),
      markColumn: 1,
    };
  }
  return {
    rows: summary.details.map(({ file, finding: x }) => [
      file,
      summary.units.find((u) => u.file === file)?.body ?? '',
      SEVERITY_LABELS[x.severity],
      x.rule,
      x.target,
      x.cells.map(cellLabel).join('、'),
      (x.addresses ?? []).join('、'),
      numberCell(x.expected),
      numberCell(x.actual),
      x.message,
      x.explanation ?? '',
    ]),
    marks: summary.details.map((d) => d.finding.severity),
    markColumn: 2,
  };
}

// ------------------------------------------------------------------------------------------------------------------
// What the charts draw.

export interface ChartSeries {
  title: string;
  /** Category labels (units or rules). */
  categories: string[];
  series: { name: string; values: (number | null)[]; severity?: Severity }[];
  /** Categories to make stand out (units with errors). */
  highlight: boolean[];
  /** Values are shares (0–1), shown as percentages. */
  percent?: boolean;
  /** The series are parts of one whole (errors, warnings, hints of a unit): drawn as one stacked bar. */
  stacked?: boolean;
}

export function summaryCharts(summary: Summary): ChartSeries[] {
  const readable = summary.units.filter((u) => u.status !== 'unreadable');
  const names = readable.map((u) => u.unit);
  const hasError = readable.map((u) => u.errors > 0);
  const byUnit: ChartSeries = {
    title: '各单位问题数',
    categories: names,
    series: [
      { name: '错误', values: readable.map((u) => u.errors), severity: 'error' },
      { name: '核实', values: readable.map((u) => u.warnings), severity: 'warning' },
      { name: '提示', values: readable.map((u) => u.infos), severity: 'info' },
    ],
    highlight: hasError,
    stacked: true,
  };
  const ruled = summary.rules.filter((r) => !r.rule.startsWith('（'));
  const byRule: ChartSeries = {
    title: '各规则涉及单位数',
    categories: ruled.map((r) => r.rule),
    series: [{ name: '涉及单位数', values: ruled.map((r) => r.units) }],
    highlight: ruled.map((r) => r.severity === 'error'),
  };
  const figures = (title: string, name: string, pick: (f: UnitFigures) => number | null, percent = false): ChartSeries => ({
    title,
    categories: names,
    series: [{ name, values: readable.map((u) => pick(u.figures)) }],
    highlight: hasError,
    percent,
  });
  return [
    byUnit,
    byRule,
    figures('各单位新收政府信息公开申请数量', '新收申请', (f) => f.received),
    figures('各单位不予公开占比', '不予公开占比', (f) => f.refusedShare, true),
    {
      title: '各单位行政复议、行政诉讼数量',
      categories: names,
      series: [
        { name: '行政复议', values: readable.map((u) => u.figures.reconsiderations) },
        { name: '行政诉讼', values: readable.map((u) => u.figures.suits) },
      ],
      highlight: hasError,
    },
  ];
}
