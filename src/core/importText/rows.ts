/**
 * Rows of a table region: find each row's label in order, give it the numbers found from its label up to the next
 * row's label, and turn those into cells — or into findings when they cannot be read as the row's cells.
 */
import { readValue } from '../readValue';
import type { ValueKind } from '../../spec';
import { placeByCells, placeByHeadings, placeByLayout, type ColumnModel, type HeadingModel } from './columns';
import type { RowPattern } from './labels';
import { splitFused, type RowArithmetic } from './split';
import type { NumberToken, Stream } from './tokens';

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
export function numbersOfRows(stream: Stream, rows: readonly (FoundRow | null)[], to = Number.POSITIVE_INFINITY): Map<FoundRow, NumberToken[]> {
  const found = rows.filter((r): r is FoundRow => r !== null);
  const out = new Map<FoundRow, NumberToken[]>();
  found.forEach((row) => out.set(row, []));
  // One pass: numbers and rows are both in compact order.
  let k = 0;
  const numbers = stream.numbers;
  found.forEach((row, i) => {
    const upper = i + 1 < found.length ? found[i + 1].start : to;
    while (k < numbers.length && numbers[k].pos <= row.start) k += 1;
    const list = out.get(row) as NumberToken[];
    while (k < numbers.length && numbers[k].pos <= upper) {
      list.push(numbers[k]);
      k += 1;
    }
  });
  pairLooseLabels(found, out);
  lineBeforeLabel(found, out);
  return out;
}

/**
 * An empty-cell line that comes after one of the row's values and then words other than its label is not the row's
 * cell: a browser copies a spacer paragraph (`<p>&nbsp;</p>`, common on government sites) as a line holding
 * only a no-break space, just as it copies an empty cell, and one between a row and the next heading ("第二十条
 * 第（八）项") would otherwise join the row above. Cells of a table (TAB-separated, HTML) are not touched.
 */
export function withoutSpacers(stream: Stream, row: FoundRow, tokens: NumberToken[]): NumberToken[] {
  const label = new Set(row.pattern.label);
  // Only after a value: before it, words may still be the label's own continuation ("（区分处理的，只计这一情形…）").
  let from: number | null = null;
  return tokens.filter((t) => {
    const spacer = t.raw === '' && !t.cell && from !== null && [...stream.compact.slice(from, t.pos)].some((ch) => !label.has(ch));
    if (t.raw !== '') from = t.pos;
    return !spacer;
  });
}

/**
 * In a PDF's text a row's numbers may print on the line above its label, when a taller cell beside it centres the
 * row (4.保护第三方合法权益 under a merged （三）不予公开): the row above then holds two lines of numbers and the row
 * below none. Each line goes to its own row.
 */
function lineBeforeLabel(found: readonly FoundRow[], numbers: Map<FoundRow, NumberToken[]>): void {
  for (let i = 0; i + 1 < found.length; i += 1) {
    const tokens = numbers.get(found[i]) ?? [];
    const next = numbers.get(found[i + 1]) ?? [];
    if (next.length > 0 || tokens.length < 2 || tokens.some((t) => t.cell)) continue;
    const lines = [...new Set(tokens.map((t) => t.line))];
    if (lines.length !== 2) continue;
    numbers.set(found[i], tokens.filter((t) => t.line === lines[0]));
    numbers.set(found[i + 1], tokens.filter((t) => t.line === lines[1]));
  }
}

const rowOf = (t: NumberToken): string => `${t.cell?.table}:${t.cell?.row}`;

/**
 * Labels written as loose lines above a table of their numbers (a converter's output): a run of k labels with no
 * numbers, the last of them followed by exactly k table rows of values. The rows go to the labels in order.
 */
function pairLooseLabels(found: readonly FoundRow[], numbers: Map<FoundRow, NumberToken[]>): void {
  let run: FoundRow[] = [];
  for (const row of found) {
    const tokens = numbers.get(row) ?? [];
    if (tokens.length === 0) {
      run.push(row);
      continue;
    }
    if (run.length > 0 && tokens.every((t) => t.cell)) {
      const groups: NumberToken[][] = [];
      for (const t of tokens) {
        const last = groups[groups.length - 1];
        if (last && rowOf(last[0]) === rowOf(t)) last.push(t);
        else groups.push([t]);
      }
      const labels = [...run, row];
      if (groups.length === labels.length && new Set(groups.map((g) => rowOf(g[0]))).size === groups.length) {
        labels.forEach((label, i) => numbers.set(label, groups[i]));
      }
    }
    run = [];
  }
}

/**
 * Words between a row's numbers that are not its label's: the text's reading order has mixed cells of other rows
 * or of the header in (plain pdftotext does), so which number belongs to which cell is not known. A label wrapped
 * around its numbers ("（二）部分公开（…只计这一情 447 7 0 … 形，不计其他情形）") is not mixed.
 */
export function interleaved(stream: Stream, row: FoundRow, tokens: readonly NumberToken[]): string | null {
  const loose = tokens.filter((t) => !t.cell);
  if (loose.length < 2) return null;
  const between = stream.compact.slice(loose[0].pos, loose[loose.length - 1].pos);
  if (between.length <= 2) return null;
  const label = new Set(row.pattern.label);
  const foreign = [...between].filter((ch) => !label.has(ch)).length;
  return foreign * 2 > between.length ? between : null;
}

/**
 * A number a PDF broke over two lines, because its cell was too narrow ("1644" over "0" for 16440): values of one
 * row spread over lines of unequal counts in layout text, or in reading-order text a number of three digits or more
 * continued on the very next line. Which digits belong together is not known.
 */
export function brokenNumber(tokens: readonly NumberToken[]): string | null {
  const loose = tokens.filter((t) => !t.cell && t.raw !== '');
  const perLine = new Map<number, number>();
  for (const t of loose) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  const counts = [...perLine.values()];
  if (counts.length > 1 && Math.max(...counts) >= 2 && Math.min(...counts) < Math.max(...counts)) return loose.map((t) => t.raw).join(' ');
  for (let i = 0; i + 1 < loose.length; i += 1) {
    const [a, b] = [loose[i], loose[i + 1]];
    const alone = perLine.get(a.line) === 1 && perLine.get(b.line) === 1;
    if (alone && b.line === a.line + 1 && /^\d{3,}$/.test(a.raw) && /^\d+$/.test(b.raw)) return `${a.raw}⏎${b.raw}`;
  }
  return null;
}

/**
 * Some but not all of a row's values on a line of their own, with no label on it, in layout text: pieces of numbers
 * a PDF broke over lines around the next row's label look just like that ("1080 … 1620" over "（七）总计"), so the
 * line is not placed by its columns.
 */
export function detachedLine(stream: Stream, tokens: readonly NumberToken[], count: number): boolean {
  const loose = tokens.filter((t) => !t.cell && t.raw !== '');
  if (loose.length === 0 || loose.length >= count || loose.length !== tokens.length) return false;
  const line = loose[0].line;
  if (loose.some((t) => t.line !== line || t.page !== loose[0].page) || !loose.some((t) => t.spaced)) return false;
  return !stream.words.some((w) => w.line === line && /[\u4e00-\u9fff]{2}/.test(w.text));
}

/**
 * Lines of layout text that hold pieces of numbers a PDF broke over lines: values on a line with no label, fewer than
 * a row has, and in the same column on the next line, which has a label, or the other way round; or a value on a line with no label,
 * another under it two lines down in the same column, and between them a line of values none of which is in that
 * column (the row whose number was broken: "1210 … 1715" / "8.属于行政查询事项 2018 3027" / "8 … 3").
 */
export function brokenLines(stream: Stream, tokens: readonly NumberToken[], count: number): Set<number> {
  // Layout text only: lines holding cells (TABs) are not a PDF's columns.
  const celled = new Set(tokens.filter((t) => t.cell).map((t) => t.line));
  const loose = tokens.filter((t) => !t.cell && t.raw !== '' && !celled.has(t.line));
  const byLine = new Map<number, NumberToken[]>();
  for (const t of loose) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const labelled = new Set(stream.words.filter((w) => /[\u4e00-\u9fff]{2}/.test(w.text)).map((w) => w.line));
  const overlaps = (a: NumberToken, b: NumberToken): boolean => a.x0 < b.x1 && b.x0 < a.x1;
  const out = new Set<number>();
  for (const [line, above] of byLine) {
    // Two halves on adjacent lines, one of them with no label and short of a row's values: "1210 … 1210" over
    // "4.无正当理由大量反复申请 8 … 8". (A full row of values under a wrapped label is a row, not halves.)
    const next = byLine.get(line + 1);
    const short = (l: number, list: readonly NumberToken[]): boolean => !labelled.has(l) && list.length < count;
    const halves = next && labelled.has(line) !== labelled.has(line + 1) && (short(line, above) || short(line + 1, next));
    if (halves && above.some((a) => next.some((b) => overlaps(a, b)))) {
      out.add(line);
      out.add(line + 1);
    }
    const middle = byLine.get(line + 1);
    const below = byLine.get(line + 2);
    if (!middle || !below || labelled.has(line) || labelled.has(line + 2)) continue;
    const broken = above.some((a) => below.some((b) => overlaps(a, b)) && !middle.some((m) => overlaps(a, m)));
    if (broken) [line, line + 1, line + 2].forEach((l) => out.add(l));
  }
  return out;
}

export type CellsOutcome =
  | { kind: 'read'; cells: string[] }
  | { kind: 'inferred'; cells: string[]; found: string; usedArithmetic: boolean; droppedItem?: string }
  | { kind: 'unreadable'; reason: string };

/** What the structure of a PDF's text says about columns: where its values line up, where its headings stand. */
export interface ColumnHints {
  layout?: ColumnModel;
  headings?: HeadingModel;
}

/**
 * The row's `count` cells from its tokens. From cells: placed by the cells. From running text: as found when the
 * count matches; placed by the layout's columns when some are empty; else a cut of fused digits that is the only
 * one the arithmetic allows. `nextItem` is the next row's item number, which may be fused on the end.
 */
export function cellsOf(
  tokens: readonly NumberToken[],
  count: number,
  arithmetic?: RowArithmetic,
  nextItem?: string,
  hints: ColumnHints = {},
): CellsOutcome {
  if (tokens.length === 0) return { kind: 'unreadable', reason: '找到了这一行，但没有读到数字' };
  if (tokens.every((t) => t.cell)) {
    const placed = placeByCells(tokens, count);
    return placed.kind === 'placed' ? { kind: 'read', cells: placed.cells } : { kind: 'unreadable', reason: placed.reason };
  }
  // Values from cells and from running text mixed (a cell holding several values): the empty cells cannot be
  // placed, the values are read in order.
  const mixed = tokens.some((t) => t.cell);
  const blanks = tokens.filter((t) => t.raw === '').length;
  if (!mixed && blanks > 0) {
    // Cells on lines of their own, empty ones kept (a copied page whose cells are paragraphs): as found when they
    // are `count`; empty lines that are the page's spacing (after the cells, or when the others are `count`) dropped;
    // otherwise not placeable.
    const filled = tokens.filter((t) => t.raw !== '');
    if (tokens.length === count) return { kind: 'read', cells: tokens.map((t) => t.raw) };
    // An empty paragraph after the table (Word leaves one) follows the last row's cells.
    if (tokens.length > count && tokens.slice(count).every((t) => t.raw === '')) return { kind: 'read', cells: tokens.slice(0, count).map((t) => t.raw) };
    if (filled.length === count) return { kind: 'read', cells: filled.map((t) => t.raw) };
    return {
      kind: 'unreadable',
      reason: `读到 ${tokens.length} 格（${tokens.map((t) => t.raw || '空白').join(' ')}，其中 ${blanks} 格空白），应为 ${count} 格，无法判断各数所在的列`,
    };
  }
  const values = mixed ? tokens.filter((t) => t.raw !== '') : tokens;
  if (values.length === 0) return { kind: 'unreadable', reason: '找到了这一行，但没有读到数字' };
  const raws = values.map((t) => t.raw);
  if (raws.length === count) return { kind: 'read', cells: raws };
  if (raws.length > count) {
    return { kind: 'unreadable', reason: `读到 ${raws.length} 个数（${raws.join(' ')}），应为 ${count} 个，无法判断各数所在的列` };
  }
  const found = raws.join(' ');
  if (!mixed) {
    const placed = (hints.layout && placeByLayout(tokens, count, hints.layout)) || (hints.headings && placeByHeadings(tokens, count, hints.headings));
    if (placed && placed.kind === 'placed') return { kind: 'read', cells: placed.cells };
  }
  // Numbers set apart by runs of spaces are whole cells: some cells are empty, and where is not known.
  if (mixed || (tokens.some((t) => t.spaced) && !tokens.some((t) => t.glued))) {
    return { kind: 'unreadable', reason: `只读到 ${raws.length} 个数（${found}），应为 ${count} 个，无法判断空白格所在的列` };
  }
  const first = splitFused(raws, count, arithmetic);
  if (first.kind === 'unique') return { kind: 'inferred', cells: first.values, found, usedArithmetic: first.usedArithmetic };
  const last = raws[raws.length - 1];
  if (nextItem && first.kind === 'none' && /^\d+$/.test(last) && last.length > 1 && last.endsWith(nextItem)) {
    const trimmed = [...raws.slice(0, -1), last.slice(0, -nextItem.length)];
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
    reason: `只读到 ${raws.length} 个数（${found}），应为 ${count} 个${arithmetic ? '，也无法按行合计拆分' : ''}`,
  };
}

/** A cell's value for report data: the number, or the raw text found (placeholders and bad values survive). */
export function cellValue(raw: string, kind: ValueKind): number | string {
  const v = readValue(raw, kind);
  return v.state === 'number' ? v.value : raw;
}

/**
 * A row's numbers without spacer paragraphs: empty-cell lines after a value and then other words (withoutSpacers),
 * and empty-cell lines past the row's last cell — a spacer before the next heading, right after the row's values.
 * An empty cell a browser copied is a line of its own for every cell, so a row copied whole never has more.
 */
export function rowTokens(stream: Stream, row: FoundRow, tokens: readonly NumberToken[], count: number): NumberToken[] {
  const kept = withoutSpacers(stream, row, [...tokens]);
  while (kept.length > count && kept[kept.length - 1].raw === '' && !kept[kept.length - 1].cell) kept.pop();
  return kept;
}
