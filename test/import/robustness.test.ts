/**
 * Robustness: the published texts, re-wrapped, re-spaced, with half- and full-width punctuation swapped and
 * NFKC-equivalent characters, import to the same numbers; garbage and truncated texts give findings, never a crash.
 * The texts: our own renderings of the seeds' and fixtures' numbers in each published layout (repo only), and the
 * published texts themselves (the corpus beside the repo).
 */
import fc from 'fast-check';
import { checkReport } from '../../src/core';
import { importPublishedText } from '../../src/core/importText';
import { describeWithCorpus } from '../helpers/corpus';
import { FACT_SETS, LAYOUTS, renderedCases } from '../helpers/publishedText';
import { CASE_FILES, cases, tableValues, type Case } from './cases';
import { seeded as rng } from '../helpers/reports';

const FOOTER = /^\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$/;
const isWide = (ch: string | undefined): boolean => ch !== undefined && ch.charCodeAt(0) > 0x2e7f;

interface Variation {
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

function vary(text: string, v: Variation): string {
  const r = rng(v.seed);
  return widen(repunct(respace(rewrap(text, r, v.join, v.wrap), r, v.space), r, v.punct), r, v.wide);
}

const variation = fc.record({
  seed: fc.integer(),
  join: fc.double({ min: 0, max: 0.6, noNaN: true }),
  wrap: fc.double({ min: 0, max: 0.08, noNaN: true }),
  space: fc.double({ min: 0, max: 0.8, noNaN: true }),
  punct: fc.double({ min: 0, max: 1, noNaN: true }),
  wide: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Each fact set once, each in another layout (every layout used). */
const rendered = renderedCases().filter((c) => FACT_SETS.some((set, i) => c.name === `${set.name} as ${LAYOUTS[i % LAYOUTS.length]}`));

describe.each(rendered.map((c) => [c.name, c] as const))('%s', eachCase);

describeWithCorpus('published seeds and fixtures', CASE_FILES, () => {
  describe.each(cases().map((c) => [c.name, c] as const))('%s', eachCase);
});

function eachCase(_name: string, c: Case): void {
  const expected = tableValues(c.expected.values);

  it('imports to the same numbers however it is wrapped, spaced, punctuated and NFKC-varied', () => {
    fc.assert(
      fc.property(variation, (v) => {
        const result = importPublishedText(vary(c.text, v));
        expect(tableValues(result.report.values)).toEqual(expected);
        expect(result.findings.filter((f) => f.rule === 'STRUCTURE')).toEqual([]);
        expect(result.format).toBe(c.format);
      }),
      { numRuns: 60 },
    );
  });

  it('a truncated text gives findings unless the cut spares all three tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: c.text.length }), (cut) => {
        const result = importPublishedText(c.text.slice(0, cut));
        const found = result.findings.length + checkReport(result.report).filter((f) => f.severity === 'error').length;
        if (found === 0) expect(tableValues(result.report.values)).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });
}

describe('garbage', () => {
  const words = ['规章', '行政许可', '本年新收', '总计', '（七）', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题', '1.', '2、', '\n', '\t', ' ', '/', '-3-', '\f'];
  const piece = fc.oneof(fc.constantFrom(...words), fc.nat({ max: 99999999 }).map(String), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 4 }));

  it('never crashes, and says what it could not find', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
        const result = importPublishedText(parts.join(''));
        expect(result.findings.length).toBeGreaterThan(0);
        for (const f of result.findings) expect(f.message).not.toBe('');
        expect(() => checkReport(result.report)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 2000 }), (s) => {
        expect(importPublishedText(s).findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('a long run of digits in a row ends in a finding, quickly', () => {
    const start = Date.now();
    const text = renderedCases()[0].text.replace(/一、本年新收政府信息公开申请数量[^\n]*/, `一、本年新收政府信息公开申请数量${'1234567890'.repeat(30)}`);
    const result = importPublishedText(text);
    expect(result.findings.some((f) => f.target === 't3.new')).toBe(true);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
