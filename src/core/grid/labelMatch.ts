/**
 * Comparing a label found in a hand-made workbook with the official one (FORMAT.md §7): width and bracket forms,
 * 1、/1./1. , spaces and line breaks inside cells, and the odd typo (其他法律行政止公开) must still match.
 */

/** Canonical form for comparison: NFKC, no whitespace, one bracket and enumerator style, no trailing colon. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/(^|[^\d])(\d{1,2})[、,，.．]/g, '$1$2.')
    .replace(/[:：。;；]+$/g, '')
    .toLowerCase();
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.,]|\(?[一二三四五六七八九十]+\)|\d{1,2}\.|\(\d{1,2}\))/;

/** The label without its leading enumerators (一、 （三） 1.), normalised. */
export function coreLabel(text: string): string {
  return coreOfNormalised(normaliseLabel(text));
}

/** coreLabel of a text already normalised. */
export function coreOfNormalised(norm: string): string {
  let s = norm;
  for (let i = 0; i < 3; i += 1) {
    const next = s.replace(ENUMERATOR, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

interface Bigrams {
  counts: Map<string, number>;
  total: number;
}

/** Labels recur (the official ones in every workbook, a row's label against every official one): keep their bigrams. */
const BIGRAMS = new Map<string, Bigrams>();
const BIGRAMS_KEPT = 4096;

function bigrams(s: string): Bigrams {
  const known = BIGRAMS.get(s);
  if (known) return known;
  const counts = new Map<string, number>();
  if (s.length === 1) counts.set(s, 1);
  for (let i = 0; i + 1 < s.length; i += 1) {
    const b = s.slice(i, i + 2);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const out = { counts, total: Math.max(1, s.length - 1) };
  if (BIGRAMS.size >= BIGRAMS_KEPT) BIGRAMS.clear();
  BIGRAMS.set(s, out);
  return out;
}

/** Dice coefficient over character bigrams of the core labels: 1 for the same label, about 0.7 for a one-word typo. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return dice(a, b);
}

/**
 * Whether two labels are at least `min` similar. Labels whose lengths alone rule it out are not compared: two
 * strings of n and m characters share at most min(n, m) − 1 bigrams, so Dice ≤ 2·min / (n + m − 2).
 */
export function similarAtLeast(a: string, b: string, min: number): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const la = Math.max(a.length - 1, 1);
  const lb = Math.max(b.length - 1, 1);
  if ((2 * Math.min(la, lb)) / (la + lb) < min) return false;
  return dice(a, b) >= min;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const [small, large] = x.counts.size <= y.counts.size ? [x, y] : [y, x];
  let common = 0;
  for (const [g, n] of small.counts) common += Math.min(n, large.counts.get(g) ?? 0);
  return (2 * common) / (x.total + y.total);
}

/** Whether a cell's text is the given header word (exactly, after normalising). */
export function isLabel(text: string, label: string): boolean {
  return normaliseLabel(text) === normaliseLabel(label);
}
