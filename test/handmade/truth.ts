/**
 * The ground truth of a generated workbook: for every canonical key, what a correct reader must produce, and which
 * findings are genuinely expected — so that a false finding can be told from a true one.
 */
import { checkReport, type RawValue } from '../../src/core';

export type Expected =
  /** The number the cell shows (a typed number, a number typed as text, or a formula's cached result). */
  | { kind: 'number'; value: number }
  /** Blank, or a placeholder (/ — - 无): read as blank, and VALUE-EMPTY is expected. */
  | { kind: 'blank'; placeholder: string | null }
  /** No correct reading exists (a 2019 table): the reader must name the cell in a finding, never give it a number. */
  | { kind: 'named'; because: string }
  /** The layout has no such cell (the three 2021 （六） rows in a 2019 table): no value, blank, or named. */
  | { kind: 'absent' };

export interface Truth {
  /** The unit and year as the workbook states them (title, 填报单位 line, cover); null where it does not. */
  meta: { body: string | null; year: number | null };
  /** Every table key (and t3.other_combined.* for a 2019 table 三). */
  cells: Map<string, Expected>;
  /** Where each key's cell is, `Sheet!A1`, for diagnostics. */
  where: Map<string, string>;
  /** Findings a correct reader must give, as `RULE:target`. */
  findings: Set<string>;
}

export const findingKey = (f: { rule: string; target: string }): string => `${f.rule}:${f.target}`;

/** What the engine says about the true values, plus what the layout itself calls for (a 2019 表二). */
export function expectedFindings(cells: ReadonlyMap<string, Expected>, declared: readonly string[]): Set<string> {
  const values: Record<string, RawValue> = {};
  for (const [key, e] of cells) {
    if (e.kind === 'number') values[key] = e.value;
    else if (e.kind === 'blank') values[key] = e.placeholder;
    // Not a number: the rules that need it are not evaluated; its own VALUE-* finding is dropped below.
    else if (e.kind === 'named') values[key] = `（${e.because}）`;
  }
  const named = (key: string): boolean => cells.get(key)?.kind === 'named';
  const out = new Set(declared);
  for (const f of checkReport({ meta: {}, values })) {
    if (f.rule.startsWith('VALUE-') && f.cells.every(named)) continue;
    out.add(findingKey(f));
  }
  return out;
}
