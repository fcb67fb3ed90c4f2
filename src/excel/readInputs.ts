/**
 * Reading every input of the report in one batch. A workbook made by the template is read through its workbook names
 * in a single sync (together with whatever the caller queues, e.g. the mark store). When a name is missing (the sync
 * fails with ItemNotFound) or a name no longer points to a range (its sheet was deleted: `#REF!`, a null object from
 * getRangeOrNullObject), the workbook is searched by its labels instead, over grids read in pieces (./grids.ts).
 */
import { EXPLANATION_SHEET_NAME, SHEETS } from '../spec';
import { workbookName, type Finding, type RawValue } from '../core';
import { ServiceError } from '../taskpane/services';
import { loadFill, readFill, sheetNotes, type Capabilities, type Fill } from './capabilities';
import type { XlContext, XlNote, XlRange, XlWorksheet } from './host';
import { MESSAGES, officeCode } from './errors';
import { readSheetGrids } from './grids';
import { locateByLabels } from './locate';
import { INPUT_KEYS, NOTE_TAG, STORE_SHEET, assertTemplateVersion, layoutCell, rawFromExcel, splitAddress, type CellAt } from './workbook';

export interface ReadOptions {
  /** Load fills (exactly, where the host and library allow: ./capabilities.ts) to remember them before marking. */
  fills: boolean;
  /** See which cells carry a note already (needs notes). */
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
  /** Protection options of each protected sheet, to protect it again exactly as it was. */
  protectionOptions: Map<string, Excel.WorksheetProtectionOptions>;
}

export interface InputsRead {
  located: 'names' | 'labels';
  cells: Map<string, InputCell>;
  problems: string[];
  /** What the label search could not find or found in the 2019 layout, as the command line reports it. */
  findings: Finding[];
  /** Table keys not located: their rules are not evaluated. */
  notLocated: Set<string>;
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

const NO_FILL: Fill = { color: null, pattern: null, patternColor: null, tintAndShade: null, detailed: false };

function queueCell(context: XlContext, key: string, range: XlRange, options: ReadOptions, caps: Capabilities, noteAt: CellAt | null): Pending {
  range.load('address,values,numberFormat,text');
  if (options.fills) loadFill(range, caps);
  const notes = options.notes && noteAt ? sheetNotes(context.workbook.worksheets.getItem(noteAt.sheet), caps) : null;
  const note = notes ? notes.getItemOrNullObject(noteAt?.a1 ?? '').load('content') : null;
  return { key, range, note, expected: noteAt };
}

function finishCell(p: Pending, options: ReadOptions, caps: Capabilities): InputCell {
  const at = splitAddress(p.range.address);
  const fill = options.fills ? readFill(p.range, caps) : NO_FILL;
  // The note looked up at the template position only tells about this cell if the name still points there.
  const sameCell = p.expected !== null && p.expected.sheet === at.sheet && p.expected.a1 === at.a1;
  const userNote = p.note && sameCell ? !p.note.isNullObject && !p.note.content.startsWith(NOTE_TAG) : null;
  return { key: p.key, at, raw: rawFromExcel(p.range.values[0][0], p.range.numberFormat[0][0], p.range.text[0][0]), fill, userNote };
}

/**
 * Read all inputs. `queueExtra` is called before the sync that reads the inputs, so that the caller's own loads ride in
 * the same round trip; it is called again if the workbook has to be searched by labels.
 */
export async function readInputs<E>(context: XlContext, options: ReadOptions, caps: Capabilities, queueExtra: () => E): Promise<InputsRead & { extra: E }> {
  try {
    const byNames = await readByNames(context, options, caps, queueExtra);
    if (byNames) return byNames;
  } catch (e) {
    if (officeCode(e) !== 'ItemNotFound') throw e;
  }
  return readByLabels(context, options, caps, queueExtra);
}

function loadSheets(context: XlContext): Excel.WorksheetCollection {
  return context.workbook.worksheets.load('items/name,items/visibility,items/protection/protected,items/protection/options');
}

function sheetsState(items: XlWorksheet[]): SheetsState {
  const prot = items.filter((s) => s.protection.protected);
  return {
    names: new Set(items.map((s) => s.name)),
    protectedSheets: new Set(prot.map((s) => s.name)),
    protectionOptions: new Map(prot.map((s) => [s.name, s.protection.options] as const)),
  };
}

/** Null when a name no longer points to a range: the caller then searches by labels. */
async function readByNames<E>(context: XlContext, options: ReadOptions, caps: Capabilities, queueExtra: () => E): Promise<(InputsRead & { extra: E }) | null> {
  const wb = context.workbook;
  const pending = INPUT_KEYS.map((key) => queueCell(context, key, wb.names.getItem(workbookName(key)).getRangeOrNullObject(), options, caps, layoutCell(key)));
  const sheets = loadSheets(context);
  const explanations = wb.worksheets.getItem(EXPLANATION_SHEET_NAME).getUsedRange(true).load('values');
  const store = wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values');
  const extra = queueExtra();
  await context.sync();
  if (pending.some((p) => p.range.isNullObject)) return null;
  const cells = new Map(pending.map((p) => [p.key, finishCell(p, options, caps)] as const));
  assertTemplateVersion(cells.get('meta.template_version')?.raw);
  return {
    extra,
    located: 'names',
    cells,
    problems: [],
    findings: [],
    notLocated: new Set(),
    sheets: sheetsState(sheets.items),
    explanationRows: explanations.values,
    storeRows: store.values,
  };
}

async function readByLabels<E>(context: XlContext, options: ReadOptions, caps: Capabilities, queueExtra: () => E): Promise<InputsRead & { extra: E }> {
  const wb = context.workbook;
  const sheetsLoaded = loadSheets(context);
  await context.sync();
  const sheets = sheetsState(sheetsLoaded.items);
  const searchable = sheetsLoaded.items.filter((s) => s.name !== STORE_SHEET);
  const grids = await readSheetGrids(context, searchable, caps);
  const hidden = new Set(searchable.filter((s) => s.visibility !== 'Visible').map((s) => s.name));
  const location = locateByLabels(grids, hidden);
  if (!location.foundAny) throw new ServiceError('no-template', MESSAGES.noTemplate);

  const pending = [...location.cells].map(([key, at]) => queueCell(context, key, wb.worksheets.getItem(at.sheet).getRange(at.a1), options, caps, at));
  const has = (name: string): boolean => sheets.names.has(name);
  const explanations = has(EXPLANATION_SHEET_NAME) ? wb.worksheets.getItem(EXPLANATION_SHEET_NAME).getUsedRange(true).load('values') : null;
  const store = has(STORE_SHEET) ? wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values') : null;
  const extra = queueExtra();
  await context.sync();
  const cells = new Map(pending.map((p) => [p.key, finishCell(p, options, caps)] as const));
  assertTemplateVersion(cells.get('meta.template_version')?.raw);
  const problems: string[] = [];
  const ourSheets = SHEETS.filter((s) => s.official).map((s) => s.name);
  if (ourSheets.every(has)) problems.push('模板的工作簿名称缺失或已被删除，已按表格文字重新定位；点击「插入年报模板」可修复名称');
  return {
    extra,
    located: 'labels',
    cells,
    problems,
    findings: location.findings,
    notLocated: location.notLocated,
    sheets,
    explanationRows: explanations?.values ?? null,
    storeRows: store?.values ?? null,
  };
}
