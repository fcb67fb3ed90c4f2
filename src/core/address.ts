/** The one conversion between canonical keys and A1 addresses of the template. */
import { KEY_POSITIONS, type CellPosition } from '../spec';

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

export function fromA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeA1(row: number, col: number, rowSpan = 1, colSpan = 1): string {
  const start = toA1(row, col);
  return rowSpan === 1 && colSpan === 1 ? start : `${start}:${toA1(row + rowSpan - 1, col + colSpan - 1)}`;
}

/** Sheet names are always quoted: ours are Chinese, which Excel requires quoted in references. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function keyPosition(key: string): CellPosition | undefined {
  return KEY_POSITIONS.get(key);
}

/** `表三!D5` for messages, `'表三'!$D$5` for formulas. */
export function keyAddress(key: string, forFormula = false): string | undefined {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) return undefined;
  return forFormula ? `${quoteSheet(pos.sheet.name)}!${toA1(pos.row, pos.col, true)}` : `${pos.sheet.name}!${toA1(pos.row, pos.col)}`;
}

/** Workbook name for a key: `NB_t3_new_natural`, `NB_prev_t3_carried_out_total`. */
export function workbookName(key: string): string {
  return `NB_${key.replace(/\./g, '_')}`;
}
