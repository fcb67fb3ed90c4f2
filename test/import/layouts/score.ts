/**
 * Scoring an import against the report it was made from, cell by cell over the three tables: read right; read and
 * flagged (an inferred split); named unreadable (no value, a finding names the cell); flagged but wrong; and the two
 * failures — a wrong value nobody flagged, a cell missing that no finding names.
 */
import { readValue, type Finding, type ReportData } from '../../../src/core';
import type { ImportResult } from '../../../src/core/importText';
import { KEY_INDEX, TABLE_KEYS } from '../../../src/spec';

export interface Score {
  cells: number;
  read: number;
  readFlagged: number;
  named: number;
  flaggedWrong: number;
  silentWrong: number;
  silentMissing: number;
  /** Reports, and those whose body and year were read right. */
  reports: number;
  titles: number;
  /** A few failures, for the message. */
  failures: string[];
}

export function emptyScore(): Score {
  return { cells: 0, read: 0, readFlagged: 0, named: 0, flaggedWrong: 0, silentWrong: 0, silentMissing: 0, reports: 0, titles: 0, failures: [] };
}

/** Two cell values mean the same: equal numbers, or the same blank or placeholder. */
export function sameValue(key: string, a: unknown, b: unknown): boolean {
  const kind = KEY_INDEX.get(key)?.kind ?? 'count';
  const x = readValue(a, kind);
  const y = readValue(b, kind);
  if (x.state === 'number' && y.state === 'number') return x.value === y.value;
  if (x.state === 'blank' && y.state === 'blank') return String(x.raw ?? '').trim() === String(y.raw ?? '').trim();
  return x.state === y.state && String(a) === String(b);
}

export function scoreImport(
  expected: Record<string, unknown>,
  result: ImportResult,
  label: string,
  into: Score = emptyScore(),
  meta?: ReportData['meta'],
): Score {
  into.reports += 1;
  if (meta && result.report.meta.body === meta.body && result.report.meta.year === meta.year) into.titles += 1;
  const flagged = new Set<string>();
  result.findings.forEach((f: Finding) => f.cells.forEach((c) => flagged.add(c)));
  for (const key of TABLE_KEYS) {
    into.cells += 1;
    const got = result.report.values[key];
    const has = got !== undefined;
    const right = has && sameValue(key, expected[key], got);
    const named = flagged.has(key);
    if (right && !named) into.read += 1;
    else if (right) into.readFlagged += 1;
    else if (!has && named) into.named += 1;
    else if (named) into.flaggedWrong += 1;
    else {
      if (has) into.silentWrong += 1;
      else into.silentMissing += 1;
      if (into.failures.length < 8) into.failures.push(`${label} ${key}: expected ${JSON.stringify(expected[key])}, got ${JSON.stringify(got)}`);
    }
  }
  return into;
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

/** One line of the score table. */
export function scoreLine(name: string, s: Score): string {
  const readOrNamed = s.read + s.readFlagged + s.named + s.flaggedWrong;
  return [
    name.padEnd(22),
    `${String(s.cells).padStart(6)} cells`,
    `read ${pct(s.read + s.readFlagged, s.cells).padStart(6)}`,
    `read-or-named ${pct(readOrNamed, s.cells).padStart(6)}`,
    `flagged ${String(s.readFlagged + s.named + s.flaggedWrong).padStart(5)} (wrong ${s.flaggedWrong})`,
    `silently wrong ${s.silentWrong}`,
    `silently missing ${s.silentMissing}`,
    `body and year ${s.titles}/${s.reports}`,
  ].join('  ');
}
