/**
 * The three tables read from their regions into canonical keys. What cannot be read becomes a finding naming the
 * row; digits split by inference are kept and reported as inferred.
 */
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../spec';
import type { Finding } from '../findings';
import { NOT_LOCATED } from '../grid/readGrid';
import type { RawValue } from '../report';
import { formatVersion, inferred, structure } from './findingsOf';
import { T2_PATTERNS, T2_TRIAL_MARKS, T2_TRIAL_ROWS, T3_OTHER_COMBINED, T3_PATTERNS, type RowPattern } from './labels';
import { headingColumns, layoutColumns, placeByCells, type HeadingModel } from './columns';
import { brokenLines, brokenNumber, cellValue, cellsOf, detachedLine, findAnchor, findRows, interleaved, numbersOfRows, rowTokens, type CellsOutcome, type FoundRow } from './rows';
import { T3_ROW_SUM, T4_GROUP_SUMS } from './split';
import type { NumberToken, Stream } from './tokens';

export interface TableResult {
  /** Figures read; NOT_LOCATED for the cells of a row that could not be read (their rules are not evaluated). */
  values: Record<string, RawValue>;
  findings: Finding[];
  /** '2019' when the table is in the trial layout. */
  trial: boolean;
}

function empty(): TableResult {
  return { values: {}, findings: [], trial: false };
}

/** Store an outcome's cells under `keys`, or report it. */
function store(
  out: TableResult,
  outcome: CellsOutcome,
  keys: readonly string[],
  target: string,
  rowName: string,
  kind: (key: string) => 'count' | 'amount',
): void {
  if (outcome.kind === 'unreadable') {
    out.findings.push(structure(target, `${rowName}无法读取：${outcome.reason}。请对照原文填写`, [...keys]));
    // Not read is not 0: the sums that need these cells are not checked (as for a workbook's cell that is not found).
    for (const key of keys) out.values[key] = NOT_LOCATED;
    return;
  }
  outcome.cells.forEach((raw, i) => {
    if (keys[i]) out.values[keys[i]] = cellValue(raw, kind(keys[i]));
  });
  if (outcome.kind === 'inferred') {
    const how = outcome.usedArithmetic ? '按行合计推断拆分' : '按数字位数推断拆分';
    const item = outcome.droppedItem ? `（末尾的“${outcome.droppedItem}”是下一行的序号）` : '';
    out.findings.push(
      inferred(target, `${rowName}的数字连在一起（${outcome.found}）${item}，已${how}为 ${outcome.cells.join('、')}，请对照原文核实`, [...keys], outcome.found),
    );
  }
}

const countKind = (): 'count' => 'count';

/** Column headings as PDF text prints them, whole or in pieces: of table 二's first band, of table 三's columns. */
const T2_HEADINGS = /^(?:本年制发件数|本年废止件数|现行有效件数)$/;
const T3_HEADINGS = /^[自然人商业企科研机构社会公益组织法律服务其他总计]{1,6}$/;
const T4_HEADINGS = /^[结果维持纠正其他尚未审总计]{1,4}$/;

/** A row whose numbers have other words between them, or may hold a number broken over lines, cannot be read. */
function mixedIn(stream: Stream, row: FoundRow, tokens: readonly NumberToken[], count: number, brokenAt: Set<number>): CellsOutcome | null {
  const pieces = tokens.filter((t) => !t.cell && brokenAt.has(t.line));
  if (pieces.length > 0) {
    return { kind: 'unreadable', reason: `这一行的数与上下行的数交错（${tokens.map((t) => t.raw || '空白').join(' ')}），其中有折成两行的数，无法确定各数` };
  }
  const broken = brokenNumber(tokens);
  if (broken !== null) return { kind: 'unreadable', reason: `这一行的数分在几行（${broken}），其中可能有折成两行的数，无法确定各数` };
  if (detachedLine(stream, tokens, count)) {
    return { kind: 'unreadable', reason: `这一行只读到 ${tokens.length} 个数（${tokens.map((t) => t.raw).join(' ')}），单独成行，可能是上下行折行的数，无法确定` };
  }
  const between = interleaved(stream, row, tokens);
  if (between === null) return null;
  const shown = between.replace(/□+/g, '…').slice(0, 30);
  return { kind: 'unreadable', reason: `这一行的数之间夹有其他文字（${shown}），各数所在的列无法确定` };
}

/** One row's reading, before it is stored. */
interface RowReading {
  tokens: readonly NumberToken[];
  count: number;
  outcome: CellsOutcome;
  keys: readonly string[];
  target: string;
  name: string;
}

/**
 * Text in reading order with one value to a line (plain pdftotext): an empty cell leaves no line, and the reading
 * order may put a row's values after another row's label, so when any row got other than its count of values, any
 * other row may hold its neighbours' values in the right count by chance. Then no row of the table is read.
 */
function inReadingOrder(rows: RowReading[]): RowReading[] {
  const loose = rows.flatMap((r) => r.tokens.filter((t) => !t.cell && t.raw !== ''));
  const perLine = new Map<number, number>();
  for (const t of loose) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  // A value alone at the start of its line, as plain pdftotext prints each cell.
  const alone = loose.filter((t) => t.x0 === 0 && perLine.get(t.line) === 1).length;
  // Empty cells on lines of their own (a browser's copy of a page whose cells are paragraphs) show where blanks are.
  const blanksShown = rows.some((r) => r.tokens.some((t) => !t.cell && t.raw === ''));
  const oneToALine = loose.length > 0 && alone >= 0.8 * loose.length && !blanksShown;
  const irregular = rows.filter((r) => r.tokens.length !== r.count || r.outcome.kind !== 'read');
  if (!oneToALine || irregular.length === 0) return rows;
  const names = irregular.slice(0, 3).map((r) => r.name.replace(/行$/, '')).join('、');
  return rows.map((r) =>
    r.outcome.kind === 'unreadable'
      ? r
      : {
          ...r,
          outcome: {
            kind: 'unreadable',
            reason: `文本每行一个数，而${names}${irregular.length > 3 ? '等' : ''}读到的数与栏数不符（可能有空白格，或数的顺序已错开），这一行读到的数（${r.tokens.map((t) => t.raw || '空白').join(' ')}）无法确定各属哪一格`,
          },
        },
  );
}

// ---- Table 二 ----

export function readT2(stream: Stream): TableResult {
  const out = empty();
  if (T2_TRIAL_MARKS.some((re) => re.test(stream.compact))) return readT2Trial(stream, out);
  const rows = findRows(stream.compact, T2_PATTERNS);
  const numbers = numbersOfRows(stream, rows);
  // Columns of a PDF's layout: the rows of three numbers (规章, 行政规范性文件) line up under their headings.
  const triples = rows.filter((r, i): r is FoundRow => r !== null && T2_PATTERNS[i].keys.length === 3);
  const layout = layoutColumns(triples.map((r) => numbers.get(r) ?? []), 3);
  const headings = headingColumns(stream.words, triples.flatMap((r) => numbers.get(r) ?? []), T2_HEADINGS, 3);
  const broken = brokenLines(stream, stream.numbers, 3);
  const read: RowReading[] = [];
  rows.forEach((row, i) => {
    const pattern = T2_PATTERNS[i];
    if (!row) {
      out.findings.push(structure(`t2.${pattern.key}`, `表二中找不到“${pattern.label}”一行`, [...pattern.keys]));
      return;
    }
    const count = pattern.keys.length;
    const tokens = rowTokens(stream, row, numbers.get(row) ?? [], count);
    const outcome = mixedIn(stream, row, tokens, count, broken) ?? cellsOf(tokens, count, undefined, undefined, { layout, headings });
    read.push({ tokens, count, outcome, keys: pattern.keys, target: `t2.${pattern.key}`, name: `表二「${pattern.label}」行` });
  });
  for (const r of inReadingOrder(read)) store(out, r.outcome, r.keys, r.target, r.name, (k) => (k === 't2.fees' ? 'amount' : 'count'));
  return out;
}

/** The 2019 trial layout: named as such; only 处理决定数量 of 许可, 处罚, 强制 are read (same meaning as in 2021). */
function readT2Trial(stream: Stream, out: TableResult): TableResult {
  out.trial = true;
  out.findings.push(formatVersion('t2', '表二（主动公开政府信息情况）', 't2-trial'));
  const rows = findRows(stream.compact, T2_TRIAL_ROWS);
  const numbers = numbersOfRows(stream, rows);
  rows.forEach((row, i) => {
    const pattern = T2_TRIAL_ROWS[i];
    if (pattern.keys.length === 0) return;
    const name = `表二（2019 年试行格式）「${pattern.label}」行`;
    if (!row) {
      out.findings.push(structure(`t2.${pattern.key}`, `表二（2019 年试行格式）中找不到“${pattern.label}”一行`, [...pattern.keys]));
      return;
    }
    const outcome = cellsOf(numbers.get(row) ?? [], pattern.of);
    if (outcome.kind === 'unreadable') {
      store(out, outcome, pattern.keys, `t2.${pattern.key}`, name, countKind);
      return;
    }
    const picked: CellsOutcome = { ...outcome, cells: [outcome.cells[pattern.column]] };
    store(out, picked, pattern.keys, `t2.${pattern.key}`, name, countKind);
  });
  return out;
}

// ---- Table 三 ----

const T3_SHORT = new Map(T3_ROWS.map((r) => [r.key, r.short]));
const T3_COLUMN_KEYS = T3_COLUMNS.map((c) => c.key);
const OTHER_KEYS = new Set(['other_no_correction', 'other_no_fee', 'other_other']);

export function readT3(stream: Stream): TableResult {
  const out = empty();
  const { compact } = stream;
  const head = T3_PATTERNS.filter((p) => !OTHER_KEYS.has(p.key) && p.key !== 'handled_total' && p.key !== 'carried_out');
  const headRows = findRows(compact, head);
  const lastHead = [...headRows].reverse().find((r): r is FoundRow => r !== null);
  const cursor = lastHead?.end ?? 0;
  // （六）其他处理: three 2021 rows, or the single 2019 row when none of the three is there.
  const totalAt = findAnchor(compact, T3_PATTERNS.find((p) => p.key === 'handled_total')?.anchors ?? [], cursor);
  const otherPatterns = T3_PATTERNS.filter((p) => OTHER_KEYS.has(p.key));
  // Any of the three 2021 rows anywhere in the table rules the 2019 single row out, even when they are out of order.
  const has2021Other = otherPatterns.some((p) => findAnchor(compact, p.anchors, 0));
  const combinedAt = has2021Other ? null : findAnchor(compact, T3_OTHER_COMBINED.anchors, cursor, totalAt?.index ?? compact.length);
  out.trial = combinedAt !== null;
  const middle: readonly RowPattern[] = combinedAt ? [T3_OTHER_COMBINED] : otherPatterns;
  const tail = T3_PATTERNS.filter((p) => p.key === 'handled_total' || p.key === 'carried_out');
  const patterns = [...head, ...middle, ...tail];
  const rows = [...headRows, ...findRows(compact, [...middle, ...tail], cursor)];
  const numbers = numbersOfRows(stream, rows);
  const layout = layoutColumns([...numbers.values()], 7);
  const headings = headingColumns(stream.words, [...numbers.values()].flat(), T3_HEADINGS, 7);
  const broken = brokenLines(stream, stream.numbers, 7);

  const read: RowReading[] = [];
  rows.forEach((row, i) => {
    const pattern = patterns[i];
    const keys = T3_COLUMN_KEYS.map((c) => t3Key(pattern.key, c));
    const short = T3_SHORT.get(pattern.key) ?? '其他处理（合并一行）';
    const name = `表三「${short}」行`;
    if (!row) {
      out.findings.push(structure(`t3.${pattern.key}`, `表三中找不到“${pattern.label}”一行`, keys));
      return;
    }
    const next = rows.slice(i + 1).find((r): r is FoundRow => r !== null);
    const nextItem = next ? /^(\d)\./.exec(next.pattern.label)?.[1] : undefined;
    const nextHasItem = next ? compact.slice(next.start, next.start + 2) === `${nextItem}.` : true;
    const tokens = rowTokens(stream, row, numbers.get(row) ?? [], 7);
    const outcome = mixedIn(stream, row, tokens, 7, broken) ?? cellsOf(tokens, 7, T3_ROW_SUM, nextHasItem ? undefined : nextItem, { layout, headings });
    read.push({ tokens, count: 7, outcome, keys, target: `t3.${pattern.key}`, name });
  });
  for (const r of inReadingOrder(read)) store(out, r.outcome, r.keys, r.target, r.name, countKind);
  return out;
}

// ---- Table 四 ----

const T4_KEYS = T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o) => t4Key(g.key, o.key)));

/** Words of table 四's column headings, whole or split across lines as PDF text splits them. */
const T4_HEADING = /^(?:行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果|维持|纠正|其他|尚未|审结|总计|结|果|审|计|总|未|尚|维|持|纠|正|其|他|[（(]?\s*(?:未经复议直接起诉|复议后起诉)\s*[）)]?)+$/;

/**
 * The line where table 四 starts: the first line of running text that holds only its column headings. Figures of
 * the prose above it ("行政复议 8 件") are not the table's.
 */
function t4Start(stream: Stream): number {
  const lines = new Map<number, string[]>();
  for (const w of stream.words) lines.set(w.line, [...(lines.get(w.line) ?? []), w.text]);
  const withNumbers = new Set(stream.numbers.map((n) => n.line));
  for (const [line, words] of [...lines].sort((a, b) => a[0] - b[0])) {
    if (!withNumbers.has(line) && words.every((w) => T4_HEADING.test(w))) return line;
  }
  return 0;
}

export function readT4(stream: Stream, bounded: boolean): TableResult {
  const out = empty();
  const start = t4Start(stream);
  const table = stream.numbers.filter((n) => !n.counted && (n.cell || n.line >= start));
  // From cells when every value is in a cell of its own; else as running text (a cell holding several values).
  const fromCells = table.length > 0 && table.every((n) => n.cell);
  const outcome = fromCells ? t4FromCells(table) : t4FromText(table, bounded, headingColumns(stream.words, table, T4_HEADINGS, 15));
  store(out, outcome, T4_KEYS, 't4', '表四（行政复议、行政诉讼）', countKind);
  return out;
}

/**
 * Table 四 from cells: its rows of values in order — one row of 15, three tables or rows of 5 — each placed by its
 * cells: a grid's columns, or the fields along a copied row (whose empty cells at the start a browser drops).
 * Padding fields are dropped only when the values are then exactly 15.
 */
function t4FromCells(tokens: readonly NumberToken[]): CellsOutcome {
  const groups: NumberToken[][] = [];
  for (const t of tokens) {
    const last = groups[groups.length - 1];
    if (last && last[0].cell?.table === t.cell?.table && last[0].cell?.row === t.cell?.row) last.push(t);
    else groups.push([t]);
  }
  // One copied row of values only, of five fields or fewer, may be one of three small tables whose other rows, all
  // empty, left no line: which group it is cannot be told.
  const lone = groups.length === 1 && groups[0][0].cell?.lead && !groups[0][0].cell.grid && groups[0].length <= 5;
  const share = lone ? 0 : groups.length === 1 ? 15 : groups.length === 3 ? 5 : 0;
  const placed = share ? groups.map((g) => placeByCells(g, share)) : [];
  if (placed.length > 0 && placed.every((p) => p.kind === 'placed')) {
    return { kind: 'read', cells: placed.flatMap((p) => (p.kind === 'placed' ? p.cells : [])) };
  }
  const all = tokens.map((t) => t.raw);
  if (all.length === 15) return { kind: 'read', cells: all };
  const filled = all.filter((r) => r !== '');
  if (all.length > 15 && filled.length === 15) return { kind: 'read', cells: filled };
  const blanks = all.length - filled.length;
  return {
    kind: 'unreadable',
    reason: `表格中读到 ${all.length} 格（${all.map((r) => r || '空白').join(' ')}${blanks ? `，其中 ${blanks} 格空白` : ''}），应为 15 格，无法判断各数所在的列`,
  };
}

/**
 * Table 四 copied from a page whose cells are paragraphs: runs of cells between heading words (one run of 15, or
 * three of 5 under their captions), the empty paragraphs between tables dropped — a run of fewer empty lines than
 * a group has cells, or empty lines after a run's cells.
 */
function t4FromLines(tokens: readonly NumberToken[]): string[] | null {
  const runs: NumberToken[][] = [];
  for (const t of tokens) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].pos === t.pos) last.push(t);
    else runs.push([t]);
  }
  // Fewer empty lines than a group has cells are spacing; five or more are a group left blank.
  const kept = runs.filter((r) => r.length >= 5 || r.some((t) => t.raw !== ''));
  const size = kept.length === 1 ? 15 : kept.length === 3 ? 5 : 0;
  if (!size || kept.some((r) => r.length < size || r.slice(size).some((t) => t.raw !== ''))) return null;
  return kept.flatMap((r) => r.slice(0, size).map((t) => t.raw));
}

function t4FromText(all: readonly NumberToken[], bounded: boolean, headings: HeadingModel): CellsOutcome {
  // Empty cells from cells mixed with running text cannot be placed; those on lines of their own (EMPTY_CELL) can.
  const tokens = all.some((t) => t.cell) ? all.filter((t) => t.raw !== '') : all;
  const broken = brokenNumber(tokens.filter((t) => !t.cell));
  if (broken !== null && !tokens.some((t) => t.raw === '')) {
    return { kind: 'unreadable', reason: `表中的数分在几行（${broken}），其中可能有折成两行的数，无法确定各数` };
  }
  if (tokens.some((t) => t.raw === '')) {
    const cells = t4FromLines(tokens);
    if (cells) return { kind: 'read', cells };
  }
  if (tokens.filter((t) => t.raw !== '').length > 15 || (!bounded && tokens.length !== 15)) {
    const why = bounded ? '' : '（表四之后没有找到“五、存在的主要问题及改进情况”，表格的范围无法确定）';
    return {
      kind: 'unreadable',
      reason: tokens.length === 0 ? `没有读到数字${why}` : `读到 ${tokens.length} 个数，应为 15 个${why}`,
    };
  }
  return cellsOf(tokens, 15, T4_GROUP_SUMS, undefined, { headings });
}
