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
  /**
   * The row is made of groups of this many cells, each ending with the total of the others. Lets the search run
   * from the right, each total bounding the parts before it; it finds exactly the cuts `accept` allows.
   */
  groupSize?: number;
}

const MAX_STEPS = 200_000;
const MAX_CELL_DIGITS = 9;

/**
 * Cut `tokens` into `count` cells. Tokens that are not plain digit runs (decimals, placeholders) stay whole.
 * With `arithmetic`, only rows it accepts count; without, the cut must be unique by digit rules alone.
 */
export function splitFused(tokens: readonly string[], count: number, arithmetic?: RowArithmetic): SplitOutcome {
  if (arithmetic?.groupSize && count % arithmetic.groupSize === 0) return splitByTotals(tokens, count, arithmetic.groupSize);
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

/**
 * The cuts in which every group of `size` cells ends with the sum of the others, searched from the right: a group's
 * total first, then its parts, whose running sum may not pass the total. No leading zeros; tokens that are not
 * digit runs are whole cells (a placeholder counts 0).
 */
function splitByTotals(tokens: readonly string[], count: number, size: number): SplitOutcome {
  const solutions: string[][] = [];
  const cells: string[] = [];
  let steps = 0;
  let aborted = false;
  const digits = tokens.map((t) => /^\d+$/.test(t));
  // Cells the tokens before index i (exclusive) can make at most and at least.
  const most: number[] = [0];
  tokens.forEach((t, i) => most.push(most[i] + (digits[i] ? t.length : 1)));

  const rec = (ti: number, end: number, k: number, total: number, sum: number): void => {
    if (aborted || solutions.length > 2) return;
    steps += 1;
    if (steps > MAX_STEPS) {
      aborted = true;
      return;
    }
    if (k === count) {
      if (ti < 0) solutions.push([...cells].reverse());
      return;
    }
    if (ti < 0) return;
    const left = count - k;
    const available = most[ti] + (digits[ti] ? end : 1);
    if (left > available || left < ti + 1) return;
    const isTotal = k % size === 0;
    const closes = (k + 1) % size === 0;
    const next = (v: number, start: number, cell: string): void => {
      const nextTotal = isTotal ? v : total;
      const nextSum = isTotal ? 0 : sum + v;
      if (closes && nextSum !== nextTotal) return;
      cells.push(cell);
      if (start > 0) rec(ti, start, k + 1, nextTotal, nextSum);
      else rec(ti - 1, ti > 0 ? tokens[ti - 1].length : 0, k + 1, nextTotal, nextSum);
      cells.pop();
    };
    const token = tokens[ti];
    if (!digits[ti]) {
      const v = Number(token);
      if (!isTotal && sum + (Number.isFinite(v) ? v : 0) > total) return;
      next(Number.isFinite(v) ? v : 0, 0, token);
      return;
    }
    for (let len = 1; len <= Math.min(MAX_CELL_DIGITS, end); len += 1) {
      const start = end - len;
      const cell = token.slice(start, end);
      if (len > 1 && cell[0] === '0') continue;
      const v = Number(cell);
      // Longer cuts only grow: past the total, stop.
      if (!isTotal && sum + v > total) break;
      next(v, start, cell);
      if (aborted || solutions.length > 2) return;
    }
  };

  rec(tokens.length - 1, tokens.length ? tokens[tokens.length - 1].length : 0, 0, 0, 0);
  if (aborted) return { kind: 'too-many' };
  if (solutions.length === 0) return { kind: 'none' };
  if (solutions.length > 1) return { kind: 'ambiguous', examples: solutions.slice(0, 2) };
  return { kind: 'unique', values: solutions[0], usedArithmetic: true };
}

/** Table 三: six applicant columns and their total. */
export const T3_ROW_SUM: RowArithmetic = {
  groupSize: 7,
  accept(values, complete) {
    if (!complete) return true;
    if (values.length !== 7) return false;
    const sum = values.slice(0, 6).reduce((a, b) => a + b, 0);
    return sum === values[6];
  },
};

/** Table 四: three groups of upheld, corrected, other, pending and their total; checked group by group. */
export const T4_GROUP_SUMS: RowArithmetic = {
  groupSize: 5,
  accept(values, complete) {
    for (let g = 0; g + 5 <= values.length; g += 5) {
      const [a, b, c, d, total] = values.slice(g, g + 5);
      if (a + b + c + d !== total) return false;
    }
    return !complete || values.length === 15;
  },
};
