/**
 * Every sheet's used range as plain grids, for finding tables by their labels — read in pieces so that no response
 * comes near Excel on the web's 5 MB limit, however large the workbook. One sync measures the used ranges; then
 * pieces of at most CELLS_PER_SYNC cells go out per sync (with each sheet's merged areas, where the host has them). A
 * response refused as too large is asked for again in halves.
 */
import { rangeA1 } from '../core';
import { mergedAreas, type Capabilities } from './capabilities';
import type { XlContext, XlRange, XlWorksheet } from './host';

/** One sheet's used values and where they start (0-based), with its merged areas (A1, no sheet) where known. */
export interface SheetGrid {
  name: string;
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
  merged: string[] | null;
}

/**
 * Cells per sync. A cell's value costs its JSON: a number ~10 bytes, a label 30–100, a sentence of Chinese 3 bytes a
 * character; 10,000 cells of 300 bytes are 3 MB. A sheet of longer texts gets a response refused as too large, which
 * is then read again in halves.
 */
export const CELLS_PER_SYNC = 10_000;

interface Piece {
  sheet: number;
  /** Offset of the piece inside the sheet's used range. */
  row: number;
  rows: number;
}

interface Measured {
  name: string;
  sheet: XlWorksheet;
  rowIndex: number;
  columnIndex: number;
  rows: number;
  cols: number;
}

function isPayloadTooLarge(e: unknown): boolean {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** Split each sheet's rows into pieces of at most `budget` cells (a row is never split). */
function plan(sheets: Measured[], budget: number): Piece[] {
  const pieces: Piece[] = [];
  sheets.forEach((s, i) => {
    const rowsPerPiece = Math.max(1, Math.floor(budget / Math.max(1, s.cols)));
    for (let row = 0; row < s.rows; row += rowsPerPiece) pieces.push({ sheet: i, row, rows: Math.min(rowsPerPiece, s.rows - row) });
  });
  return pieces;
}

/** Read the used ranges of `sheets` (worksheets loaded with their names) as grids. */
export async function readSheetGrids(context: XlContext, sheets: readonly XlWorksheet[], caps: Capabilities, budget = CELLS_PER_SYNC): Promise<SheetGrid[]> {
  const used = sheets.map((sheet) => ({ sheet, range: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();
  const measured: Measured[] = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({ name: u.sheet.name, sheet: u.sheet, rowIndex: u.range.rowIndex, columnIndex: u.range.columnIndex, rows: u.range.rowCount, cols: u.range.columnCount }));
  const grids: SheetGrid[] = measured.map((m) => ({ name: m.name, values: [], rowIndex: m.rowIndex, columnIndex: m.columnIndex, merged: null }));
  const chunks: unknown[][][][] = measured.map(() => []);

  let pending = plan(measured, budget);
  let mergesWanted = caps.mergedAreas;
  while (pending.length) {
    // As many pieces as fit the budget go in one sync; the first sync also asks for the merged areas.
    const batch: Piece[] = [];
    let cells = 0;
    for (const p of pending) {
      const n = p.rows * measured[p.sheet].cols;
      if (batch.length && cells + n > budget) break;
      batch.push(p);
      cells += n;
    }
    const reads = batch.map((p) => {
      const m = measured[p.sheet];
      return { p, range: m.sheet.getRange(rangeA1(m.rowIndex + p.row, m.columnIndex, p.rows, m.cols)).load('values') as XlRange };
    });
    const merges = mergesWanted ? measured.map((m) => mergedAreas(m.sheet.getRange(rangeA1(m.rowIndex, m.columnIndex, m.rows, m.cols)), caps)?.load('address') ?? null) : [];
    try {
      await context.sync();
    } catch (e) {
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadTooLarge(e) || (single && !mergesWanted)) throw e;
      if (mergesWanted) {
        mergesWanted = false; // merged areas are a help, not a need: drop them before splitting rows
        continue;
      }
      // Too large: the same rows again, in halves.
      const halves = batch.flatMap((p) => (p.rows > 1 ? [{ ...p, rows: Math.ceil(p.rows / 2) }, { ...p, row: p.row + Math.ceil(p.rows / 2), rows: Math.floor(p.rows / 2) }] : [p]));
      pending = [...halves, ...pending.slice(batch.length)];
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    for (const r of reads) chunks[r.p.sheet][r.p.row] = r.range.values;
    merges.forEach((areas, i) => {
      if (areas && !areas.isNullObject) grids[i].merged = areas.address.split(',').map((a) => a.slice(a.lastIndexOf('!') + 1).trim());
      else if (areas) grids[i].merged = [];
    });
    if (merges.length) mergesWanted = false;
    pending = pending.slice(batch.length);
  }
  chunks.forEach((byRow, i) => {
    grids[i].values = byRow.flat();
  });
  return grids;
}
