/**
 * A published report as its reader found it: blocks of running text and tables whose cells know their place. A web
 * page's `<table>` (read outside core, see src/text) gives a grid with rowspan and colspan resolved; a Markdown pipe
 * table or a line of TAB-separated fields (a table copied from a browser) gives cells in the order of their row.
 * The importer renders the document to one text, in which it finds headings, labels and prose, and keeps beside it
 * where each cell lies, so that numbers are placed by the cells they came from, not by counting.
 */

export interface SourceCell {
  /** The cell's text; line breaks inside a cell are allowed and become spaces. */
  text: string;
  /** Grid column (0-based) where the cell starts; with `grid: false`, the cell's index in its row. */
  col: number;
  colSpan?: number;
  rowSpan?: number;
  /** A header cell (`<th>`, or a Markdown header row): never a value. */
  header?: boolean;
}

export interface SourceRow {
  /** Cells that start in this row, in column order. */
  cells: SourceCell[];
  /** The whole row is a header (a Markdown header row, `<thead>`). */
  header?: boolean;
}

export interface SourceTable {
  rows: SourceRow[];
  /** True when `col` is a real grid column (rowspans and colspans resolved); false for cells counted along a row. */
  grid: boolean;
}

export type SourceBlock = { kind: 'text'; text: string } | { kind: 'table'; table: SourceTable };

export interface SourceDocument {
  blocks: SourceBlock[];
}

/** Where a cell stands in its table. */
export interface CellPlace {
  /** Table number in the document (each TAB-separated line of a plain text counts as its own one-row table). */
  table: number;
  /** Row number within the table. */
  row: number;
  col: number;
  colSpan: number;
  /** A grid column: rowspans and colspans resolved, empty cells all kept. */
  grid: boolean;
  /** Columns of the table (grid tables: the widest row's extent). */
  width: number;
}

/** Where one cell lies in the rendered text. */
export interface CellMark extends CellPlace {
  start: number;
  end: number;
  /** A header cell: its digits are words, never values. */
  header: boolean;
  /** A cell of a row that holds only column headings (总计, 数据1…): its words are never row labels either. */
  heading: boolean;
}

export interface Rendered {
  text: string;
  /** Sorted by `start`; empty cells have `start === end`. */
  cells: CellMark[];
}

/** Column headings of tables 三 and 四, and the generic ones converters write (数据1, 列2, Column 3). */
const HEADER_WORDS =
  /^(?:申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|合计|小计|行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|(?:数据|列|栏|column|col)\d{1,2})$/i;

/**
 * A number, a placeholder or nothing: a cell that holds a value rather than words. "无" counts only in a grid's own
 * cell: along a line of fields it may be the end of a label cut by a stray TAB (（四）无 | 法提供).
 */
export const VALUE_TEXT = /^(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[/／\\*]|[-－—–―─]{1,2})?$/;

function cellText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * A row that holds only column headings (数据1 … 数据6 | 总计 in the middle of a table) and no value. A single
 * heading word followed by empty cells ("行政复议" and five blanks) is a row label with its values left blank.
 */
function isHeadingRow(cells: readonly SourceCell[]): boolean {
  const all = cells.map((c) => cellText(c.text).replace(/\s/g, ''));
  const texts = all.filter((t) => t !== '');
  if (texts.length === 0 || !texts.every((t) => HEADER_WORDS.test(t))) return false;
  return texts.length > 1 || texts.length === all.length;
}

/**
 * The document as one text and the places of its cells. Table rows become lines, their cells separated by TABs
 * (as a browser copies a table); a cell's own line breaks become spaces.
 */
export function renderDocument(doc: SourceDocument): Rendered {
  const parts: string[] = [];
  const cells: CellMark[] = [];
  let length = 0;
  let table = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  for (const block of doc.blocks) {
    if (block.kind === 'text') {
      push(block.text.endsWith('\n') || block.text === '' ? block.text : `${block.text}\n`);
      continue;
    }
    const width = Math.max(0, ...block.table.rows.flatMap((row) => row.cells.map((c) => c.col + Math.max(1, c.colSpan ?? 1))));
    block.table.rows.forEach((row, r) => {
      const heading = isHeadingRow(row.cells);
      const sorted = [...row.cells].sort((a, b) => a.col - b.col);
      sorted.forEach((cell, i) => {
        if (i > 0) push('\t');
        const text = cell.text.replace(/[\t\r\n\f\v\u2028\u2029]+/g, ' ').replace(/^ +| +$/g, '');
        const start = length;
        push(text);
        cells.push({
          start,
          end: length,
          table,
          row: r,
          col: cell.col,
          colSpan: Math.max(1, cell.colSpan ?? 1),
          grid: block.table.grid,
          width,
          header: row.header === true || cell.header === true,
          heading,
        });
      });
      push('\n');
    });
    table += 1;
  }
  return { text: parts.join(''), cells };
}

/**
 * A plain text as a document: lines holding TABs (a table copied from a browser or a spreadsheet) become one-row
 * tables of their fields; other lines stay text.
 */
export function textDocument(text: string): SourceDocument {
  const blocks: SourceBlock[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) blocks.push({ kind: 'text', text: `${prose.join('\n')}\n` });
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      prose.push(line);
      continue;
    }
    flush();
    const cells = line.split('\t').map((t, col) => ({ text: t, col }));
    blocks.push({ kind: 'table', table: { grid: false, rows: [{ cells }] } });
  }
  flush();
  return { blocks };
}

/**
 * Markdown as a document: pipe tables become tables (the row above a `|---|` line is their header), other lines
 * text with heading hashes and emphasis marks removed.
 */
export function markdownDocument(md: string): SourceDocument {
  const blocks: SourceBlock[] = [];
  const lines = md.split(/\r?\n/);
  const isRule = (l: string): boolean => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l);
  const isPipeRow = (l: string): boolean => /^\s*\|.*\|\s*$/.test(l);
  const cellsOf = (l: string): SourceCell[] =>
    splitPipes(l.trim().slice(1, -1)).map((t, col) => ({ text: t.replace(/\*\*|__/g, '').trim(), col }));
  let prose: string[] = [];
  let rows: SourceRow[] = [];
  const flushProse = (): void => {
    if (prose.length) blocks.push({ kind: 'text', text: `${prose.join('\n')}\n` });
    prose = [];
  };
  const flushTable = (): void => {
    // A pipe table has no spans: every row has all its cells, so a cell's index is its grid column.
    if (rows.length) blocks.push({ kind: 'table', table: { grid: true, rows } });
    rows = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (isPipeRow(line) && !isRule(line)) {
      flushProse();
      const header = i + 1 < lines.length && isRule(lines[i + 1]);
      const cells = cellsOf(line);
      // A converter that took a row of numbers for the header: it is data all the same.
      const numeric = cells.every((c) => VALUE_TEXT.test(cellText(c.text)));
      rows.push(header && !numeric ? { cells, header: true } : { cells });
      continue;
    }
    if (isRule(line)) continue;
    flushTable();
    prose.push(line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\*\*|__/g, ''));
  }
  flushTable();
  flushProse();
  return { blocks };
}

/** Cells of a pipe row; `\|` is a pipe inside a cell. */
function splitPipes(inner: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i += 1) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cur += '|';
      i += 1;
    } else if (inner[i] === '|') {
      out.push(cur);
      cur = '';
    } else cur += inner[i];
  }
  out.push(cur);
  return out;
}
