/**
 * The numbers of the published fixtures are kept in the repo (test/fixtures/reports/NNN/expected.json) so that the
 * project's own tests need nothing beside it. Where the corpus is present, they must equal its expected.json.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReportData } from '../../src/core';
import { TABLE_KEYS } from '../../src/spec';
import { corpusPath, describeWithCorpus } from '../helpers/corpus';

const FIXTURES = ['001', '002', '003'];
const repoCopy = (n: string): string => path.resolve(__dirname, '../fixtures/reports', n, 'expected.json');
const withoutNote = (data: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(data).filter(([k]) => k !== '_source'));

describeWithCorpus('report data kept in the repo equals the corpus', FIXTURES.map((n) => `fixtures/reports/${n}/expected.json`), () => {
  test.each(FIXTURES)('fixture %s', (n) => {
    const corpus = JSON.parse(readFileSync(corpusPath(`fixtures/reports/${n}/expected.json`), 'utf8')) as Record<string, unknown>;
    const repo = JSON.parse(readFileSync(repoCopy(n), 'utf8')) as Record<string, unknown>;
    expect(withoutNote(repo)).toEqual(corpus);
    expect(String(repo._source)).toContain(`fixtures/reports/${n}/expected.json`);
  });
});

describe('report data kept in the repo', () => {
  test.each(FIXTURES)('fixture %s: a whole report, numbers only, saying where they were read', (n) => {
    const json = JSON.parse(readFileSync(repoCopy(n), 'utf8')) as Record<string, unknown>;
    const parsed = parseReportData(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const { meta, values } = parsed.report;
    expect(meta).toMatchObject({ body: expect.stringMatching(/人民政府$/), year: expect.any(Number) });
    const combined = Array.isArray(json.other_combined);
    const missing = TABLE_KEYS.filter((k) => !(k in values) && !(combined && /^t3\.other_(no_correction|no_fee|other)\./.test(k)));
    expect(missing).toEqual([]);
    expect(Object.values(values).every((v) => v === null || typeof v === 'number')).toBe(true);
    expect(Object.keys(json).sort()).toEqual(['_source', 'meta', 'values', ...(combined ? ['other_combined'] : [])].sort());
  });
});
