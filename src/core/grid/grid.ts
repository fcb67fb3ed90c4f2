/**
 * A workbook seen as sheets of cells by position, whatever read it: the .xlsx reader (Node or a browser worker) or the
 * Excel adapter (used ranges loaded through office.js). The label locator searches it; report data is read from it.
 * Rows and columns are 0-based, as in spec/layout.ts.
 */
import { coreOfNormalised, normaliseLabel } from './labelMatch';

/** A cell value as read: what report data holds (number, text, boolean, blank), or an object readValue understands. */
export type GridValue = number | string | boolean | null | Date | GridProblemValue;

/**
 * A value that cannot be said as a number or text: an error value (`#REF!`), a formula without a cached result, or a
 * cell the reader could not read (with the reason, in Chinese). `readValue` reports each as what it is.
 */
export type GridProblemValue = { error: string } | { formula: string; result?: undefined } | { unreadable: string };

export interface TextCell {
  sheet: GridSheet;
  row: number;
  col: number;
  text: string;
  /** normaliseLabel(text). */
  norm: string;
  /** coreLabel(text): normalised, leading enumerators (一、 （三） 1.) removed. */
  core: string;
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  /** Every cell holding non-blank text, in row then column order. */
  texts: TextCell[];
  /** Text cells by row, sorted by column. */
  rows: Map<number, TextCell[]>;
  /** The value of a cell; null where nothing is. */
  value(row: number, col: number): GridValue;
  /** Whether the cell lies inside a merged area but is not its top-left cell (it shows the top-left cell's value). */
  covered(row: number, col: number): boolean;
  /** Last row holding anything (-1 when empty). */
  lastRow: number;
}

export interface Grid {
  sheets: GridSheet[];
}

/** Where a key was found. */
export interface CellRef {
  sheet: GridSheet;
  row: number;
  col: number;
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridCellInput {
  row: number;
  col: number;
  value: GridValue;
}

/** The text a label-like value shows, or null for numbers, dates, errors and blanks. */
export function textOf(v: GridValue): string | null {
  return typeof v === 'string' ? v : null;
}

/** Column count used to key cells by position; columns beyond Excel's last (XFD) never occur. */
const COLS = 16384;

/**
 * Build a sheet from its cells (any order) and merged areas. Texts are indexed once; values are looked up by position.
 */
export function makeSheet(name: string, hidden: boolean, cells: Iterable<GridCellInput>, merges: readonly MergedArea[] = []): GridSheet {
  const values = new Map<number, GridValue>();
  const texts: TextCell[] = [];
  const rows = new Map<number, TextCell[]>();
  let lastRow = -1;
  const sheet: GridSheet = {
    name,
    hidden,
    texts,
    rows,
    lastRow,
    value: (row, col) => values.get(row * COLS + col) ?? null,
    covered: (row, col) => merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left)),
  };
  for (const c of cells) {
    if (c.value === null || c.value === undefined) continue;
    values.set(c.row * COLS + c.col, c.value);
    if (c.row > lastRow) lastRow = c.row;
    const text = textOf(c.value);
    if (text === null || text.trim() === '') continue;
    const norm = normaliseLabel(text);
    const tc: TextCell = { sheet, row: c.row, col: c.col, text, norm, core: coreOfNormalised(norm) };
    texts.push(tc);
  }
  texts.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const t of texts) {
    const list = rows.get(t.row);
    if (list) list.push(t);
    else rows.set(t.row, [t]);
  }
  sheet.lastRow = lastRow;
  return sheet;
}

/** Rows of values (as office.js returns a range's `values`) starting at a 0-based offset, as grid cells. */
export function* cellsOfRows(values: readonly (readonly unknown[])[], rowIndex = 0, columnIndex = 0): Generator<GridCellInput> {
  for (let i = 0; i < values.length; i += 1) {
    const row = values[i];
    for (let j = 0; j < row.length; j += 1) {
      const v = row[j];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') yield { row: rowIndex + i, col: columnIndex + j, value: v };
    }
  }
}
