/**
 * Test helpers: the published narrative of a seed or fixture text (corpus, beside the repo), and report data read
 * from JSON files (the numbers of those reports are kept in the repo under test/fixtures/).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReportData, type ReportData } from '../../src/core';
import { corpusPath } from '../helpers/corpus';

export { SHARED } from '../helpers/corpus';
export const ROOT = path.resolve(__dirname, '../..');
/** Report data typed from the published seeds and fixtures: test/fixtures/seeds/NNN.json, test/fixtures/reports/NNN/expected.json. */
export const FACTS = path.join(ROOT, 'test/fixtures');
/** The corpus texts the narrative tests read. */
export const SEED_TEXTS = { '000': 'seeds/000_3299c6d712ba3412.txt', '004': 'seeds/004_8c4101162b282ff9.txt' } as const;

export function loadReport(file: string): ReportData {
  const parsed = parseReportData(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.report;
}

/** 一、总体情况 up to table 二, and 五、… to the end: the parts of a published report that are prose. */
export function publishedNarrative(text: string): Record<string, string> {
  const start = text.indexOf('一、总体情况');
  const tables = text.indexOf('二、主动公开政府信息情况', start);
  const problems = text.indexOf('五、存在的主要问题', tables);
  if (start < 0 || tables < 0 || problems < 0) throw new Error('narrative sections not found');
  return { 一: text.slice(start, tables), 五: text.slice(problems) };
}

export function seedFile(name: '000' | '004'): string {
  return readFileSync(corpusPath(SEED_TEXTS[name]), 'utf8');
}
