/**
 * A workbook's grid read into report data, whoever loaded it: cells are found through our workbook names
 * (`NB_t3_new_natural`) when the workbook came from our template, and by the official labels otherwise — or for any
 * key whose name was lost. What cannot be found becomes a STRUCTURE finding and its rules are not evaluated: never a
 * silent 0.
 */
import {
  EXPLANATION_COLUMNS,
  EXPLANATION_SHEET_NAME,
  KEY_POSITIONS,
  LEVELS,
  MEMBERS_COLUMNS,
  MEMBERS_SHEET_NAME,
  META_FIELDS,
  REPORT_KINDS,
  T3_COLUMNS,
  T3_OTHER_COMBINED_ROW,
  TOOL_SHEET_NAMES,
} from '../../spec';
import { fromA1, toA1, workbookName } from '../address';
import type { Finding } from '../findings';
import type { RawValue, ReportData } from '../report';
import type { CellRef, Grid, GridSheet, GridValue } from './grid';
import { normaliseLabel } from './labelMatch';
import { locateByLabels, structureFinding, type Located } from './locate';
import { findReportMeta, type MetaSources } from './reportMeta';

export interface ReadReport {
  report: ReportData;
  /** '2021', or '2019' when a table was recognised in the trial layout. */
  format: string;
  /** Explanations (说明) stored with the report, by `rule:target`. */
  explanations?: Map<string, string>;
  /** Where each key was read from, e.g. `表三!D5`. */
  addresses?: Map<string, string>;
  /** Findings the reader itself made (STRUCTURE, FORMAT-VERSION, inferred splits, unreadable parts). */
  findings?: Finding[];
  /** Where the unit's name and the year were read from. */
  metaSources?: MetaSources;
}

export type ReadOutcome = { ok: true; value: ReadReport } | { ok: false; error: string };

/**
 * Stands for a table cell that could not be located: the core reads it as not a usable number, so no rule runs on a
 * guessed 0; `dropUnlocatedValueFindings` removes the VALUE-* findings it would cause (STRUCTURE already says why).
 */
export const NOT_LOCATED = Object.freeze({ notLocated: true }) as unknown as RawValue;

export function isNotLocated(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { notLocated?: unknown }).notLocated === true;
}

/** Drop VALUE-* findings about cells that were never located: the STRUCTURE finding already says what is missing. */
export function dropUnlocatedValueFindings<T extends Pick<Finding, 'rule' | 'target'>>(findings: T[], report: ReportData): T[] {
  return findings.filter((f) => !(f.rule.startsWith('VALUE-') && isNotLocated(report.values[f.target])));
}

export function sheetByName(grid: Grid, name: string): GridSheet | undefined {
  return grid.sheets.find((s) => s.name === name) ?? grid.sheets.find((s) => s.name.trim() === name.trim());
}

export function addressOf(ref: CellRef): string {
  return `${ref.sheet.name}!${toA1(ref.row, ref.col)}`;
}

/** `'表三'!$D$5` (or `表三!D5`) as a sheet name and a cell; null for anything else (`#REF!`, ranges, formulas). */
export function parseCellReference(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^\s*=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d{1,7})\s*$/i.exec(ref);
  if (!m) return null;
  const { row, col } = fromA1(`${m[3]}${m[4]}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), row, col };
}

/** Keys the template names: every input, and the marked 2019 （六） row a template may carry (see writeTemplate). */
const NAMED_KEYS = [...KEY_POSITIONS.keys(), ...T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`)];

/** Resolve our defined names (`NB_…`, given as name → reference text) to cells. */
function locateByNames(grid: Grid, names: ReadonlyMap<string, string>): Map<string, CellRef> {
  const out = new Map<string, CellRef>();
  if (names.size === 0) return out;
  for (const key of NAMED_KEYS) {
    const ref = names.get(workbookName(key));
    const parsed = ref ? parseCellReference(ref) : null;
    if (!parsed) continue;
    const sheet = sheetByName(grid, parsed.sheet);
    if (sheet) out.set(key, { sheet, row: parsed.row, col: parsed.col });
  }
  return out;
}

/** The rows below a header row whose columns hold the given labels: `columns[i]` is the column of `labels[i]`. */
function rowsUnder(sheet: GridSheet, labels: readonly string[]): { headerRow: number; columns: (number | undefined)[] } | null {
  const want = labels.map((l) => normaliseLabel(l));
  for (const [row, cells] of sheet.rows) {
    const columns = want.map((w) => cells.find((c) => c.norm === w)?.col);
    if (columns.filter((c) => c !== undefined).length >= 2) return { headerRow: row, columns };
  }
  return null;
}

function cellString(sheet: GridSheet, row: number, col: number | undefined): string | undefined {
  if (col === undefined) return undefined;
  const v = sheet.value(row, col);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Explanations (说明) from the 核实说明 sheet, by `rule:target`. */
export function readExplanations(grid: Grid): Map<string, string> {
  const map = new Map<string, string>();
  const sheet = sheetByName(grid, EXPLANATION_SHEET_NAME);
  const header = sheet ? rowsUnder(sheet, EXPLANATION_COLUMNS) : null;
  if (!sheet || !header) return map;
  const [ruleCol, targetCol, , textCol] = header.columns;
  for (let r = header.headerRow + 1; r <= sheet.lastRow; r += 1) {
    const rule = cellString(sheet, r, ruleCol);
    const target = cellString(sheet, r, targetCol);
    const text = cellString(sheet, r, textCol);
    if (rule && target && text) map.set(`${rule}:${target}`, text);
  }
  return map;
}

/** The member bodies listed on the 汇总成员 sheet, or undefined when the workbook has no such sheet. */
export function readMembers(grid: Grid): string[] | undefined {
  const sheet = sheetByName(grid, MEMBERS_SHEET_NAME);
  if (!sheet) return undefined;
  const want = normaliseLabel(MEMBERS_COLUMNS[1]);
  const head = sheet.texts.find((t) => t.norm === want);
  if (!head) return [];
  const out: string[] = [];
  for (let r = head.row + 1; r <= sheet.lastRow; r += 1) {
    const name = cellString(sheet, r, head.col);
    if (name) out.push(name);
  }
  return out;
}

function metaValue(v: GridValue): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export interface ReadGridOptions {
  /** The file's name (without folders), the last source of the unit's name and year. */
  fileName?: string;
  /** Sheets not to search by labels; by default the sheets the tool itself writes (校验, 核实说明, …). */
  ignoreSheets?: readonly string[];
}

/**
 * The sheets searched for the tables' labels: not the sheets the tool writes itself (校验, 核实说明, …), and the visible
 * ones first — a hidden sheet may hold last year's tables, or a draft.
 */
export function searchableGrid(grid: Grid, ignore: readonly string[] = TOOL_SHEET_NAMES): Grid {
  const kept = grid.sheets.filter((s) => !ignore.includes(s.name));
  return { sheets: [...kept.filter((s) => !s.hidden), ...kept.filter((s) => s.hidden)] };
}

/** Read a workbook's grid into report data. `names` maps workbook names to their reference text. */
export function readGridReport(grid: Grid, names: ReadonlyMap<string, string>, options: ReadGridOptions = {}): ReadReport {
  const named = locateByNames(grid, names);
  const tableKeys = [...KEY_POSITIONS.keys()].filter((k) => /^t[234]\./.test(k));
  const needLabels = tableKeys.some((k) => !named.has(k));
  const searchable = searchableGrid(grid, options.ignoreSheets);
  let located: Located = { cells: new Map(), findings: [], notLocated: new Set() };
  if (needLabels) located = locateByLabels(searchable);
  // Names win; labels fill what names do not give. A key found by neither stays not located.
  const cells = new Map<string, CellRef>([...located.cells, ...named]);
  const findings: Finding[] = located.findings.filter((f) => !(f.cells.length === 0 && named.has(f.target)));

  const values: Record<string, RawValue> = {};
  const prev: Record<string, RawValue> = {};
  const addresses = new Map<string, string>();
  const fields: Record<string, string> = {};
  for (const [key, ref] of cells) {
    const v = ref.sheet.value(ref.row, ref.col);
    // The 2019 row our template marks, once cleared after splitting, is simply gone (a row found by its label stays).
    if (named.has(key) && key.startsWith(`t3.${T3_OTHER_COMBINED_ROW}.`) && (v === null || v === '')) continue;
    if (key.startsWith('meta.')) {
      const s = metaValue(v);
      if (s !== undefined) fields[key.slice(5)] = s;
    } else if (key.startsWith('prev.')) {
      if (v !== null && v !== '') prev[key.slice(5)] = v as RawValue;
    } else values[key] = v as RawValue;
    addresses.set(key, addressOf(ref));
  }
  for (const key of located.notLocated) if (!cells.has(key)) values[key] = NOT_LOCATED;

  const meta: Record<string, string | number> = {};
  // The level and kind accepted as their Chinese labels too.
  if (fields.level !== undefined) meta.level = LEVELS.find((l) => l.label === fields.level || l.key === fields.level)?.key ?? fields.level;
  if (fields.kind !== undefined) meta.kind = REPORT_KINDS.find((k) => k.label === fields.kind || k.key === fields.kind)?.key ?? fields.kind;
  if (fields.template_version !== undefined) meta.template_version = fields.template_version;
  const found = findReportMeta(searchable, { body: fields.body, year: fields.year }, options.fileName);
  if (found.body !== undefined) meta.body = found.body;
  if (found.year !== undefined) meta.year = found.year;
  if (found.sources.body === 'file' || found.sources.body === null) {
    findings.push(
      structureFinding(
        'meta.body',
        found.sources.body === 'file'
          ? `工作簿里没有写明机关名称（没有“填报单位”“机关名称”栏，标题和工作表名称也没有），暂按文件名记为“${found.body}”`
          : '工作簿里没有写明机关名称（没有“填报单位”“机关名称”栏，标题和工作表名称也没有）',
      ),
    );
  }
  for (const f of META_FIELDS) if (meta[f.slice(5)] === undefined) delete meta[f.slice(5)];

  const report: ReportData = { meta, values };
  if (Object.keys(prev).length) report.prev = prev;
  const members = readMembers(grid);
  if (members) report.members = members;
  const explanations = readExplanations(grid);
  const format = findings.some((f) => f.rule === 'FORMAT-VERSION') ? '2019' : '2021';
  return { report, format, explanations: explanations.size ? explanations : undefined, addresses, findings, metaSources: found.sources };
}
