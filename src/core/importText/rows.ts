/**
 * Rows of a table region: find each row's label in order, give it the numbers found from its label up to the next
 * row's label, and turn those into cells — or into findings when they cannot be read as the row's cells.
 */
import { readValue } from '../readValue';
import type { ValueKind } from '../../spec';
import type { RowPattern } from './labels';
import { splitFused, type RowArithmetic } from './split';
import type { Stream } from './text';

export interface FoundRow {
  pattern: RowPattern;
  /** Where the row's label starts in the compact text. */
  start: number;
  /** Where the matched anchor ends. */
  end: number;
}

/** First match of any of the anchors at or after `from`; the earliest wins. */
export function findAnchor(compact: string, anchors: readonly RegExp[], from: number, to = compact.length): { index: number; text: string } | null {
  let best: { index: number; text: string } | null = null;
  const window = compact.slice(from, to);
  for (const re of anchors) {
    const m = re.exec(window);
    if (m && (best === null || m.index + from < best.index)) best = { index: m.index + from, text: m[0] };
  }
  return best;
}

/** Walk back from the anchor along the official label, so a label wrapped around its numbers starts where it starts. */
function labelStart(compact: string, pattern: RowPattern, at: { index: number; text: string }, bound: number): number {
  const inLabel = pattern.label.indexOf(at.text);
  if (inLabel <= 0) return at.index;
  let j = inLabel - 1;
  let k = at.index - 1;
  while (j >= 0 && k >= bound && compact[k] === pattern.label[j]) {
    j -= 1;
    k -= 1;
  }
  return k + 1;
}

/** Find the rows in order; a row not found is null and the search goes on from the same place. */
export function findRows(compact: string, patterns: readonly RowPattern[], from = 0, to = compact.length): (FoundRow | null)[] {
  let cursor = from;
  return patterns.map((pattern) => {
    const at = findAnchor(compact, pattern.anchors, cursor, to);
    if (!at) return null;
    const start = labelStart(compact, pattern, at, cursor);
    cursor = at.index + at.text.length;
    return { pattern, start, end: cursor };
  });
}

/**
 * The numbers of each found row: those after its label start and up to the next found row's label start
 * (numbers follow their labels; a wrapped label may hold them in its middle).
 */
export function numbersOfRows(stream: Stream, rows: readonly (FoundRow | null)[], to = Number.POSITIVE_INFINITY): Map<FoundRow, string[]> {
  const found = rows.filter((r): r is FoundRow => r !== null);
  const out = new Map<FoundRow, string[]>();
  found.forEach((row, i) => {
    const upper = i + 1 < found.length ? found[i + 1].start : to;
    out.set(
      row,
      stream.numbers.filter((n) => n.pos > row.start && n.pos <= upper).map((n) => n.raw),
    );
  });
  return out;
}

export type CellsOutcome =
  | { kind: 'read'; cells: string[] }
  | { kind: 'inferred'; cells: string[]; found: string; usedArithmetic: boolean; droppedItem?: string }
  | { kind: 'unreadable'; reason: string };

/**
 * The row's `count` cells from its tokens: as found when the count matches, else a cut of fused digits that is the
 * only one the arithmetic allows. `nextItem` is the next row's item number, which may be fused on the end.
 */
export function cellsOf(tokens: readonly string[], count: number, arithmetic?: RowArithmetic, nextItem?: string): CellsOutcome {
  if (tokens.length === count) return { kind: 'read', cells: [...tokens] };
  if (tokens.length === 0) return { kind: 'unreadable', reason: '找到了这一行，但没有读到数字' };
  if (tokens.length > count) {
    return { kind: 'unreadable', reason: `读到 ${tokens.length} 个数（${tokens.join(' ')}），应为 ${count} 个，无法判断各数所在的列` };
  }
  const found = tokens.join(' ');
  const first = splitFused(tokens, count, arithmetic);
  if (first.kind === 'unique') return { kind: 'inferred', cells: first.values, found, usedArithmetic: first.usedArithmetic };
  const last = tokens[tokens.length - 1];
  if (nextItem && first.kind === 'none' && /^\d+$/.test(last) && last.length > 1 && last.endsWith(nextItem)) {
    const trimmed = [...tokens.slice(0, -1), last.slice(0, -nextItem.length)];
    const second = splitFused(trimmed, count, arithmetic);
    if (second.kind === 'unique') {
      return { kind: 'inferred', cells: second.values, found, usedArithmetic: second.usedArithmetic, droppedItem: nextItem };
    }
  }
  if (first.kind === 'ambiguous') {
    const options = first.examples.map((e) => e.join('、')).join('”或“');
    return { kind: 'unreadable', reason: `数字连在一起（${found}），可以拆成“${options}”等多种读法，无法确定` };
  }
  if (first.kind === 'too-many') return { kind: 'unreadable', reason: `数字连在一起（${found}），拆分方式太多，无法确定` };
  return {
    kind: 'unreadable',
    reason: `只读到 ${tokens.length} 个数（${found}），应为 ${count} 个${arithmetic ? '，也无法按行合计拆分' : ''}`,
  };
}

/** A cell's value for report data: the number, or the raw text found (placeholders and bad values survive). */
export function cellValue(raw: string, kind: ValueKind): number | string {
  const v = readValue(raw, kind);
  return v.state === 'number' ? v.value : raw;
}
