/**
 * Text into the workbook: the drafted narrative (正文 sheet, one row per sentence with the cells it used) and the
 * figures of a published report. Neither ever overwrites what the user wrote: a redraft stops when sentences were
 * edited since the last draft (unless forced), and an import fills only empty cells.
 */
import { KEY_POSITIONS, T3_COLUMNS, T3_OTHER_COMBINED_ROW } from '../spec';
import { cellLabel, isNotLocated, makeFinding, rangeA1, type Finding, type RawValue, type ReportData } from '../core';
import type { DraftOutcome, DraftSectionView, ImportOutcome } from '../taskpane/services';
import type { Capabilities } from './capabilities';
import type { XlContext } from './host';
import { readInputs, type InputCell } from './readInputs';
import { NARRATIVE_SHEET, asText, displayAddress, reportFromCells } from './workbook';

export interface DraftedSection {
  id: string;
  title: string;
  sentences: { text: string; keys: string[]; paragraph?: boolean }[];
}

export type DraftFunction = (report: ReportData) => { sections: DraftedSection[] };

export interface ImportedText {
  report: ReportData;
  findings: Finding[];
}

export type ImportFunction = (text: string) => ImportedText;

export const NARRATIVE_HEADER = ['章节', '正文', '引用单元格', '上次生成的文字（请勿修改）', '章节编号'] as const;
const NARRATIVE_WIDTHS = [150, 520, 200, 0, 0];

function rawMap(cells: ReadonlyMap<string, InputCell>): Map<string, RawValue> {
  return new Map([...cells].map(([k, c]) => [k, c.raw] as const));
}

/** Sections whose sentences differ from what was last drafted into them. */
export function editedSections(rows: unknown[][]): string[] {
  const edited = new Set<string>();
  rows.forEach((row, i) => {
    if (i === 0) return;
    const [, text, , last, id] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!id) return;
    if (text !== last) edited.add(id);
  });
  return [...edited];
}

export function fullText(sections: readonly DraftedSection[]): string {
  return sections
    .map((s) => {
      const body = s.sentences.map((x, i) => (x.paragraph && i > 0 ? `\n${x.text}` : x.text)).join('');
      return body ? `${s.title}\n${body}` : s.title;
    })
    .join('\n');
}

export async function draftIntoWorkbook(context: XlContext, caps: Capabilities, draft: DraftFunction, force: boolean): Promise<DraftOutcome> {
  const read = await readInputs(context, { fills: false, notes: false }, caps, () => null);
  const drafted = draft(reportFromCells(rawMap(read.cells))).sections;
  const sections: DraftSectionView[] = drafted.map((s) => ({ id: s.id, title: s.title, sentences: s.sentences.map((x) => ({ text: x.text, keys: x.keys })) }));
  const text = fullText(drafted);
  const wb = context.workbook;
  const exists = read.sheets.names.has(NARRATIVE_SHEET);
  let oldRows = 0;
  if (exists) {
    const used = wb.worksheets.getItem(NARRATIVE_SHEET).getUsedRange(true).load('values,rowIndex');
    await context.sync();
    const rows = used.rowIndex === 0 ? used.values : [];
    const edited = editedSections(rows);
    oldRows = used.rowIndex + used.values.length;
    if (edited.length && !force) return { sections, text, editedSections: edited, written: false };
  }
  const sheet = exists ? wb.worksheets.getItem(NARRATIVE_SHEET) : wb.worksheets.add(NARRATIVE_SHEET);
  if (oldRows > 0) sheet.getRange(rangeA1(0, 0, oldRows, NARRATIVE_HEADER.length)).clear('Contents');
  const where = (keys: string[]): string =>
    keys
      .map((k) => read.cells.get(k))
      .filter((c) => c !== undefined)
      .map((c) => displayAddress(c.at))
      .join('、');
  const grid: string[][] = [[...NARRATIVE_HEADER]];
  for (const s of drafted) {
    if (s.sentences.length === 0) grid.push([s.title, '', '', '', s.id]);
    for (const x of s.sentences) grid.push([s.title, x.text, where(x.keys), x.text, s.id]);
  }
  const block = sheet.getRange(rangeA1(0, 0, grid.length, NARRATIVE_HEADER.length));
  block.numberFormat = grid.map((r) => r.map(() => '@'));
  block.values = grid.map((row) => row.map(asText));
  block.format.font.name = '仿宋';
  block.format.wrapText = true;
  sheet.getRange(rangeA1(0, 0, 1, NARRATIVE_HEADER.length)).format.font.bold = true;
  NARRATIVE_WIDTHS.forEach((w, i) => (sheet.getRange(rangeA1(0, i)).format.columnWidth = w));
  await context.sync();
  return { sections, text, editedSections: [], written: true };
}

function blank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export async function importIntoWorkbook(context: XlContext, caps: Capabilities, importText: ImportFunction, text: string, target: 'current' | 'previous'): Promise<ImportOutcome> {
  const imported = importText(text);
  const read = await readInputs(context, { fills: false, notes: false }, caps, () => null);
  const wb = context.workbook;
  const wanted = new Map<string, RawValue>();
  for (const [key, v] of Object.entries(imported.report.values)) {
    const dest = target === 'previous' ? `prev.${key}` : key;
    // A row the importer could not read is left for the clerk: never written as a guess.
    if (KEY_POSITIONS.has(dest) && !blank(v) && !isNotLocated(v)) wanted.set(dest, v);
  }
  if (target === 'current') {
    const { body, year } = imported.report.meta;
    if (body) wanted.set('meta.body', body);
    if (year !== undefined && year !== '') wanted.set('meta.year', year);
  }
  let filled = 0;
  const kept: string[] = [];
  for (const [key, v] of wanted) {
    const cell = read.cells.get(key);
    if (!cell) continue;
    if (!blank(cell.raw)) {
      if (String(cell.raw) !== String(v)) kept.push(`${cellLabel(key)}（${displayAddress(cell.at)}）`);
      continue;
    }
    // Text as text: a unit name such as “-某局” or “2024” must not become a formula or a number.
    wb.worksheets.getItem(cell.at.sheet).getRange(cell.at.a1).values = [[typeof v === 'string' ? asText(v) : (v as number | boolean)]];
    filled += 1;
  }
  await context.sync();
  return { target, filled, keptUserValues: kept, findings: [...imported.findings, ...unplacedCombinedRow(imported.report.values)] };
}

/**
 * A 2019-style single （六）其他处理 row has no cells in the 2021 tables: its figures are not written, and a finding
 * gives them to the clerk to split (nothing read is dropped in silence).
 */
function unplacedCombinedRow(values: Record<string, RawValue>): Finding[] {
  const cells = T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`);
  if (!cells.some((k) => !blank(values[k]))) return [];
  const read: Record<string, number | null> = {};
  for (const k of cells) read[k] = typeof values[k] === 'number' ? (values[k] as number) : null;
  return [makeFinding('FORMAT-VERSION', 't3', { cells, values: read, code: 'other-combined-import' })];
}
