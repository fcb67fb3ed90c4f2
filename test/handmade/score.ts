/**
 * Scoring the reader against the ground truth. Each workbook is read as `nianbao check` reads it (the registered
 * xlsx reader → readWorkbookFile → checkRead, unlocated cells' VALUE-* findings dropped: src/cli/checkOne.ts). Per cell:
 * read right; named unreadable in a finding (STRUCTURE, FORMAT-VERSION, VALUE-COUNT/AMOUNT naming it); or silently
 * wrong. Per workbook: no false finding (every finding is one the truth expects).
 */
import { KEY_INDEX } from '../../src/spec';
import { readValue, type Finding, type RawValue } from '../../src/core';
import '../../src/cli/readers';
import { checkOne } from '../../src/cli/checkOne';
import { HABITS } from './layout';
import { findingKey, type Expected, type Truth } from './truth';
import { caseName, type Case } from './corpus';

export type Verdict = 'read' | 'named' | 'wrong';

/** Findings that say a cell could not be read: they name it by its key, or by the table/row/column it is in. */
const NAMING_RULES = new Set(['STRUCTURE', 'FORMAT-VERSION', 'VALUE-COUNT', 'VALUE-AMOUNT']);

function covers(target: string, key: string): boolean {
  if (target === key || key.startsWith(`${target}.`)) return true;
  const column = /^t3\.\*\.(\w+)$/.exec(target);
  return Boolean(column && key.startsWith('t3.') && key.split('.')[2] === column[1]);
}

export function namesCell(findings: readonly Finding[], key: string): boolean {
  return findings.some((f) => NAMING_RULES.has(f.rule) && (f.cells.includes(key) || (f.cells.length === 0 && covers(f.target, key))));
}

/** One cell: the value the reader gave (undefined: none) against what a correct reader gives. */
export function verdict(key: string, expected: Expected, raw: RawValue | undefined, findings: readonly Finding[]): Verdict {
  const kind = KEY_INDEX.get(key)?.kind ?? 'count';
  const read = raw === undefined ? undefined : readValue(raw, kind);
  const named = namesCell(findings, key);
  switch (expected.kind) {
    case 'number':
      if (read?.state === 'number' && Math.abs(read.value - expected.value) < 1e-9) return 'read';
      break;
    case 'blank':
      if (read?.state === 'blank') return 'read';
      break;
    case 'absent':
      if (read?.state !== 'number') return 'read';
      break;
    case 'named':
      break;
  }
  return named ? 'named' : 'wrong';
}

export interface WorkbookScore {
  name: string;
  habits: string[];
  cells: number;
  /** Cells that have a correct reading (all but those only a finding can name, as in a 2019 表二). */
  readable: number;
  read: number;
  named: number;
  wrong: number;
  /** Keys silently wrong, with what was expected and found. */
  wrongCells: string[];
  /** Findings the truth does not expect, as `RULE:target`. */
  falseFindings: string[];
  /** Expected findings the reader did not give. */
  missedFindings: string[];
  /** Unit and year read as the workbook states them; null where it does not state them. */
  bodyRead: boolean | null;
  yearRead: boolean | null;
  /** Time to read and check, ms. */
  ms: number;
}

function shown(raw: RawValue | undefined): string {
  if (raw === undefined) return '(none)';
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}

/** Read and check one workbook file, and score it against its truth. */
export async function scoreWorkbook(file: string, truth: Truth, c: Case): Promise<WorkbookScore> {
  const started = process.hrtime.bigint();
  const checked = await checkOne(file, '/');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const score: WorkbookScore = {
    name: caseName(c),
    habits: c.habits,
    cells: truth.cells.size,
    readable: [...truth.cells.values()].filter((e) => e.kind !== 'named').length,
    read: 0,
    named: 0,
    wrong: 0,
    wrongCells: [],
    falseFindings: [],
    missedFindings: [],
    bodyRead: truth.meta.body === null ? null : checked.result.body === truth.meta.body,
    yearRead: truth.meta.year === null ? null : checked.result.year === truth.meta.year,
    ms,
  };
  if (checked.result.status === 'unreadable') {
    // The whole file is named unreadable: nothing silent, but a false finding.
    score.named = truth.cells.size;
    score.falseFindings.push(`UNREADABLE:${checked.result.error ?? ''}`);
    return score;
  }
  const values = checked.report?.values ?? {};
  for (const [key, expected] of truth.cells) {
    const raw = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
    const v = verdict(key, expected, raw, checked.findings);
    score[v] += 1;
    if (v === 'wrong') score.wrongCells.push(`${key} at ${truth.where.get(key) ?? '?'}: expected ${JSON.stringify(expected)}, read ${shown(raw)}`);
  }
  const given = new Set(checked.findings.map(findingKey));
  // A workbook that names no unit anywhere is reported as such (the file name stands in): a true finding.
  const expected = new Set(truth.findings);
  if (truth.meta.body === null) expected.add('STRUCTURE:meta.body');
  score.falseFindings = [...given].filter((f) => !expected.has(f)).sort();
  score.missedFindings = [...expected].filter((f) => !given.has(f)).sort();
  return score;
}

// ------------------------------------------------------------------------------------------------------------------
// Totals and the per-habit table

export interface Totals {
  workbooks: number;
  clean: number;
  cells: number;
  readable: number;
  read: number;
  named: number;
  wrong: number;
  /** Workbooks stating their unit and year, and those where it was read right (issue 11 item 3; not scored yet). */
  stated: number;
  bodies: number;
  years: number;
}

export function totals(scores: readonly WorkbookScore[]): Totals {
  const t: Totals = { workbooks: 0, clean: 0, cells: 0, readable: 0, read: 0, named: 0, wrong: 0, stated: 0, bodies: 0, years: 0 };
  for (const s of scores) {
    t.workbooks += 1;
    if (!s.falseFindings.length) t.clean += 1;
    t.cells += s.cells;
    t.readable += s.readable;
    t.read += s.read;
    t.named += s.named;
    t.wrong += s.wrong;
    if (s.bodyRead !== null) t.stated += 1;
    if (s.bodyRead) t.bodies += 1;
    if (s.yearRead) t.years += 1;
  }
  return t;
}

export interface Rates {
  /** (a) Cells read right or named unreadable in a finding. */
  cells: number;
  /** (b) Workbooks with no false finding. */
  workbooks: number;
  /** Cells read right, of those that have a correct reading: the cells not lost. */
  read: number;
}

export function rates(t: Totals): Rates {
  return {
    cells: t.cells ? (t.read + t.named) / t.cells : 1,
    workbooks: t.workbooks ? t.clean / t.workbooks : 1,
    read: t.readable ? t.read / t.readable : 1,
  };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(n === d || n === 0 ? 0 : 2)}%` : '-');

export function summaryLine(label: string, t: Totals): string {
  return (
    `${label}: ${t.workbooks} workbooks, ${t.cells} cells — read right ${t.read} of ${t.readable} readable (${pct(t.read, t.readable)}), named unreadable ${t.named}, ` +
    `(a) read or named ${pct(t.read + t.named, t.cells)}; (b) no false finding ${t.clean}/${t.workbooks} (${pct(t.clean, t.workbooks)}); ` +
    `(c) silently wrong ${t.wrong}; of ${t.stated} workbooks that state unit and year, unit read in ${t.bodies}, year in ${t.years}`
  );
}

function count<T>(items: readonly T[]): [T, number][] {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

/**
 * One row per habit: the workbooks with that habit alone, and all workbooks that include it. The last column lists
 * the false findings the habit brings on its own (those its workbooks show and the baseline's do not), most frequent
 * first: where to look.
 */
export function habitTable(scores: readonly WorkbookScore[]): string {
  const base = scores.filter((s) => !s.habits.length);
  const baselineFalse = new Set(base.flatMap((s) => s.falseFindings));
  const rows: string[][] = [['habit', 'alone: clean', 'read', 'wrong', 'with others: wb', 'clean', 'read', 'named', 'wrong', 'false findings it brings alone (×workbooks)']];
  const line = (id: string, alone: WorkbookScore[], all: WorkbookScore[], own: boolean): void => {
    const a = totals(alone);
    const t = totals(all);
    const brought = count(alone.flatMap((s) => s.falseFindings.filter((f) => own || !baselineFalse.has(f))));
    rows.push([
      id,
      `${a.clean}/${a.workbooks}`,
      pct(a.read, a.readable),
      String(a.wrong),
      String(t.workbooks),
      `${t.clean}/${t.workbooks}`,
      pct(t.read, t.readable),
      String(t.named),
      String(t.wrong),
      brought
        .slice(0, 4)
        .map(([f, n]) => `${f.length > 60 ? `${f.slice(0, 57)}…` : f} ×${n}`)
        .join('; ') || '-',
    ]);
  };
  line('baseline', base, base, true);
  for (const h of HABITS) {
    const all = scores.filter((s) => s.habits.includes(h.id));
    if (all.length) line(h.id, all.filter((s) => s.habits.length === 1), all, false);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}
