/** The published texts with known report data: the seeds (data by the lead) and the fixtures (expected.json). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReportData, type ReportData } from '../../src/core';

export const SHARED = path.resolve(__dirname, '../../../shared');

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

export function cases(): Case[] {
  const seeds = path.join(SHARED, 'seeds');
  const seedFile = (prefix: string): string => {
    const found = readdirSync(seeds).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
    if (!found) throw new Error(`seed ${prefix} missing in ${seeds}`);
    return path.join(seeds, found);
  };
  const fixtures = path.join(SHARED, 'fixtures', 'reports');
  return [
    load('seed 000', seedFile('000_'), path.resolve(__dirname, '../fixtures/seeds/000.json'), '2021'),
    load('seed 004', seedFile('004_'), path.resolve(__dirname, '../fixtures/seeds/004.json'), '2021'),
    load('fixture 001', path.join(fixtures, '001', 'source.txt'), path.join(fixtures, '001', 'expected.json'), '2021'),
    load('fixture 002', path.join(fixtures, '002', 'source.txt'), path.join(fixtures, '002', 'expected.json'), '2019'),
    load('fixture 003', path.join(fixtures, '003', 'source.txt'), path.join(fixtures, '003', 'expected.json'), '2019'),
  ];
}

/** The values of the three tables (and the 2019 combined row), without fee or narrative figures. */
export function tableValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => /^t[234]\./.test(k)).sort(([a], [b]) => a.localeCompare(b)));
}
