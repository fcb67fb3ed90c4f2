/**
 * The seeds and fixtures import to exactly the values of their report data, and checking the import gives the same
 * findings as checking that data (with the same narrative, so narrative checks compare like with like). The same
 * properties hold for texts our own code renders from their numbers in each published layout (repo only), and for
 * the published texts themselves (the corpus beside the repo).
 */
import { checkReport, type Finding } from '../../src/core';
import { TABLE_KEYS } from '../../src/spec';
import { importPublishedText } from '../../src/core/importText';
import { describeWithCorpus } from '../helpers/corpus';
import { renderedCases } from '../helpers/publishedText';
import { CASE_FILES, cases, tableValues, type Case } from './cases';

const fingerprint = (fs: Finding[]): string[] =>
  fs.map((f) => `${f.rule}|${f.target}|${String(f.expected)}|${String(f.actual)}|${f.cells.join(',')}`).sort();

describe.each(renderedCases().map((c) => [c.name, c] as const))('%s', eachCase);

describeWithCorpus('published seeds and fixtures', CASE_FILES, () => {
  describe.each(cases().map((c) => [c.name, c] as const))('%s', eachCase);
});

function eachCase(_name: string, c: Case): void {
  const result = importPublishedText(c.text);

  it('reads every table value exactly as the report data has it', () => {
    expect(tableValues(result.report.values)).toEqual(tableValues(c.expected.values));
    // Every cell of the three tables was read (the 2019 （六）row stands in for its three rows).
    const combined = c.format === '2019';
    const missing = TABLE_KEYS.filter((k) => !(k in result.report.values) && !(combined && /^t3\.other_(no_correction|no_fee|other)\./.test(k)));
    expect(missing).toEqual([]);
  });

  it('reads the fee figures where the report data states them', () => {
    for (const key of ['fee.notices', 'fee.notified', 'fee.collected']) {
      if (key in c.expected.values) expect(result.report.values[key]).toBe(c.expected.values[key]);
    }
  });

  it('reads the body and the year', () => {
    expect(result.report.meta.body).toBe(c.expected.meta.body);
    expect(result.report.meta.year).toBe(c.expected.meta.year);
  });

  it('reports no reading problem and names the format', () => {
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(result.format).toBe(c.format);
  });

  it('reads the narrative sections', () => {
    const narrative = result.report.narrative ?? {};
    expect(Object.keys(narrative)).toEqual(expect.arrayContaining(['opening', '一', '一（一）', '一（二）', '一（三）', '一（四）', '一（五）', '五', '六']));
    // Prose only: no table numbers leaked into the sections, and no page footers.
    expect(narrative['六']).not.toMatch(/\n|-\s*\d+\s*-/);
    expect(narrative['一（二）']).toMatch(/申请/);
  });

  it('checks to the same findings as its report data', () => {
    const fromText = checkReport(result.report);
    const fromData = checkReport({ ...c.expected, narrative: result.report.narrative });
    expect(fingerprint(fromText)).toEqual(fingerprint(fromData));
  });
}
