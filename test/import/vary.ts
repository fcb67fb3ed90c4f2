/** Variations of a published text that must not change what it imports to: wrapping, spacing, punctuation, NFKC forms. */
import { seeded as rng } from '../helpers/reports';

const FOOTER = /^\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$/;
const isWide = (ch: string | undefined): boolean => ch !== undefined && ch.charCodeAt(0) > 0x2e7f;

export interface Variation {
  seed: number;
  join: number;
  wrap: number;
  space: number;
  punct: number;
  wide: number;
}

/** Lines joined with a space and broken between wide characters; page footers keep their own lines. */
function rewrap(text: string, r: () => number, join: number, wrap: number): string {
  const lines = text.split('\n').map((line) => {
    let out = '';
    for (let i = 0; i < line.length; i += 1) {
      if (i > 0 && isWide(line[i - 1]) && isWide(line[i]) && r() < wrap) out += '\n';
      out += line[i];
    }
    return out;
  });
  let out = lines[0];
  for (let i = 1; i < lines.length; i += 1) {
    const keep = FOOTER.test(lines[i]) || FOOTER.test(lines[i - 1]) || r() >= join;
    out += (keep ? '\n' : ' ') + lines[i];
  }
  return out;
}

const SPACES = [' ', '  ', '\t', '\u3000', '\u00a0', ' \t '];

/** Existing whitespace runs varied; spaces added between wide characters. */
function respace(text: string, r: () => number, rate: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      out += r() < rate ? SPACES[Math.floor(r() * SPACES.length)] : ch;
      continue;
    }
    out += ch;
    if (isWide(ch) && isWide(text[i + 1]) && r() < rate / 4) out += SPACES[Math.floor(r() * SPACES.length)];
  }
  return out.replace(/[ \t]*$/gm, (m) => m + (r() < rate ? ' ' : ''));
}

const PUNCT: Record<string, string[]> = {
  '（': ['('],
  '(': ['（'],
  '）': [')'],
  ')': ['）'],
  '，': [','],
  '：': [':'],
  ':': ['：'],
  '“': ['"'],
  '”': ['"'],
};

/** Half- and full-width punctuation swapped; item numbers written 1. / 1、 / 1． / "1. ". */
function repunct(text: string, r: () => number, rate: number): string {
  const swapped = [...text].map((ch) => (PUNCT[ch] && r() < rate ? PUNCT[ch][0] : ch)).join('');
  return swapped.replace(/(?<![\d.])(\d)[.、．](?=[^\d\s])/g, (m, d: string) => (r() < rate ? `${d}${['.', '、', '．', '. '][Math.floor(r() * 4)]}` : m));
}

/** NFKC-equivalent forms: full-width digits and Latin letters, ideographic spaces. */
function widen(text: string, r: () => number, rate: number): string {
  return [...text]
    .map((ch) => {
      if (/[0-9A-Za-z]/.test(ch) && r() < rate) return String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
      if (ch === ' ' && r() < rate) return '\u3000';
      return ch;
    })
    .join('');
}

export function vary(text: string, v: Variation): string {
  const r = rng(v.seed);
  return widen(repunct(respace(rewrap(text, r, v.join, v.wrap), r, v.space), r, v.punct), r, v.wide);
}

