/**
 * Reading every input of the report in one batch. A workbook made by the template is read through its workbook names
 * in a single sync (together with whatever the caller queues, e.g. the mark store); when a name or sheet is missing
 * that sync fails with ItemNotFound and the workbook is searched by its labels instead (three syncs).
 */
import { EXPLANATION_SHEET_NAME, SHEETS } from '../spec';
import { workbookName, type RawValue } from '../core';
import { ServiceError } from '../taskpane/services';
import type { XlContext, XlNote, XlRange } from './host';
import { MESSAGES } from './errors';
import { locateByLabels, type SheetGridValues } from './locate';
import type { Fill } from './marks';
import { INPUT_KEYS, STORE_SHEET, assertTemplateVersion, layoutCell, rawFromExcel, splitAddress, type CellAt } from './workbook';

export interface ReadOptions {
  /** Load fills (and, with ExcelApi 1.9, fill patterns) to remember them before marking. */
  fills: boolean;
  pattern: boolean;
  /** ExcelApi 1.18: see which cells carry a note already. */
  notes: boolean;
}

export interface InputCell {
  key: string;
  at: CellAt;
  raw: RawValue;
  fill: Fill;
  /** Has a note that is not ours; null when unknown. */
  userNote: boolean | null;
}

export interface SheetsState {
  names: Set<string>;
  protectedSheets: Set<string>;
}

export interface InputsRead {
  located: 'names' | 'labels';
  cells: Map<string, InputCell>;
  problems: string[];
  sheets: SheetsState;
  /** Raw rows of 核实说明 and of the store, or null where the sheet is missing. */
  explanationRows: unknown[][] | null;
  storeRows: unknown[][] | null;
}

interface Pending {
  key: string;
  range: XlRange;
  note: XlNote | null;
  expected: CellAt | null;
}

function queueCell(context: XlContext, key: string, range: XlRange, options: ReadOptions, noteAt: CellAt | null): Pending {
  const props = ['address', 'values', 'numberFormat', 'text'];
  if (options.fills) props.push('format/fill/color');
  if (options.fills && options.pattern) props.push('format/fill/pattern');
  range.load(props.join(','));
  const note = options.notes && noteAt ? context.workbook.worksheets.getItem(noteAt.sheet).notes.getItemOrNullObject(noteAt.a1).load('content') : null;
  return { key, range, note, expected: noteAt };
}

function finishCell(p: Pending, options: ReadOptions): InputCell {
  const at = splitAddress(p.range.address);
  const fill: Fill = options.fills
    ? { color: (p.range.format.fill.color as string | null) ?? null, pattern: options.pattern ? ((p.range.format.fill.pattern as string | null) ?? null) : null }
    : { color: null, pattern: null };
  // The note looked up at the template position only tells about this cell if the name still points there.
  const sameCell = p.expected !== null && p.expected.sheet === at.sheet && p.expected.a1 === at.a1;
  const userNote = p.note && sameCell ? !p.note.isNullObject && !p.note.content.startsWith('【年报助手】') : null;
  return { key: p.key, at, raw: rawFromExcel(p.range.values[0][0], p.range.numberFormat[0][0], p.range.text[0][0]), fill, userNote };
}

function officeCode(e: unknown): string | null {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : null;
}

/**
 * Read all inputs. `queueExtra` is called before the sync that reads the inputs, so that the caller's own loads ride in
 * the same round trip; it is called again if the workbook has to be searched by labels.
 */
export async function readInputs<E>(context: XlContext, options: ReadOptions, queueExtra: () => E): Promise<InputsRead & { extra: E }> {
  try {
    return await readByNames(context, options, queueExtra);
  } catch (e) {
    if (officeCode(e) !== 'ItemNotFound') throw e;
  }
  return readByLabels(context, options, queueExtra);
}

async function readByNames<E>(context: XlContext, options: ReadOptions, queueExtra: () => E): Promise<InputsRead & { extra: E }> {
  const wb = context.workbook;
  const pending = INPUT_KEYS.map((key) => queueCell(context, key, wb.names.getItem(workbookName(key)).getRange(), options, layoutCell(key)));
  const sheets = wb.worksheets.load('items/name,items/protection/protected');
  const explanations = wb.worksheets.getItem(EXPLANATION_SHEET_NAME).getUsedRange(true).load('values');
  const store = wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values');
  const extra = queueExtra();
  await context.sync();
  const cells = new Map(pending.map((p) => [p.key, finishCell(p, options)] as const));
  assertTemplateVersion(cells.get('meta.template_version')?.raw);
  return { extra, located: 'names', cells, problems: [], sheets: sheetsState(sheets.items), explanationRows: explanations.values, storeRows: store.values };
}

function sheetsState(items: { name: string; protection: { protected: boolean } }[]): SheetsState {
  return { names: new Set(items.map((s) => s.name)), protectedSheets: new Set(items.filter((s) => s.protection.protected).map((s) => s.name)) };
}

async function readByLabels<E>(context: XlContext, options: ReadOptions, queueExtra: () => E): Promise<InputsRead & { extra: E }> {
  const wb = context.workbook;
  const sheetsLoaded = wb.worksheets.load('items/name,items/visibility,items/protection/protected');
  await context.sync();
  const sheets = sheetsState(sheetsLoaded.items);
  const searchable = sheetsLoaded.items.filter((s) => s.name !== STORE_SHEET);
  const used = searchable.map((s) => ({ name: s.name, range: s.getUsedRange(true).load('values,rowIndex,columnIndex') }));
  await context.sync();
  const grids: SheetGridValues[] = used.map((u) => ({ name: u.name, values: u.range.values, rowIndex: u.range.rowIndex, columnIndex: u.range.columnIndex }));
  const location = locateByLabels(grids);
  if (!location.foundAny) throw new ServiceError('no-template', MESSAGES.noTemplate);

  const pending = [...location.cells].map(([key, at]) => queueCell(context, key, wb.worksheets.getItem(at.sheet).getRange(at.a1), options, at));
  const has = (name: string): boolean => sheets.names.has(name);
  const explanations = has(EXPLANATION_SHEET_NAME) ? wb.worksheets.getItem(EXPLANATION_SHEET_NAME).getUsedRange(true).load('values') : null;
  const store = has(STORE_SHEET) ? wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values') : null;
  const extra = queueExtra();
  await context.sync();
  const cells = new Map(pending.map((p) => [p.key, finishCell(p, options)] as const));
  assertTemplateVersion(cells.get('meta.template_version')?.raw);
  const problems = [...location.problems];
  const ourSheets = SHEETS.filter((s) => s.official).map((s) => s.name);
  if (ourSheets.every(has)) problems.unshift('模板的工作簿名称缺失或已被删除，已按表格文字重新定位；点击「插入年报模板」可修复名称');
  return { extra, located: 'labels', cells, problems, sheets, explanationRows: explanations?.values ?? null, storeRows: store?.values ?? null };
}
