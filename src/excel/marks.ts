/**
 * Marks on failing cells and how they are undone. Before a cell is filled, its fill goes into the hidden store sheet;
 * our notes and comments start with NOTE_TAG. Clearing restores the stored fills and deletes only tagged notes and
 * comments, so what the user had is back exactly as it was.
 *
 * The writes are ordered so that a batch stopped by a failure at any command can be finished by running the action
 * again (./recovery.ts): the store is written first with every cell this batch may change (marks and restores) and
 * their original fills, then the fills change, then the store is cut down to what stays marked, then sheets are
 * protected again. A second run finds every changed cell's original fill in the store.
 */
import type { Finding } from '../core';
import { restoreFill, sheetNotes, workbookComments, workbookNotes, type Capabilities, type Fill } from './capabilities';
import type { XlComment, XlContext, XlNote, XlWorksheet } from './host';
import { protectAgain, unprotectFor, type ProtectionPlan } from './recovery';
import { MARK_FILL, NOTE_TAG, STORE_SHEET, asText, qualified, type CellAt } from './workbook';

export const STORE_HEADER = ['工作表', '单元格', '原填充色', '原填充样式', '标注方式', '原图案颜色', '原色调'] as const;
const COLS = STORE_HEADER.length;
const LAST_COL = String.fromCharCode(64 + COLS);

export type Marking = 'notes' | 'comments' | 'fill';

export interface StoreRow extends CellAt {
  fill: Fill;
  mark: 'note' | 'comment' | '';
}

export interface MarkableCell {
  at: CellAt;
  fill: Fill;
  /** The cell has a note that is not ours, or a threaded comment (null: could not tell), so we add no note. */
  userNote: boolean | null;
}

export interface PlannedMark {
  at: CellAt;
  color: string;
  text: string;
  kind: 'note' | 'comment' | '';
}

export interface MarkPlan {
  marks: PlannedMark[];
  /** Cells marked before and not now: back to their stored fill. */
  restore: StoreRow[];
  rows: StoreRow[];
}

const cellId = (at: CellAt): string => `${at.sheet}!${at.a1}`;

/** `''`: not read (no ExcelApi 1.9); `无`: no fill; else the number. */
function tintText(f: Fill): string {
  if (!f.detailed) return '';
  return f.tintAndShade === null ? '无' : String(f.tintAndShade);
}

function storeValues(r: StoreRow): string[] {
  return [r.sheet, r.a1, r.fill.color ?? '', r.fill.pattern ?? '', r.mark, r.fill.patternColor ?? '', tintText(r.fill)].map(asText);
}

export function parseStore(values: unknown[][] | null): StoreRow[] {
  if (!values) return [];
  const rows: StoreRow[] = [];
  values.forEach((row, i) => {
    if (i === 0 && String(row[0]) === STORE_HEADER[0]) return;
    const [sheet, a1, color, pattern, mark, patternColor, tint] = Array.from({ length: COLS }, (_, j) => (row[j] === null || row[j] === undefined ? '' : String(row[j])));
    if (!sheet || !a1) return;
    // Stores written before the tint column existed (or without ExcelApi 1.9) have no tint: white then means no fill.
    const detailed = tint !== '';
    const fill: Fill = { color: color || null, pattern: pattern || null, patternColor: patternColor || null, tintAndShade: tint === '' || tint === '无' ? null : Number(tint), detailed };
    rows.push({ sheet, a1, fill, mark: mark === 'note' || mark === 'comment' ? mark : '' });
  });
  return rows;
}

/** Which cells to mark, with what, and what to restore; pure. Info findings are listed in the pane, not marked. */
export function planMarks(findings: readonly Finding[], cells: ReadonlyMap<string, MarkableCell>, previous: readonly StoreRow[], marking: Marking): MarkPlan {
  const byCell = new Map<string, { cell: MarkableCell; error: boolean; messages: string[] }>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    for (const key of f.cells) {
      const cell = cells.get(key);
      if (!cell) continue;
      const id = cellId(cell.at);
      const entry = byCell.get(id) ?? { cell, error: false, messages: [] };
      entry.error ||= f.severity === 'error';
      if (!entry.messages.includes(f.message)) entry.messages.push(f.message);
      byCell.set(id, entry);
    }
  }
  const before = new Map(previous.map((r) => [cellId(r), r] as const));
  const marks: PlannedMark[] = [];
  const rows: StoreRow[] = [];
  for (const [id, e] of byCell) {
    const kind: PlannedMark['kind'] = marking === 'notes' ? (e.cell.userNote === false ? 'note' : '') : marking === 'comments' ? 'comment' : '';
    const text = `${NOTE_TAG}${e.messages.map((m, i) => (e.messages.length > 1 ? `${i + 1}. ${m}` : m)).join('\n')}`;
    marks.push({ at: e.cell.at, color: e.error ? MARK_FILL.error : MARK_FILL.warning, text, kind });
    // A cell still marked from last time keeps the fill it had before our first mark.
    const original = before.get(id) ?? { ...e.cell.at, fill: e.cell.fill, mark: '' as const };
    rows.push({ ...original, mark: kind });
  }
  const restore = previous.filter((r) => !byCell.has(cellId(r)));
  return { marks, restore, rows };
}

export interface MarkWriteState {
  /** Which sheets to unprotect now and protect again at the end (./recovery.ts). */
  protection: ProtectionPlan;
  /** Notes and comments present now, loaded with `content`; ours are deleted. */
  notes: readonly XlNote[];
  comments: readonly XlComment[];
  /** Rows the store holds now (to clear what the new content does not cover). */
  previousRowCount: number;
  storeExists: boolean;
  /** Sheets that exist now; marks on sheets deleted since are dropped. */
  sheets: ReadonlySet<string>;
}

/** Queue the writes of a plan (or of a clear, with no marks) in one batch, in the order the header comment explains. */
export function queueMarkWrites(context: XlContext, plan: MarkPlan, state: MarkWriteState, caps: Capabilities): void {
  const wb = context.workbook;
  const sheetCache = new Map<string, XlWorksheet>();
  const sheet = (name: string): XlWorksheet => {
    let s = sheetCache.get(name);
    if (!s) {
      s = wb.worksheets.getItem(name);
      sheetCache.set(name, s);
    }
    return s;
  };
  const live = (at: CellAt): boolean => state.sheets.has(at.sheet);
  unprotectFor(state.protection, sheet);

  // 1. The store first, listing every cell this batch may change with the fill it had before our first mark.
  const changing = [...plan.rows, ...plan.restore.filter((r) => live(r))];
  const needStore = state.storeExists || plan.rows.length > 0;
  const store = !needStore ? null : state.storeExists ? wb.worksheets.getItem(STORE_SHEET) : wb.worksheets.add(STORE_SHEET);
  if (store && !state.storeExists) store.visibility = 'VeryHidden';
  const writeStore = (rows: StoreRow[], clearFrom: number): void => {
    if (!store) return;
    const block = store.getRange(`A1:${LAST_COL}${rows.length + 1}`);
    block.numberFormat = [STORE_HEADER.map(() => '@'), ...rows.map(() => STORE_HEADER.map(() => '@'))];
    block.values = [STORE_HEADER.map(asText), ...rows.map(storeValues)];
    if (clearFrom > rows.length + 1) store.getRange(`A${rows.length + 2}:${LAST_COL}${clearFrom}`).clear('Contents');
  };
  if (changing.length) writeStore(changing, Math.max(state.previousRowCount, 0) + 1);

  // 2. Our notes and comments go, from the last to the first (an item's position never moves under a later delete).
  for (const note of [...state.notes].reverse()) if (note.content.startsWith(NOTE_TAG)) note.delete();
  for (const comment of [...state.comments].reverse()) if (comment.content.startsWith(NOTE_TAG)) comment.delete();

  // 3. Fills back where a mark goes away; 4. marks.
  for (const r of plan.restore) if (live(r)) restoreFill(sheet(r.sheet).getRange(r.a1), r.fill, caps);
  for (const m of plan.marks) {
    if (!live(m.at)) continue;
    sheet(m.at.sheet).getRange(m.at.a1).format.fill.color = m.color;
    if (m.kind === 'note') sheetNotes(sheet(m.at.sheet), caps)?.add(m.at.a1, m.text);
    else if (m.kind === 'comment') workbookComments(context, caps)?.add(qualified(m.at), m.text);
  }

  // 5. The store down to what stays marked; 6. protection back.
  writeStore(plan.rows, Math.max(state.previousRowCount, changing.length) + 1);
  protectAgain(state.protection, sheet);
}

/** The notes and comments whose `content` says whether they are ours, loaded where the host and library have them. */
export function queueAnnotations(context: XlContext, caps: Capabilities): () => { notes: XlNote[]; comments: XlComment[] } {
  const notes = workbookNotes(context, caps)?.load('items/content') ?? null;
  const comments = workbookComments(context, caps)?.load('items/content') ?? null;
  return () => ({ notes: notes ? notes.items : [], comments: comments ? comments.items : [] });
}

