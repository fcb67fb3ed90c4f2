/**
 * Marks on failing cells and how they are undone. Before a cell is filled, its previous fill goes into the hidden store
 * sheet in the same batch; our notes and comments start with NOTE_TAG. Clearing restores the stored fills and deletes
 * only tagged notes and comments, so what the user had is back exactly as it was.
 */
import type { Finding } from '../core';
import type { XlComment, XlContext, XlNote, XlWorksheet } from './host';
import { MARK_FILL, NOTE_TAG, STORE_SHEET, qualified, type CellAt } from './workbook';

export const STORE_HEADER = ['工作表', '单元格', '原填充色', '原填充样式', '标注方式'] as const;

export type Marking = 'notes' | 'comments' | 'fill';

export interface Fill {
  color: string | null;
  /** ExcelApi 1.9; null where the host cannot say. */
  pattern: string | null;
}

export interface StoreRow extends CellAt, Fill {
  mark: 'note' | 'comment' | '';
}

export interface MarkableCell {
  at: CellAt;
  fill: Fill;
  /** The cell has a note that is not ours (null: could not tell), so we add none. */
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

export function parseStore(values: unknown[][] | null): StoreRow[] {
  if (!values) return [];
  const rows: StoreRow[] = [];
  values.forEach((row, i) => {
    if (i === 0 && String(row[0]) === STORE_HEADER[0]) return;
    const [sheet, a1, color, pattern, mark] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!sheet || !a1) return;
    rows.push({ sheet, a1, color: color || null, pattern: pattern || null, mark: mark === 'note' || mark === 'comment' ? mark : '' });
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
    const original = before.get(id) ?? { ...e.cell.at, ...e.cell.fill, mark: '' as const };
    rows.push({ ...original, mark: kind });
  }
  const restore = previous.filter((r) => !byCell.has(cellId(r)));
  return { marks, restore, rows };
}

export interface MarkWriteState {
  /** Sheets protected now (names); unprotected around our writes. */
  protectedSheets: ReadonlySet<string>;
  /** Notes and comments present now, loaded with `content`. */
  notes: readonly XlNote[];
  comments: readonly XlComment[];
  previousRowCount: number;
  storeExists: boolean;
  /** Sheets that exist now; marks on sheets deleted since are dropped. */
  sheets: ReadonlySet<string>;
}

/** Queue the writes of a plan (or of a clear, with no marks) in one batch; returns the sheets it unprotects. */
export function queueMarkWrites(context: XlContext, plan: MarkPlan, state: MarkWriteState): string[] {
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
  const touched = new Set([...plan.marks.map((m) => m.at.sheet), ...plan.restore.map((r) => r.sheet)].filter((n) => state.sheets.has(n)));
  const reprotect = [...touched].filter((n) => state.protectedSheets.has(n));
  for (const name of reprotect) sheet(name).protection.unprotect();

  for (const note of state.notes) if (note.content.startsWith(NOTE_TAG)) note.delete();
  for (const comment of state.comments) if (comment.content.startsWith(NOTE_TAG)) comment.delete();

  for (const r of plan.restore) {
    if (!state.sheets.has(r.sheet)) continue;
    const fill = sheet(r.sheet).getRange(r.a1).format.fill;
    if (isNoFill(r)) fill.clear();
    else fill.color = r.color as string;
  }
  for (const m of plan.marks) {
    if (!state.sheets.has(m.at.sheet)) continue;
    sheet(m.at.sheet).getRange(m.at.a1).format.fill.color = m.color;
    if (m.kind === 'note') sheet(m.at.sheet).notes.add(m.at.a1, m.text);
    else if (m.kind === 'comment') wb.comments.add(qualified(m.at), m.text);
  }

  if (!state.storeExists && plan.rows.length === 0) {
    for (const name of reprotect) sheet(name).protection.protect();
    return reprotect;
  }
  const store = state.storeExists ? wb.worksheets.getItem(STORE_SHEET) : wb.worksheets.add(STORE_SHEET);
  if (!state.storeExists) {
    store.getRange(`A1:E1`).values = [[...STORE_HEADER]];
    store.visibility = 'VeryHidden';
  }
  if (state.previousRowCount > 0) store.getRange(`A2:E${state.previousRowCount + 1}`).clear('Contents');
  if (plan.rows.length) {
    const block = store.getRange(`A2:E${plan.rows.length + 1}`);
    block.numberFormat = plan.rows.map(() => ['@', '@', '@', '@', '@']);
    block.values = plan.rows.map((r) => [r.sheet, r.a1, r.color ?? '', r.pattern ?? '', r.mark]);
  }
  for (const name of reprotect) sheet(name).protection.protect();
  return reprotect;
}

/**
 * Excel reports an unfilled cell as white; with ExcelApi 1.9 the pattern tells "no fill" from a white fill. Without
 * it, white is taken as no fill (the one case where a cell filled explicitly white would come back unfilled).
 */
function isNoFill(f: Fill): boolean {
  if (f.pattern) return f.pattern === 'None';
  return f.color === null || f.color.toUpperCase() === '#FFFFFF';
}
