/**
 * Text preparation for the importer: one normal form for published texts (NFKC, full-width brackets, page footers
 * replaced by page breaks), a map back to the text as published, and prose lines joined back into paragraphs.
 */

const FOOTER_LINES = [
  /^[\s]*[-－—–]\s*\d{1,3}\s*[-－—–][\s]*$/,
  /^\s*第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$/,
  // "3 / 12", but not three TAB-separated cells "3	/	12".
  /^[^\S\t]*\d{1,3}[^\S\t]*\/[^\S\t]*\d{1,3}[^\S\t]*$/,
];

/** Where one page ends and the next begins: a line of its own, so that columns are measured page by page. */
export const PAGE_BREAK = '\f';

/**
 * An empty table cell in running text: a line holding only no-break spaces, as a browser copies a web page whose
 * cells are paragraphs (`<td><p>&nbsp;</p></td>`, each cell on a line of its own). Kept as a whitespace character of
 * its own (U+205F) so that it is whitespace to everything but the table reader.
 */
export const EMPTY_CELL = '\u205f';

/**
 * Line breaks in one form; page footers ("-3-", "第 3 页") and form feeds become page breaks on lines of their own;
 * the characters otherwise as published.
 */
export function prepareSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\u205f/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[\v\u2028\u2029]/g, '\n')
    .replace(/\f/g, `\n${PAGE_BREAK}\n`)
    .split('\n')
    .map((line) => (FOOTER_LINES.some((re) => re.test(line.normalize('NFKC'))) ? PAGE_BREAK : /^ *\u00a0[ \u00a0]*$/.test(line) ? EMPTY_CELL : line))
    .join('\n');
}

export interface Normalised {
  /** NFKC, brackets full-width, quotes and spaces in one form. */
  text: string;
  /** For each character of `text` (and one past the end), its offset in the source. */
  map: number[];
}

const AFTER_NFKC: Record<string, string> = { '(': '（', ')': '）', ':': '：', '"': '“', '”': '“', '\u00a0': ' ', '\u3000': ' ' };

/** Character-by-character NFKC with a map back to the source, so prose can be quoted as published. */
export function normalise(source: string): Normalised {
  const parts: string[] = [];
  const map: number[] = [];
  let run = 0;
  const flush = (end: number): void => {
    if (end <= run) return;
    parts.push(source.slice(run, end));
    for (let k = run; k < end; k += 1) map.push(k);
  };
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    // ASCII letters, digits and spaces and the CJK unified ideographs are NFKC-stable: runs of them are copied.
    if ((code < 0x80 && isAsciiWordOrSpace(code)) || (code >= 0x4e00 && code <= 0x9fff)) {
      i += 1;
      continue;
    }
    flush(i);
    const cp = String.fromCodePoint(source.codePointAt(i) ?? code);
    let n = cp === EMPTY_CELL ? cp : cp.normalize('NFKC');
    if (n === EMPTY_CELL) n = EMPTY_CELL;
    else if (n.length === 1 && AFTER_NFKC[n] !== undefined) n = AFTER_NFKC[n];
    else if (/^[\u2000-\u200b\ufeff]$/.test(n)) n = ' ';
    for (let k = 0; k < n.length; k += 1) map.push(i);
    parts.push(n);
    i += cp.length;
    run = i;
  }
  flush(source.length);
  map.push(source.length);
  return { text: parts.join(''), map };
}

/** [A-Za-z0-9_] and ASCII whitespace: what `[\w\s]` matches below 0x80. */
function isAsciiWordOrSpace(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Whitespace removed: the form labels and headings are matched in. */
export function compactOf(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Lines joined back into running text: wrapped CJK lines run together, other breaks become one space. */
export function joinProse(text: string): string {
  // Pieces joined once at the end: reading the last character of a growing concatenation flattens it each time,
  // which made long texts quadratic.
  const pieces: string[] = [];
  let last = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (pieces.length > 0 && !isWide(last) && !isWide(line[0])) pieces.push(' ');
    pieces.push(line);
    last = line[line.length - 1];
  }
  return pieces
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/(?<=[^\u0020-\u007e]) (?=[^\u0020-\u007e])/g, '');
}

function isWide(ch: string): boolean {
  return ch.charCodeAt(0) > 0x2e7f;
}
