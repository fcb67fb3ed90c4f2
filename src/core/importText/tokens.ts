/**
 * The token stream the table readers work on: the words of a region run together without whitespace (so that
 * wrapped and split labels still match), and the values beside them, each at the position in that run where it was
 * found. A value from a cell (a web page's `<td>`, a Markdown cell, a TAB-separated field) knows its cell, and an
 * empty cell is a value too; a value in running text knows its line, its columns on that line and its page, so that
 * a PDF's column layout can place it.
 */
import type { CellMark, CellPlace } from './document';
import { VALUE_TEXT } from './document';
import { EMPTY_CELL, PAGE_BREAK, type Normalised } from './text';

export interface CellRef extends CellPlace {
  /**
   * The row holds values only, no label before them. Where cells are counted along the row (a copied table), its
   * empty cells at the start may have been dropped: browsers copy a row from its first non-empty cell.
   */
  lead: boolean;
}

/** A value found in a table region: a number, a placeholder such as "/", an empty cell, or digits with no separator. */
export interface NumberToken {
  /** As found, e.g. "3119", "7730.28", "/"; "" for an empty cell. */
  raw: string;
  /** Position in the compact text: the count of word characters before it. */
  pos: number;
  /** The cell it came from, where the source has cells. */
  cell?: CellRef;
  /** Line number within the region, and the columns it takes on that line. */
  line: number;
  x0: number;
  x1: number;
  /** Page within the region (page breaks counted). */
  page: number;
  /** Digits right after a word, with no space between: a page printed without separators. */
  glued: boolean;
  /** Two or more spaces before it on its line: columns laid out with spaces. */
  spaced: boolean;
  /** Followed by a counting word (件, 个, 次, 年…): a figure of the prose, not a table cell. */
  counted: boolean;
}

/** A run of words on a line of running text, with its columns (for column headings in PDF text). */
export interface WordToken {
  text: string;
  line: number;
  x0: number;
  x1: number;
  page: number;
}

export interface Stream {
  /** The region's words with all whitespace and numbers removed; item numbers kept as "1." etc. */
  compact: string;
  numbers: NumberToken[];
  words: WordToken[];
}

/** Words that follow a figure in prose: never in a table cell after its number. */
const COUNTING = new Set('件个次条项人元年月日家场期篇%％万');
const PLACEHOLDER = /^(?:[/／\\]|[-－—–―─]{1,2}|\*)$/;
/** Item numbers of table 三 ("1.", "1、", "1．") are one digit; a longer run before the dot is digits fused on. */
const ITEM_MARK = /[.、．]/;
/** Heading cells keep their place in the compact text but can never match a row label. */
const MASK = '□';

/** Marks of the cells inside [from, to) of the normalised text, with their bounds in normalised offsets. */
function cellsIn(norm: Normalised, marks: readonly CellMark[], from: number, to: number): { mark: CellMark; start: number; end: number }[] {
  if (marks.length === 0) return [];
  const srcFrom = norm.map[from];
  const srcTo = norm.map[to];
  const out: { mark: CellMark; start: number; end: number }[] = [];
  // First mark that does not end before the region.
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].end < srcFrom) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < marks.length && marks[k].start <= srcTo; k += 1) {
    const m = marks[k];
    if (m.start < srcFrom || m.end > srcTo) continue;
    out.push({ mark: m, start: normIndex(norm, m.start, from, to), end: normIndex(norm, m.end, from, to) });
  }
  return out;
}

/** First normalised offset in [from, to] whose source offset is at least `src`. */
function normIndex(norm: Normalised, src: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.map[mid] < src) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Tokenise the region [from, to) of the normalised text. Digit runs become number tokens; a digit before "." or "、"
 * followed by a word is an item number and stays in the words ("5.属于三类…"), and any digits fused in front of it
 * form their own number token. A lone "/" or dash between spaces is a placeholder token. Inside cells, a cell that
 * holds only a value (or nothing) is one token; the digits of a cell of words are words.
 */
export function tokenise(norm: Normalised, from: number, to: number, marks: readonly CellMark[] = []): Stream {
  const text = norm.text;
  const out: Stream = { compact: '', numbers: [], words: [] };
  const pieces: string[] = [];
  let compactLength = 0;
  const addWords = (s: string): void => {
    pieces.push(s);
    compactLength += s.length;
  };
  let line = 0;
  let lineStart = from;
  let page = 0;
  /**
   * Rows (table:row) that have shown a non-empty cell, and whether it was a value. Along a row counted by its
   * fields, empty cells before the first non-empty one are the row's indent, not values; a grid keeps them all.
   */
  const started = new Map<string, boolean>();

  const plain = (a: number, b: number): void => {
    let i = a;
    let wordStart = -1;
    /** Start of the run of word characters not yet added to the compact text. */
    let runStart = -1;
    const flushRun = (at: number): void => {
      if (runStart >= 0) addWords(text.slice(runStart, at));
      runStart = -1;
    };
    const endWord = (at: number): void => {
      flushRun(at);
      if (wordStart >= 0) out.words.push({ text: text.slice(wordStart, at), line, x0: wordStart - lineStart, x1: at - lineStart, page });
      wordStart = -1;
    };
    while (i < b) {
      const ch = text[i];
      if (ch === '\n' || ch === PAGE_BREAK) {
        endWord(i);
        if (ch === PAGE_BREAK) page += 1;
        line += 1;
        lineStart = i + 1;
        i += 1;
        continue;
      }
      if (ch === EMPTY_CELL) {
        endWord(i);
        pushNumber('', i, i + 1);
        i += 1;
        continue;
      }
      if (isSpace(ch)) {
        endWord(i);
        i += 1;
        continue;
      }
      if (isDigit(ch)) {
        let j = i;
        while (j < b && isDigit(text[j])) j += 1;
        // Thousands separators and decimals belong to the number.
        while (j + 4 <= b && text[j] === ',' && /^\d{3}(?!\d)/.test(text.slice(j + 1, Math.min(j + 5, b)))) j += 4;
        let decimals = false;
        if (text[j] === '.' && j + 1 < b && isDigit(text[j + 1])) {
          decimals = true;
          j += 1;
          while (j < b && isDigit(text[j])) j += 1;
        }
        const run = text.slice(i, j);
        if (!decimals && j < b && ITEM_MARK.test(text[j]) && isWordAfter(text, j + 1, to)) {
          flushRun(i);
          if (run.length > 1) pushNumber(run.slice(0, -1), i, j - 1);
          if (wordStart < 0) wordStart = j - 1;
          addWords(`${run.slice(-1)}.`);
          i = j + 1;
          continue;
        }
        endWord(i);
        pushNumber(run, i, j);
        i = j;
        continue;
      }
      if (PLACEHOLDER.test(ch) && isBoundary(text[i - 1])) {
        let j = i + 1;
        while (j < b && j - i < 2 && /[-－—–―─]/.test(text[j]) && /[-－—–―─]/.test(ch)) j += 1;
        if ((j === b || isBoundary(text[j])) && PLACEHOLDER.test(text.slice(i, j))) {
          endWord(i);
          pushNumber(text.slice(i, j), i, j);
          i = j;
          continue;
        }
      }
      if (wordStart < 0) wordStart = i;
      if (runStart < 0) runStart = i;
      i += 1;
    }
    endWord(b);
  };

  const pushNumber = (raw: string, i: number, j: number, cell?: CellRef): void => {
    const before = text[i - 1];
    let spaces = 0;
    for (let k = i - 1; k >= lineStart && k >= i - 2 && text[k] === ' '; k -= 1) spaces += 1;
    let after = j;
    // The counting word may follow on the next line when the prose wraps ("直接起诉 49⏎件").
    while (after < j + 8 && after < to && isSpace(text[after])) after += 1;
    out.numbers.push({
      raw,
      pos: compactLength,
      ...(cell ? { cell } : {}),
      line,
      x0: i - lineStart,
      x1: j - lineStart,
      page,
      glued: !cell && i > lineStart && before !== undefined && !isSpace(before) && !isDigit(before),
      spaced: spaces >= 2,
      counted: !cell && after < to && COUNTING.has(text[after]),
    });
  };

  const cellTokens = (mark: CellMark, a: number, b: number): void => {
    const raw = text.slice(a, b).trim();
    const key = `${mark.table}:${mark.row}`;
    const start = (value: boolean): void => {
      if (raw !== '' && !started.has(key)) started.set(key, value);
    };
    if (mark.heading) {
      addWords(MASK.repeat(raw.replace(/\s+/g, '').length));
      start(false);
      return;
    }
    if (!mark.header && (VALUE_TEXT.test(raw) || (mark.grid && raw === '无'))) {
      if (raw === '' && !mark.grid && !started.has(key)) return;
      start(true);
      const ref: CellRef = {
        table: mark.table,
        row: mark.row,
        col: mark.col,
        colSpan: mark.colSpan,
        grid: mark.grid,
        width: mark.width,
        lead: started.get(key) ?? true,
      };
      pushNumber(raw, a, b, ref);
      return;
    }
    start(false);
    if (mark.header) {
      // A header cell: its digits are words, never values.
      addWords(raw.replace(/\s+/g, '').replace(/(\d)[.、．](?=\D)/g, '$1.'));
      return;
    }
    // A cell of words, or of several values run together: read as running text, with no cell to place them by.
    plain(a, b);
  };

  let i = from;
  for (const { mark, start, end } of cellsIn(norm, marks, from, to)) {
    if (start < i) continue;
    plain(i, start);
    cellTokens(mark, start, end);
    i = end;
  }
  plain(i, to);
  out.compact = pieces.join('');
  return out;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Whitespace as `\s` matches it, without a regular expression per character. */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || isSpace(ch);
}

/** After an item mark: optional whitespace (the label may wrap right after "3、"), then a character that is not a digit. */
function isWordAfter(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isSpace(text[k]) && k - from < 200) k += 1;
  return k < to && !isDigit(text[k]) && !isSpace(text[k]);
}
