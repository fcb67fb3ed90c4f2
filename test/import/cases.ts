/**
 * The published texts with known report data: the seeds (data by the lead) and the fixtures. The texts are the
 * corpus beside the repo (gate their tests with describeWithCorpus(…, CASE_FILES, …)); their numbers are kept in the
 * repo under test/fixtures/.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReportData, type ReportData } from '../../src/core';
import { corpusPath, hasCorpus } from '../helpers/corpus';

export { SHARED } from '../helpers/corpus';

export interface Case {
  name: string;
  source: string;
  text: string;
  expected: ReportData;
  format: '2021' | '2019';
}

function load(name: string, source: string, expectedFile: string, format: '2021' | '2019'): Case {
  if (!existsSync(expectedFile)) throw new Error(`expected data missing: ${expectedFile}`);
  const parsed = parseReportData(JSON.parse(readFileSync(expectedFile, 'utf8')));
  if (!parsed.ok) throw new Error(`${expectedFile}: ${parsed.error}`);
  return { name, source, text: readFileSync(source, 'utf8'), expected: parsed.report, format };
}

const FACTS = path.resolve(__dirname, '../fixtures');
const CASES = [
  { name: 'seed 000', text: 'seeds/000_3299c6d712ba3412.txt', data: 'seeds/000.json', format: '2021' },
  { name: 'seed 004', text: 'seeds/004_8c4101162b282ff9.txt', data: 'seeds/004.json', format: '2021' },
  { name: 'fixture 001', text: 'fixtures/reports/001/source.txt', data: 'reports/001/expected.json', format: '2021' },
  { name: 'fixture 002', text: 'fixtures/reports/002/source.txt', data: 'reports/002/expected.json', format: '2019' },
  { name: 'fixture 003', text: 'fixtures/reports/003/source.txt', data: 'reports/003/expected.json', format: '2019' },
] as const;

/** The corpus texts cases() reads. */
export const CASE_FILES: readonly string[] = CASES.map((c) => c.text);

/** The published cases; none where the corpus is absent (their tests are gated on CASE_FILES). */
export function cases(): Case[] {
  if (!hasCorpus(CASE_FILES)) return [];
  return CASES.map((c) => load(c.name, corpusPath(c.text), path.join(FACTS, c.data), c.format));
}

/** The values of the three tables (and the 2019 combined row), without fee or narrative figures. */
export function tableValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => /^t[234]\./.test(k)).sort(([a], [b]) => a.localeCompare(b)));
}
