/**
 * Text preparation for the importer: one normal form for published texts (NFKC, full-width brackets, no page
 * footers), and the token stream the table readers work on — the words of a region run together without
 * whitespace (so that wrapped and split labels still match) and the numbers beside them, each at the position in
 * that run where it was found.
 */

/** A value found in a table region: a number, a placeholder such as "/", or digits with no separator. */
export interface NumberToken {
  /** As found, e.g. "3119", "7730.28", "/". */
  raw: string;
  /** Position in the compact text: the count of word characters before it. */
  pos: number;
}

export interface Stream {
  /** The region's words with all whitespace and numbers removed; item numbers kept as "1." etc. */
  compact: string;
  numbers: NumberToken[];
}

const FOOTER_LINES = [
  /^[\s]*[-－—–]\s*\d{1,3}\s*[-－—–][\s]*$/,
  /^\s*第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$/,
  /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/,
];

/** Line breaks in one form and page footers ("-3-", "第 3 页") removed; the characters otherwise as published. */
export function prepareSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .split('\n')
    .filter((line) => !FOOTER_LINES.some((re) => re.test(line.normalize('NFKC'))))
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
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const cp of source) {
    const code = cp.charCodeAt(0);
    // ASCII letters and digits and the CJK unified ideographs are NFKC-stable: skip the normaliser for them.
    let n = (code < 0x80 && /[\w\s]/.test(cp)) || (code >= 0x4e00 && code <= 0x9fff) ? cp : cp.normalize('NFKC');
    if (n.length === 1 && AFTER_NFKC[n] !== undefined) n = AFTER_NFKC[n];
    else if (/^[\u2000-\u200b\ufeff]$/.test(n)) n = ' ';
    for (let k = 0; k < n.length; k += 1) map.push(offset);
    text += n;
    offset += cp.length;
  }
  map.push(offset);
  return { text, map };
}

/** Whitespace removed: the form labels and headings are matched in. */
export function compactOf(text: string): string {
  return text.replace(/\s+/g, '');
}

const PLACEHOLDER = /^(?:[/／\\]|[-－—–―─]{1,2}|\*)$/;
/** Item numbers of table 三 ("1.", "1、", "1．") are one digit; a longer run before the dot is digits fused on. */
const ITEM_MARK = /[.、．]/;

/**
 * Tokenise a region. Digit runs become number tokens; a digit before "." or "、" followed by a word is an item
 * number and stays in the words ("5.属于三类…"), and any digits fused in front of it form their own number token.
 * A lone "/" or dash between spaces is a placeholder token. Everything else is a word character.
 */
export function tokenise(region: string): Stream {
  let compact = '';
  const numbers: NumberToken[] = [];
  const n = region.length;
  let i = 0;
  while (i < n) {
    const ch = region[i];
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (isDigit(ch)) {
      let j = i;
      while (j < n && isDigit(region[j])) j += 1;
      // Thousands separators and decimals belong to the number.
      while (j + 3 < n + 1 && region[j] === ',' && /^\d{3}(?!\d)/.test(region.slice(j + 1, j + 5))) j += 4;
      let decimals = false;
      if (region[j] === '.' && j + 1 < n && isDigit(region[j + 1])) {
        decimals = true;
        j += 1;
        while (j < n && isDigit(region[j])) j += 1;
      }
      const run = region.slice(i, j);
      if (!decimals && ITEM_MARK.test(region[j] ?? '') && isWordAfter(region, j + 1)) {
        if (run.length > 1) numbers.push({ raw: run.slice(0, -1), pos: compact.length });
        compact += `${run.slice(-1)}.`;
        i = j + 1;
        continue;
      }
      numbers.push({ raw: run, pos: compact.length });
      i = j;
      continue;
    }
    if (PLACEHOLDER.test(ch) && isBoundary(region[i - 1])) {
      let j = i + 1;
      while (j < n && j - i < 2 && /[-－—–―─]/.test(region[j]) && /[-－—–―─]/.test(ch)) j += 1;
      if (isBoundary(region[j]) && PLACEHOLDER.test(region.slice(i, j))) {
        numbers.push({ raw: region.slice(i, j), pos: compact.length });
        i = j;
        continue;
      }
    }
    compact += ch;
    i += 1;
  }
  return { compact, numbers };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/** After an item mark: optional whitespace (the label may wrap right after "3、"), then a character that is not a digit. */
function isWordAfter(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && /\s/.test(text[k])) k += 1;
  return k < text.length && !isDigit(text[k]) && !/\s/.test(text[k]);
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
