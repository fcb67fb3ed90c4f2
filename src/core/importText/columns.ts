/**
 * Columns from structure. Values that came from cells are placed by their cells: a web page's grid column, or the
 * order of the fields along a row, empty fields included. Values in a PDF's layout text (`pdftotext -layout`) are
 * placed by the columns they line up in, page by page: every value of a column overlaps the others of that column,
 * and a gap where a column has no value is an empty cell. Nothing here counts on arithmetic.
 */
import type { NumberToken, WordToken } from './tokens';

export type Placement = { kind: 'placed'; cells: string[] } | { kind: 'unplaced'; reason: string };

interface Span {
  x0: number;
  x1: number;
}

/** Column spans of each page whose values line up in exactly `count` columns. */
export type ColumnModel = Map<number, Span[]>;

/** One column's values overlap; a space either side allows for centred values of different widths. */
const SLACK = 1;

function clusters(tokens: readonly NumberToken[]): Span[] {
  const sorted = [...tokens].sort((a, b) => a.x0 - b.x0);
  const out: Span[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && t.x0 - SLACK < last.x1 + SLACK) last.x1 = Math.max(last.x1, t.x1);
    else out.push({ x0: t.x0, x1: t.x1 });
  }
  return out;
}

function columnOf(spans: readonly Span[], t: NumberToken): number {
  return spans.findIndex((s) => t.x0 - SLACK < s.x1 + SLACK && s.x0 - SLACK < t.x1 + SLACK);
}

/**
 * The layout's columns, page by page, from the values of the table's rows. A page counts only when its values fall
 * into exactly `count` columns and no line puts two values in one column.
 */
export function layoutColumns(rows: readonly (readonly NumberToken[])[], count: number): ColumnModel {
  const byPage = new Map<number, NumberToken[]>();
  for (const row of rows) {
    for (const t of row) {
      if (t.cell || t.raw === '') continue;
      const list = byPage.get(t.page) ?? [];
      list.push(t);
      byPage.set(t.page, list);
    }
  }
  const model: ColumnModel = new Map();
  for (const [page, tokens] of byPage) {
    const spans = clusters(tokens);
    if (spans.length !== count) continue;
    const lines = new Map<number, number[]>();
    let consistent = true;
    for (const t of tokens) {
      const col = columnOf(spans, t);
      const seen = lines.get(t.line) ?? [];
      if (col < 0 || seen.includes(col) || (seen.length > 0 && col < seen[seen.length - 1])) consistent = false;
      seen.push(col);
      lines.set(t.line, seen);
    }
    // At least two lines must agree, or one line is its own columns and says nothing about gaps.
    if (consistent && lines.size >= 2) model.set(page, spans);
  }
  return model;
}

/** A row of layout text placed by the page's columns; null when the page has none or the row does not fit them. */
export function placeByLayout(tokens: readonly NumberToken[], count: number, model: ColumnModel): Placement | null {
  if (tokens.length === 0 || tokens.some((t) => t.cell)) return null;
  const page = tokens[0].page;
  const spans = model.get(page);
  if (!spans || tokens.some((t) => t.page !== page)) return null;
  const cells: string[] = Array.from({ length: count }, () => '');
  let last = -1;
  for (const t of tokens) {
    const col = columnOf(spans, t);
    if (col < 0 || col <= last) return null;
    cells[col] = t.raw;
    last = col;
  }
  return { kind: 'placed', cells };
}

/** Column centres from headings, page by page: a page counts when its headings fall into exactly `count` columns. */
export type HeadingModel = Map<number, number[]>;

/**
 * The columns of each page's column headings in a PDF's layout text: the heading words (`vocabulary`) on the lines
 * above the page's first row of values, their pieces stacked in a column when a heading wraps ("商业" over "企业").
 */
export function headingColumns(words: readonly WordToken[], values: readonly NumberToken[], vocabulary: RegExp, count: number): HeadingModel {
  const firstValueLine = new Map<number, number>();
  for (const t of values) {
    if (t.cell || t.raw === '') continue;
    firstValueLine.set(t.page, Math.min(firstValueLine.get(t.page) ?? Number.POSITIVE_INFINITY, t.line));
  }
  const model: HeadingModel = new Map();
  for (const [page, first] of firstValueLine) {
    const spans: Span[] = [];
    const heads = words.filter((w) => w.page === page && w.line < first && vocabulary.test(w.text)).sort((a, b) => a.x0 - b.x0);
    for (const w of heads) {
      const last = spans[spans.length - 1];
      if (last && w.x0 < last.x1) last.x1 = Math.max(last.x1, w.x1);
      else spans.push({ x0: w.x0, x1: w.x1 });
    }
    if (spans.length === count) model.set(page, spans.map((sp) => (sp.x0 + sp.x1) / 2));
  }
  return model;
}

/** How far a value's centre may sit from its heading's, and how much nearer it must be to it than to any other. */
const NEAR = 2.5;
const MARGIN = 2;

/**
 * A row of layout text placed under its column headings: each value under the heading nearest to it, clearly
 * nearer than to any other, in order; a heading with no value over it is an empty cell. Null when any value is not
 * clearly under one heading.
 */
export function placeByHeadings(tokens: readonly NumberToken[], count: number, model: HeadingModel): Placement | null {
  if (tokens.length === 0 || tokens.some((t) => t.cell)) return null;
  const page = tokens[0].page;
  const centres = model.get(page);
  if (!centres || centres.length !== count || tokens.some((t) => t.page !== page)) return null;
  const cells: string[] = Array.from({ length: count }, () => '');
  let last = -1;
  for (const t of tokens) {
    const c = (t.x0 + t.x1) / 2;
    const by = centres.map((h, j) => [Math.abs(c - h), j] as const).sort((a, b) => a[0] - b[0]);
    const [d, col] = by[0];
    if (d > NEAR || (by.length > 1 && by[1][0] < d + MARGIN) || col <= last) return null;
    cells[col] = t.raw;
    last = col;
  }
  return { kind: 'placed', cells };
}

/**
 * The column (0 … count-1) of a grid cell among a row's `count` value columns, which are the table's last ones (the
 * format puts row labels first); undefined outside them.
 */
export function gridColumn(t: NumberToken, count: number): number | undefined {
  const c = t.cell;
  if (!c?.grid) return undefined;
  const index = c.col + c.colSpan - 1 - (c.width - count);
  return index >= 0 && index < count ? index : undefined;
}

/**
 * A row of cells placed by its cells. Values from more than one row of a table, or from cells and running text
 * mixed, cannot be placed. Within one row: the fields as found when they are `count`; when there are more, the
 * non-empty ones when those are `count` (the rest was the row's padding); otherwise the empty fields cannot be
 * placed.
 */
export function placeByCells(tokens: readonly NumberToken[], count: number): Placement {
  if (tokens.some((t) => !t.cell)) {
    return { kind: 'unplaced', reason: `表格单元格中的数与单元格外的数混在一起（${tokens.map(shown).join(' ')}）` };
  }
  const groups = new Map<string, NumberToken[]>();
  for (const t of tokens) {
    const key = `${t.cell?.table}:${t.cell?.row}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  if (groups.size > 1) {
    // Rows of only empty fields after the row (a band's or a heading's padding) are not the row's; when every row
    // is empty, the first, right after the label, is.
    const filled = [...groups.values()].filter((g) => g.some((t) => t.raw !== ''));
    if (filled.length > 1) return { kind: 'unplaced', reason: `数分在表格的 ${filled.length} 行中（${tokens.map(shown).join(' ')}）` };
    return placeByCells(filled[0] ?? [...groups.values()][0], count);
  }
  if (tokens[0].cell?.grid) {
    const cells: (string | undefined)[] = Array.from({ length: count }, () => undefined);
    let ok = true;
    for (const t of tokens) {
      const col = gridColumn(t, count);
      if (col === undefined) {
        if (t.raw !== '') ok = false;
        continue;
      }
      if (cells[col] !== undefined) ok = false;
      cells[col] = t.raw;
    }
    if (ok && cells.every((c) => c !== undefined)) return { kind: 'placed', cells: cells as string[] };
  }
  if (tokens.length === count) return { kind: 'placed', cells: tokens.map((t) => t.raw) };
  // A copied row of values only, short of cells: the browser dropped its empty cells at the start.
  if (tokens.length < count && tokens[0].cell?.lead && !tokens[0].cell.grid) {
    return { kind: 'placed', cells: [...Array.from({ length: count - tokens.length }, () => ''), ...tokens.map((t) => t.raw)] };
  }
  const filled = tokens.filter((t) => t.raw !== '');
  if (tokens.length > count && filled.length === count) return { kind: 'placed', cells: filled.map((t) => t.raw) };
  const blanks = tokens.length - filled.length;
  return {
    kind: 'unplaced',
    reason: `读到 ${tokens.length} 格（${tokens.map(shown).join(' ')}${blanks ? `，其中 ${blanks} 格空白` : ''}），应为 ${count} 格，无法判断各数所在的列`,
  };
}

function shown(t: NumberToken): string {
  return t.raw === '' ? '空白' : t.raw;
}
