/**
 * Random report data for property tests and benchmarks: sound reports that satisfy every equation of the format,
 * built from a seedable generator so failures reproduce.
 */
import {
  LEVELS,
  LEVELS_WITH_REGULATIONS,
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_LEAF_ROWS,
  T4_GROUPS,
  t3Key,
  t4Key,
  type Level,
} from '../../src/spec';
import type { ReportData } from '../../src/core';

export type Rand = () => number;

/** mulberry32: small, fast, seedable. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Rand, max: number): number => Math.floor(rand() * (max + 1));

export interface SoundReportOptions {
  /** Include last year's figures (consistent with this year's). */
  withPrev?: boolean;
  level?: Level;
}

/** A report on which no rule fires. */
export function soundReport(rand: Rand, options: SoundReportOptions = {}): ReportData {
  const values: Record<string, number> = {};
  const level = options.level ?? LEVELS[int(rand, LEVELS.length - 1)].key;
  const canRegulate = LEVELS_WITH_REGULATIONS.includes(level);

  for (const k of ['regulations', 'normative'] as const) {
    const allowed = k === 'normative' || canRegulate;
    const inForce = allowed ? 10 + int(rand, 90) : 0;
    const issued = allowed ? int(rand, Math.floor(inForce / 2)) : 0;
    const repealed = allowed ? int(rand, issued) : 0;
    values[`t2.${k}.issued`] = issued;
    values[`t2.${k}.repealed`] = repealed;
    values[`t2.${k}.in_force`] = inForce;
  }
  values['t2.licensing'] = int(rand, 5000);
  values['t2.punishment'] = int(rand, 5000);
  values['t2.enforcement'] = int(rand, 500);
  values['t2.fees'] = Math.round(rand() * 100000) / 100;

  const colTotals: Record<string, number> = {};
  for (const col of T3_APPLICANT_COLUMNS) colTotals[col] = 0;
  const rowSum = (row: string): void => {
    values[t3Key(row, 'total')] = T3_APPLICANT_COLUMNS.reduce((s, c) => s + values[t3Key(row, c)], 0);
  };
  const busy = (col: string): number => (col === 'natural' ? 20 : 3);
  for (const row of T3_LEAF_ROWS) {
    for (const col of T3_APPLICANT_COLUMNS) {
      const n = rand() < 0.6 ? 0 : int(rand, busy(col));
      values[t3Key(row, col)] = n;
      colTotals[col] += n;
    }
    rowSum(row);
  }
  for (const col of T3_APPLICANT_COLUMNS) {
    const handled = colTotals[col];
    const carriedOut = int(rand, busy(col));
    // With last year given, carry-in equals this year's carry-out so that no year-on-year jump appears.
    const carriedIn = options.withPrev ? carriedOut : int(rand, handled + carriedOut);
    values[t3Key('handled_total', col)] = handled;
    values[t3Key('carried_out', col)] = carriedOut;
    values[t3Key('carried_in', col)] = carriedIn;
    values[t3Key('new', col)] = handled + carriedOut - carriedIn;
  }
  for (const row of ['new', 'carried_in', 'handled_total', 'carried_out']) rowSum(row);

  for (const g of T4_GROUPS) {
    let total = 0;
    for (const o of ['upheld', 'corrected', 'other', 'pending']) {
      const n = rand() < 0.5 ? 0 : int(rand, 8);
      values[t4Key(g.key, o)] = n;
      total += n;
    }
    values[t4Key(g.key, 'total')] = total;
  }

  const noFee = values[t3Key('other_no_fee', 'total')];
  values['fee.notices'] = noFee + 5 + int(rand, 5);
  values['fee.notified'] = values['fee.notices'] * 100;
  values['fee.collected'] = int(rand, values['fee.notified']);

  const report: ReportData = { meta: { body: `测试单位${int(rand, 9999)}`, year: 2024, level, kind: 'own' }, values };
  if (options.withPrev) {
    const prev: Record<string, number> = {};
    for (const c of T3_COLUMNS) prev[t3Key('carried_out', c.key)] = values[t3Key('carried_in', c.key)];
    for (const k of ['regulations', 'normative'] as const) {
      prev[`t2.${k}.in_force`] = values[`t2.${k}.in_force`] - values[`t2.${k}.issued`] + values[`t2.${k}.repealed`];
    }
    report.prev = prev;
  }
  return report;
}
