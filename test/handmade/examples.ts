/**
 * The hand-made workbooks shipped in examples/收到的年报/: tables the way three units' clerks built them, with sound
 * numbers (no finding is genuinely expected), so that a reader that reads them right shows nothing for them.
 * Written by `node scripts/make-handmade-examples.js`; test/handmade/handmade.test.ts checks the files are what this
 * writes.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { T3_COLUMNS, t3Key } from '../../src/spec';
import type { ReportData } from '../../src/core';
import { seeded, soundReport } from '../helpers/reports';
import { generateHandMade, type HandMade } from './generate';
import { layoutOf } from './layout';

export interface Example {
  file: string;
  body: string;
  /** What the clerk did, for the reader of this file. */
  habits: string[];
  seed: number;
}

export const EXAMPLES: readonly Example[] = [
  {
    // The official tables copied from the notice onto one sheet, with a title, 填报单位 line and =SUM() totals.
    file: '沙坡头区某某局（自制表格）.xlsx',
    body: '沙坡头区某某局',
    habits: ['report-title', 'sum-formulas'],
    seed: 2401,
  },
  {
    // Last year's Word report pasted into Excel: merges lost, line breaks and full-width spaces in labels, text "0".
    file: '沙坡头区某某街道办事处（从Word复制）.xlsx',
    body: '沙坡头区某某街道办事处',
    habits: ['report-title', 'unmerged', 'line-breaks', 'fullwidth-spaces', 'zero-text', 'per-sheet'],
    seed: 2402,
  },
  {
    // Retyped on sheets of its own: one-row applicant header, 合计, 1、, 表四 as three small tables, a cover and notes.
    file: '沙坡头区某某乡（分表填报）.xlsx',
    body: '沙坡头区某某乡人民政府',
    habits: ['report-title', 'per-sheet-odd', 'applicants-one-row', 'total-heji', 'enum-comma', 't4-three-tables', 'extra-sheets'],
    seed: 2403,
  },
];

/**
 * A sound report for the example. Applications dropped for unpaid fees move to （六）3.其他: a hand-made workbook has
 * no 信息处理费 figures, and a count there would rightly ask for them (FEE-NOTICES).
 */
export function exampleReport(e: Example): ReportData {
  const report = soundReport(seeded(e.seed), { level: e.body.endsWith('乡人民政府') ? 'township' : 'county_dept' });
  const values = { ...report.values };
  for (const c of T3_COLUMNS) {
    values[t3Key('other_other', c.key)] = Number(values[t3Key('other_other', c.key)]) + Number(values[t3Key('other_no_fee', c.key)]);
    values[t3Key('other_no_fee', c.key)] = 0;
  }
  return { ...report, values, meta: { ...report.meta, body: e.body, year: 2024 } };
}

export function generateExample(e: Example): Promise<HandMade> {
  return generateHandMade(exampleReport(e), layoutOf(e.habits), e.seed);
}

/** Write every example into `dir`; returns the paths written. */
export async function writeExamples(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of EXAMPLES) {
    const file = path.join(dir, e.file);
    writeFileSync(file, (await generateExample(e)).bytes);
    out.push(file);
  }
  return out;
}
