/**
 * Splitting fused digits ("801000081" for 80,1,0,0,0,0,81) into the cells of a row. Every way of cutting the digit
 * runs into exactly the expected count of numbers (no leading zeros) is tried; the row's arithmetic (a total equal to
 * the sum of its parts) keeps only the consistent ones. The caller reports the result as inferred, or as unreadable
 * when no cut or more than one cut fits.
 */

/** Whole cells: each part either one given token kept as is, or a cut of a digit-only token. */
export type SplitOutcome =
  | { kind: 'unique'; values: string[]; usedArithmetic: boolean }
  | { kind: 'none' }
  | { kind: 'ambiguous'; examples: string[][] }
  | { kind: 'too-many' };

/** Checks a complete candidate row; may also reject a prefix early (return false) to prune. */
export interface RowArithmetic {
  /** Called with the numbers so far; return false to abandon this branch. `complete` when all are present. */
  accept(values: readonly number[], complete: boolean): boolean;
}

const MAX_STEPS = 200_000;
const MAX_CELL_DIGITS = 9;

/**
 * Cut `tokens` into `count` cells. Tokens that are not plain digit runs (decimals, placeholders) stay whole.
 * With `arithmetic`, only rows it accepts count; without, the cut must be unique by digit rules alone.
 */
export function splitFused(tokens: readonly string[], count: number, arithmetic?: RowArithmetic): SplitOutcome {
  const solutions: string[][] = [];
  let steps = 0;
  let aborted = false;
  const parts: string[] = [];
  const numbers: number[] = [];

  const minCells = (from: number): number => tokens.length - from;
  const maxCells = (from: number): number =>
    tokens.slice(from).reduce((acc, t) => acc + (/^\d+$/.test(t) ? t.length : 1), 0);

  const place = (ti: number): void => {
    if (aborted || solutions.length > 2) return;
    steps += 1;
    if (steps > MAX_STEPS) {
      aborted = true;
      return;
    }
    if (ti === tokens.length) {
      if (parts.length !== count) return;
      if (arithmetic && !arithmetic.accept(numbers, true)) return;
      solutions.push([...parts]);
      return;
    }
    const remaining = count - parts.length;
    if (remaining < minCells(ti) || remaining > maxCells(ti)) return;
    const token = tokens[ti];
    if (!/^\d+$/.test(token)) {
      parts.push(token);
      numbers.push(Number.isFinite(Number(token)) ? Number(token) : 0);
      if (!arithmetic || arithmetic.accept(numbers, false)) place(ti + 1);
      parts.pop();
      numbers.pop();
      return;
    }
    cut(ti, token, 0);
  };

  /** Cut the rest of token `ti` starting at `at` into cells, then continue with the next token. */
  const cut = (ti: number, token: string, at: number): void => {
    if (aborted) return;
    if (at === token.length) {
      place(ti + 1);
      return;
    }
    const maxLen = token[at] === '0' ? 1 : Math.min(MAX_CELL_DIGITS, token.length - at);
    for (let len = 1; len <= maxLen; len += 1) {
      if (parts.length >= count) return;
      const cell = token.slice(at, at + len);
      parts.push(cell);
      numbers.push(Number(cell));
      if (!arithmetic || arithmetic.accept(numbers, false)) cut(ti, token, at + len);
      parts.pop();
      numbers.pop();
      if (aborted || solutions.length > 2) return;
    }
  };

  place(0);
  if (aborted) return { kind: 'too-many' };
  if (solutions.length === 0) return { kind: 'none' };
  if (solutions.length > 1) return { kind: 'ambiguous', examples: solutions.slice(0, 2) };
  return { kind: 'unique', values: solutions[0], usedArithmetic: Boolean(arithmetic) };
}

/** Table 三: six applicant columns and their total. */
export const T3_ROW_SUM: RowArithmetic = {
  accept(values, complete) {
    if (!complete) return true;
    if (values.length !== 7) return false;
    const sum = values.slice(0, 6).reduce((a, b) => a + b, 0);
    return sum === values[6];
  },
};

/** Table 四: three groups of upheld, corrected, other, pending and their total; checked group by group. */
export const T4_GROUP_SUMS: RowArithmetic = {
  accept(values, complete) {
    for (let g = 0; g + 5 <= values.length; g += 5) {
      const [a, b, c, d, total] = values.slice(g, g + 5);
      if (a + b + c + d !== total) return false;
    }
    return !complete || values.length === 15;
  },
};
