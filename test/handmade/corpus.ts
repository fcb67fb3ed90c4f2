/**
 * The corpus of hand-made workbooks: the baseline, each habit alone, clerk profiles (habits that travel together),
 * and seeded random combinations; filled from numbers typed from real reports (test/fixtures/seeds) and from the
 * seeded generator of sound reports.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseReportData, type ReportData } from '../../src/core';
import { T3_APPLICANT_COLUMNS, T3_LEAF_ROWS, T3_ROWS, T4_GROUPS, t3Key, t4Key } from '../../src/spec';
import { seeded, soundReport, type Rand } from '../helpers/reports';
import { HABITS, HABIT_INDEX, layoutOf } from './layout';

/**
 * Where the report numbers come from: a seed file (real reports: mostly zeros), the seeded generator of sound reports,
 * or varied figures (few zeros, so that a cell read from the wrong row or column shows).
 */
export type Source = { seedFile: string } | { random: number } | { varied: number; quiet?: T4Group[] };

type T4Group = (typeof T4_GROUPS)[number]['key'];

export interface Case {
  /** Habits applied to the baseline ([] = the baseline). */
  habits: string[];
  /** A clerk profile's name, for cases that are one. */
  profile?: string;
  source: Source;
  /** Picks offsets and last year's figures. */
  seed: number;
}

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('project root not found');
    dir = up;
  }
  return dir;
}

const SEED_DIR = path.join(projectRoot(), 'test/fixtures/seeds');

export function seedFiles(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

const BODIES = ['某某县自然资源局', '某某区人民政府办公室', '某某镇人民政府', '某某市生态环境局', '某某街道办事处', '某某县教育局', '某某区卫生健康委员会', '某某乡人民政府'];

const int = (rand: Rand, max: number): number => Math.floor(rand() * (max + 1));

/**
 * A sound report whose figures are mostly not 0 and rarely equal, so that a cell read from the wrong row or column
 * shows; but, as in real reports, whole rows, applicant columns and 表四 groups may be 0 (blank when zeros are left
 * blank), which is where a locator may slip to the next row or column.
 */
export function variedReport(rand: Rand, quiet: readonly T4Group[] = []): ReportData {
  const values: Record<string, number> = {};
  const some = (max: number, zeros = 0.15): number => (rand() < zeros ? 0 : 1 + int(rand, max - 1));
  for (const k of ['regulations', 'normative']) {
    const inForce = 20 + int(rand, 200);
    const issued = some(Math.floor(inForce / 2));
    values[`t2.${k}.issued`] = issued;
    values[`t2.${k}.repealed`] = int(rand, issued);
    values[`t2.${k}.in_force`] = inForce;
  }
  values['t2.licensing'] = some(9000, 0.05);
  values['t2.punishment'] = some(3000, 0.05);
  values['t2.enforcement'] = some(400);
  values['t2.fees'] = rand() < 0.15 ? 0 : Math.round(rand() * 500000) / 100;
  const zeroRows = new Set(T3_LEAF_ROWS.filter(() => rand() < 0.3));
  const zeroCols = new Set(T3_APPLICANT_COLUMNS.filter((c) => c !== 'natural' && rand() < 0.3));
  for (const col of T3_APPLICANT_COLUMNS) {
    const none = zeroCols.has(col);
    let handled = 0;
    for (const row of T3_LEAF_ROWS) {
      values[t3Key(row, col)] = none || zeroRows.has(row) ? 0 : some(col === 'natural' ? 90 : 12);
      handled += values[t3Key(row, col)];
    }
    const carriedOut = none ? 0 : some(col === 'natural' ? 40 : 8);
    const carriedIn = none ? 0 : int(rand, Math.min(handled + carriedOut, col === 'natural' ? 40 : 8));
    values[t3Key('handled_total', col)] = handled;
    values[t3Key('carried_out', col)] = carriedOut;
    values[t3Key('carried_in', col)] = carriedIn;
    values[t3Key('new', col)] = handled + carriedOut - carriedIn;
  }
  for (const row of T3_ROWS) values[t3Key(row.key, 'total')] = T3_APPLICANT_COLUMNS.reduce((s, c) => s + values[t3Key(row.key, c)], 0);
  for (const g of T4_GROUPS) {
    const none = rand() < 0.4 || quiet.includes(g.key);
    let total = 0;
    for (const o of ['upheld', 'corrected', 'other', 'pending']) {
      values[t4Key(g.key, o)] = none ? 0 : some(15, 0.2);
      total += values[t4Key(g.key, o)];
    }
    values[t4Key(g.key, 'total')] = total;
  }
  return { meta: {}, values };
}

export function reportOf(source: Source): ReportData {
  if ('seedFile' in source) {
    const parsed = parseReportData(JSON.parse(readFileSync(path.join(SEED_DIR, source.seedFile), 'utf8')));
    if (!parsed.ok) throw new Error(`${source.seedFile}: ${parsed.error}`);
    return parsed.report;
  }
  const n = 'random' in source ? source.random : source.varied;
  const report = 'random' in source ? soundReport(seeded(n), { level: 'county_dept' }) : variedReport(seeded(n), source.quiet);
  return { ...report, meta: { body: BODIES[n % BODIES.length], year: 2023 + (n % 2), kind: 'own' } };
}

export function sourceName(source: Source): string {
  if ('seedFile' in source) return `seed ${source.seedFile.replace(/\.json$/, '')}`;
  if ('random' in source) return `random ${source.random}`;
  return `varied ${source.varied}${source.quiet?.length ? ` (no ${source.quiet.join(', ')})` : ''}`;
}

export function caseName(c: Case): string {
  return `${c.profile ? `${c.profile}: ` : ''}${c.habits.join(' + ') || 'baseline'} @ ${sourceName(c.source)}`;
}

/** Clerk profiles: habits that arrive together. */
export const PROFILES: Record<string, string[]> = {
  'copied from the notice': ['per-sheet', 'report-title', 'sum-formulas'],
  'pasted from Word': ['report-title', 'unmerged', 'line-breaks', 'fullwidth-spaces', 'zero-blank'],
  'pasted from a web page': ['repeated', 'half-width-brackets', 'numbers-nbsp', 'zero-slash', 'no-section-titles'],
  retyped: ['per-sheet-odd', 'applicants-one-row', 'total-heji', 'enum-comma', 'typos', 'groups-own-row', 't4-row-per-group', 'numbers-as-text'],
  'kept in a WPS workbook': ['extra-sheets', 'hidden-helper', 'sum-formulas', 'zero-blank', 'offsets'],
  'last used in 2019': ['layout-2019-t2', 'layout-2019-t3', 't4-template', 'report-title'],
  'everything at once': ['offsets', 'tight', 'reversed', 'groups-missing', 'section-missing', 'applicants-flattened', 'total-gongji', 't4-three-tables', 'zero-emdash', 'numbers-spaces', 'sheet-named-table'],
};

/** LibreOffice cases: what a clerk saves from LibreOffice, cached zero totals included. */
const LIBREOFFICE_CASES: string[][] = [
  ['libreoffice'],
  ['libreoffice', 'sum-formulas', 'zero-blank'],
  ['libreoffice', 'per-sheet', 'hidden-helper', 'sum-formulas'],
  ['libreoffice', ...PROFILES['pasted from a web page']],
  ['libreoffice', ...PROFILES['kept in a WPS workbook']],
  ['libreoffice', 'layout-2019-t2', 'unmerged'],
];

/**
 * Habits together where a locator may slip onto a neighbour's figures: a blank 表四 group beside or above another
 * group or a footer, tables side by side, zero rows left blank next to other tables.
 */
const TRAPS: { habits: string[]; source: Source }[] = [
  { habits: ['tight', 'report-title', 'zero-blank'], source: { seedFile: '000.json' } },
  { habits: ['tight', 'report-title', 'zero-blank', 'per-sheet'], source: { varied: 601, quiet: ['reconsideration', 'litigation_direct', 'litigation_after'] } },
  { habits: ['t4-three-tables', 'zero-blank'], source: { varied: 602, quiet: ['reconsideration'] } },
  { habits: ['t4-three-tables', 'zero-blank', 'tight'], source: { varied: 603, quiet: ['reconsideration', 'litigation_direct'] } },
  { habits: ['t4-template', 'zero-blank'], source: { varied: 604, quiet: ['reconsideration'] } },
  { habits: ['side-by-side', 'zero-blank'], source: { varied: 605, quiet: ['reconsideration'] } },
  { habits: ['side-by-side', 'unmerged', 't4-template'], source: { varied: 606 } },
  { habits: ['reversed', 'tight', 'zero-blank'], source: { varied: 607, quiet: ['litigation_after'] } },
  { habits: ['extra-sheets', 'zero-slash', 'report-title'], source: { varied: 608 } },
  // Misread by the reader before the rewrite of issue 11 (known silent cases then), read right since.
  { habits: ['hidden-last-year-first', 'zero-slash', 'report-title'], source: { varied: 701 } },
  { habits: ['t4-row-per-group', 'zero-blank'], source: { varied: 702, quiet: ['reconsideration'] } },
  { habits: ['side-by-side', 'repeated'], source: { varied: 703 } },
  { habits: ['tight', 'report-title', 'zero-blank', 't4-template'], source: { seedFile: '000.json' } },
];

/**
 * Workbooks the reader reads silently wrong, if any are found: kept out of the corpus, whose silently wrong count must
 * stay 0, and run as known failures; when one is fixed its test says so, and it joins the corpus (as the four found
 * in issue 11 did, now among the TRAPS).
 */
export const KNOWN_SILENT: { why: string; c: Case }[] = [];

/** Random combinations of habits on distinct axes. */
function combinations(rand: Rand, n: number): string[][] {
  const pool = HABITS.filter((h) => h.id !== 'libreoffice');
  const out: string[][] = [];
  while (out.length < n) {
    const size = 3 + Math.floor(rand() * 5);
    const picked: string[] = [];
    const axes = new Set<string>();
    for (let guard = 0; picked.length < size && guard < 100; guard += 1) {
      const h = pool[Math.floor(rand() * pool.length)];
      if (axes.has(h.axis)) continue;
      axes.add(h.axis);
      picked.push(h.id);
    }
    out.push(picked);
  }
  return out;
}

export interface CorpusOptions {
  /** Include the cases saved by LibreOffice. */
  libreoffice: boolean;
  /** Number of random combinations. */
  combinations?: number;
}

export function buildCorpus(options: CorpusOptions): Case[] {
  const seeds = seedFiles();
  const cases: Case[] = [];
  let n = 0;
  const add = (habits: string[], source: Source, profile?: string): void => {
    layoutOf(habits); // throws on a corpus mistake
    n += 1;
    cases.push({ habits, source, profile, seed: 1000 + n });
  };
  // Each source kind in turn: real numbers, generated sound reports, varied figures.
  const source = (i: number): Source => [{ seedFile: seeds[i % seeds.length] }, { random: 100 + i }, { varied: 100 + i }][i % 3];
  for (const f of seeds) add([], { seedFile: f });
  add([], { random: 1 });
  add([], { varied: 1 });
  HABITS.filter((h) => h.id !== 'libreoffice').forEach((h, i) => {
    add([h.id], { seedFile: seeds[i % seeds.length] });
    add([h.id], { varied: 100 + i });
  });
  Object.entries(PROFILES).forEach(([name, habits], i) => {
    add(habits, { seedFile: seeds[i % seeds.length] }, name);
    add(habits, { varied: 200 + i }, name);
  });
  for (const t of TRAPS) add(t.habits, t.source);
  combinations(seeded(11), options.combinations ?? 40).forEach((habits, i) => add(habits, source(300 + i)));
  if (options.libreoffice) LIBREOFFICE_CASES.forEach((habits, i) => add(habits, source(400 + i)));
  for (const c of cases) for (const h of c.habits) if (!HABIT_INDEX.has(h)) throw new Error(`unknown habit ${h}`);
  return cases;
}
