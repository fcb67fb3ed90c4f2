/**
 * Report data for the layout corpus: sound reports from the seeded generator, scaled so that some have multi-digit
 * counts, then written the way clerks write zeros — left blank, "/" or "—" — in some reports and not in others.
 * Every choice comes from the seed, so a failing case reproduces.
 */
import { TABLE_KEYS } from '../../../src/spec';
import type { ReportData } from '../../../src/core';
import { seeded, soundReport, type Rand } from '../../helpers/reports';

export type ZeroHabit = 'zero' | 'blank' | 'slash' | 'mixed';

export interface LayoutCase {
  seed: number;
  report: ReportData;
  habit: ZeroHabit;
  /** The table cells as the report has them: what a perfect import gives back. */
  expected: Record<string, number | string>;
  rand: Rand;
}

const SCALES = [1, 1, 2, 7, 13, 120, 1009];
const HABITS: ZeroHabit[] = ['zero', 'blank', 'slash', 'mixed', 'blank'];

export function layoutCase(seed: number): LayoutCase {
  const rand = seeded(seed * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const report = soundReport(rand);
  const scale = pick(SCALES);
  const habit = pick(HABITS);
  // How many of the zeros the habit touches: all of them, or about half.
  const share = rand() < 0.5 ? 1 : 0.5;
  const values = report.values as Record<string, number | string>;
  for (const key of Object.keys(values)) {
    if (/^t[34]\./.test(key) && typeof values[key] === 'number') values[key] = (values[key] as number) * scale;
  }
  for (const key of TABLE_KEYS) {
    if (values[key] !== 0 || habit === 'zero' || rand() >= share) continue;
    values[key] = habit === 'blank' ? '' : habit === 'slash' ? '/' : pick(['', '/', '—', '0']);
  }
  const expected: Record<string, number | string> = {};
  for (const key of TABLE_KEYS) expected[key] = values[key];
  return { seed, report, habit, expected, rand };
}

export { seeded };
