/**
 * A received .xlsx read into report data. Cells are found through our workbook names (`NB_t3_new_natural`) when the
 * workbook came from our template, and by the official labels otherwise — or for any key whose name was lost. What
 * cannot be found becomes a STRUCTURE finding and its rules are not evaluated: never a silent 0.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  KEY_POSITIONS,
  META_FIELDS,
  EXPLANATION_COLUMNS,
  EXPLANATION_SHEET_NAME,
  REPORT_KINDS,
  LEVELS,
  T3_COLUMNS,
  T3_OTHER_COMBINED_ROW,
} from '../spec';
import { fromA1, workbookName, type Finding, type RawValue, type ReportData } from '../core';
import type { ReadOutcome, ReadReport } from '../cli/inputs';
import { LIMITS, inspectWorkbookBytes } from './inspectFile';
import { addressOf, buildGrid, cellText, valueAt, type CellRef, type Grid, type SheetGrid } from './grid';
import { locateByLabels, titleMeta, type Located } from './locateByLabels';
import { normaliseLabel } from './labelMatch';
import { readMembers } from './membersSheet';

/**
 * Stands for a table cell that could not be located: the core reads it as not a usable number, so no rule runs on a
 * guessed 0; `dropUnlocatedValueFindings` removes the VALUE-* findings it would cause (STRUCTURE already says why).
 */
export const NOT_LOCATED = Object.freeze({ notLocated: true }) as unknown as RawValue;

export function isNotLocated(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { notLocated?: unknown }).notLocated === true;
}

/** Parts of a workbook the reader never needs; skipping them makes loading faster. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'picture', 'drawing', 'tableParts', 'headerFooter', 'rowBreaks', 'printOptions', 'pageMargins', 'pageSetup'];

export type LoadOutcome = { ok: true; workbook: ExcelJS.Workbook; macros: boolean } | { ok: false; error: string };

/** Load an untrusted workbook: size and container checks first, then exceljs. Never throws. */
export async function loadWorkbook(file: string, options: { forWriting?: boolean } = {}): Promise<LoadOutcome> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, error: '不是文件' };
    if (stat.size > LIMITS.maxFileBytes) {
      return { ok: false, error: `文件过大（${(stat.size / 1048576).toFixed(0)} MB），超过了 ${LIMITS.maxFileBytes / 1048576} MB 的上限；年报工作簿通常不到 1 MB，请确认是否发错了文件` };
    }
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取这个文件的权限' : `无法打开文件（${code ?? String(e)}）` };
  }
  return loadWorkbookBytes(buf, options);
}

export async function loadWorkbookBytes(buf: Buffer, options: { forWriting?: boolean } = {}): Promise<LoadOutcome> {
  const inspection = inspectWorkbookBytes(buf);
  if (!inspection.ok) return inspection;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's load options are untyped beyond ignoreNodes; ignoring parts only when the workbook is not rewritten.
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer, (options.forWriting ? {} : { ignoreNodes: IGNORED_NODES }) as Parameters<typeof workbook.xlsx.load>[1]);
  } catch (e) {
    return { ok: false, error: `工作簿已损坏，内容无法解析（${e instanceof Error ? e.message.slice(0, 120) : String(e)}）；请在 Excel 或 WPS 中打开后重新保存` };
  }
  return { ok: true, workbook, macros: inspection.macros };
}

// ------------------------------------------------------------------------------------------------------------------

function sheetByName(grid: Grid, name: string): SheetGrid | undefined {
  return grid.sheets.find((s) => s.name === name) ?? grid.sheets.find((s) => s.name.trim() === name.trim());
}

/** Resolve our defined names (`NB_…`) to cells. */
function locateByNames(wb: ExcelJS.Workbook, grid: Grid): Map<string, CellRef> {
  const out = new Map<string, CellRef>();
  // getRanges per key, not `definedNames.model`: the model resolves every name in the workbook (500 and more).
  // Our inputs, and the marked 2019 （六） row a template may carry for a report that had one (see writeTemplate).
  const combined = T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`);
  for (const key of [...KEY_POSITIONS.keys(), ...combined]) {
    const range = wb.definedNames.getRanges(workbookName(key)).ranges[0];
    const m = range ? /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)/.exec(range) : null;
    if (!m) continue;
    const sheet = sheetByName(grid, m[1].replace(/''/g, "'"));
    if (!sheet) continue;
    const { row, col } = fromA1(`${m[2]}${m[3]}`);
    out.set(key, { sheet, row, col });
  }
  return out;
}

/** Explanations (说明) from the 核实说明 sheet, by `rule:target`. */
function readExplanations(grid: Grid): Map<string, string> {
  const map = new Map<string, string>();
  const sheet = sheetByName(grid, EXPLANATION_SHEET_NAME);
  if (!sheet) return map;
  const want = EXPLANATION_COLUMNS.map((c) => normaliseLabel(c));
  for (const [row, cells] of sheet.rows) {
    const cols = want.map((w) => cells.find((c) => c.norm === w)?.col);
    const [ruleCol, targetCol, , textCol] = cols;
    if (ruleCol === undefined || targetCol === undefined || textCol === undefined) continue;
    const last = sheet.ws.rowCount; // 1-based; getRow() beyond it would add rows
    for (let r = row + 1; r < last; r += 1) {
      const wsRow = sheet.ws.getRow(r + 1);
      const rule = cellText(wsRow.getCell(ruleCol + 1).value)?.trim();
      const target = cellText(wsRow.getCell(targetCol + 1).value)?.trim();
      const text = cellText(wsRow.getCell(textCol + 1).value)?.trim();
      if (rule && target && text) map.set(`${rule}:${target}`, text);
    }
    break;
  }
  return map;
}

function metaValue(v: RawValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Read a loaded workbook into report data. */
export function readWorkbook(wb: ExcelJS.Workbook): ReadReport {
  // Our template: names give every cell, and only the 核实说明 sheet needs its text read.
  let grid = buildGrid(wb, (name) => name === EXPLANATION_SHEET_NAME);
  const named = locateByNames(wb, grid);
  const tableKeys = [...KEY_POSITIONS.keys()].filter((k) => /^t[234]\./.test(k));
  const needLabels = tableKeys.some((k) => !named.has(k));
  let full = false;
  const fullGrid = (): Grid => {
    if (!full) grid = buildGrid(wb);
    full = true;
    return grid;
  };
  let located: Located = { cells: new Map(), findings: [], notLocated: new Set() };
  if (needLabels) located = locateByLabels(fullGrid());
  // Names win; labels fill what names do not give. A key found by neither stays not located.
  const cells = new Map<string, CellRef>([...located.cells, ...named]);
  const findings: Finding[] = located.findings.filter((f) => !(f.cells.length === 0 && named.has(f.target)));

  const values: Record<string, RawValue> = {};
  const prev: Record<string, RawValue> = {};
  const addresses = new Map<string, string>();
  const meta: Record<string, string | number> = {};
  for (const [key, ref] of cells) {
    const v = valueAt(ref);
    // The marked 2019 row, once cleared after splitting, is simply gone.
    if (key.startsWith(`t3.${T3_OTHER_COMBINED_ROW}.`) && (v === null || v === '')) continue;
    if (key.startsWith('meta.')) {
      const s = metaValue(v);
      if (s !== undefined) meta[key.slice(5)] = s;
    } else if (key.startsWith('prev.')) {
      if (v !== null && v !== '') prev[key.slice(5)] = v;
    } else values[key] = v;
    addresses.set(key, addressOf(ref));
  }
  for (const key of located.notLocated) if (!cells.has(key)) values[key] = NOT_LOCATED;

  // Meta: a year as a number; the level and kind accepted as their Chinese labels too.
  if (meta.year !== undefined && /^\d{4}(年|年度)?$/.test(String(meta.year).trim())) meta.year = Number(String(meta.year).trim().slice(0, 4));
  if (typeof meta.level === 'string') meta.level = LEVELS.find((l) => l.label === meta.level || l.key === meta.level)?.key ?? meta.level;
  if (typeof meta.kind === 'string') meta.kind = REPORT_KINDS.find((k) => k.label === meta.kind || k.key === meta.kind)?.key ?? meta.kind;
  if (meta.body === undefined || meta.year === undefined) {
    const t = titleMeta(fullGrid());
    if (meta.body === undefined && t.body) meta.body = t.body;
    if (meta.year === undefined && t.year) meta.year = t.year;
  }
  for (const f of META_FIELDS) if (meta[f.slice(5)] === undefined) delete meta[f.slice(5)];

  const report: ReportData = { meta, values };
  if (Object.keys(prev).length) report.prev = prev;
  const members = readMembers(wb);
  if (members) report.members = members;
  const explanations = readExplanations(grid);
  const format = findings.some((f) => f.rule === 'FORMAT-VERSION') ? '2019' : '2021';
  return { report, format, explanations: explanations.size ? explanations : undefined, addresses, findings };
}

/** Read a workbook file into report data, or say in Chinese why it cannot be read. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return loaded;
  return { ok: true, value: readWorkbook(loaded.workbook) };
}

/** Drop VALUE-* findings about cells that were never located: the STRUCTURE finding already says what is missing. */
export function dropUnlocatedValueFindings<T extends Pick<Finding, 'rule' | 'target'>>(findings: T[], report: ReportData): T[] {
  return findings.filter((f) => !(f.rule.startsWith('VALUE-') && isNotLocated(report.values[f.target])));
}
