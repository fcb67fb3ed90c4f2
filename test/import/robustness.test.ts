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
import { vary } from './vary';

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
