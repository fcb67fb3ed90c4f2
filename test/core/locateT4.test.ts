/** 表四 located by its labels in the layouts clerks really use, on plain grids (no file format involved). */
import { T4_GROUPS, T4_OUTCOMES } from '../../src/spec';
import { cellsOfRows, locateByLabels, makeSheet, toA1, type Grid, type MergedArea } from '../../src/core';

const OUT = T4_OUTCOMES.map((o) => o.label);

function grid(rows: unknown[][], merges: MergedArea[] = []): Grid {
  return { sheets: [makeSheet('表四', false, cellsOfRows(rows), merges)] };
}

/** Where each t4 key was found, as A1. */
function t4Cells(g: Grid): Record<string, string> {
  const located = locateByLabels(g);
  const out: Record<string, string> = {};
  for (const gr of T4_GROUPS) for (const o of T4_OUTCOMES) {
    const ref = located.cells.get(`t4.${gr.key}.${o.key}`);
    if (ref) out[`${gr.key}.${o.key}`] = toA1(ref.row, ref.col);
  }
  return out;
}

/** The expected addresses when the 15 figures stand on one row from column `col0`. */
function oneRow(row: number, col0: number): Record<string, string> {
  const out: Record<string, string> = {};
  T4_GROUPS.forEach((g, gi) => T4_OUTCOMES.forEach((o, oi) => (out[`${g.key}.${o.key}`] = toA1(row, col0 + gi * 5 + oi))));
  return out;
}

const DATA = Array.from({ length: 15 }, (_, i) => i);

describe('表四 by its labels', () => {
  test('the format\'s header: 行政复议 outcomes merged down two rows, the 行政诉讼 groups a row lower', () => {
    const rows = [
      ['四、政府信息公开行政复议、行政诉讼情况'],
      ['行政复议', '', '', '', '', '行政诉讼'],
      [...OUT, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
      ['', '', '', '', '', ...OUT, ...OUT],
      DATA,
    ];
    const merges = [0, 1, 2, 3, 4].map((c) => ({ top: 2, left: c, bottom: 3, right: c }));
    expect(t4Cells(grid(rows, merges))).toEqual(oneRow(4, 0));
    // The same copied without its merges, and with every label repeated across its former merge.
    expect(t4Cells(grid(rows))).toEqual(oneRow(4, 0));
    const repeated = [
      rows[0],
      [...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')],
      [...OUT, ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')],
      [...OUT, ...OUT, ...OUT],
      DATA,
    ];
    expect(t4Cells(grid(repeated))).toEqual(oneRow(4, 0));
  });

  test('our older header (行政复议 over two rows, all outcomes on the third) and a table starting anywhere', () => {
    const pad = (r: unknown[]): unknown[] => ['', '', ...r];
    const rows = [[], [], pad(['行政复议', '', '', '', '', '行政诉讼']), pad(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉']), pad([...OUT, ...OUT, ...OUT]), pad(DATA)];
    expect(t4Cells(grid(rows))).toEqual(oneRow(5, 2));
  });

  test('three small tables, one under another, each under its group label', () => {
    const rows = [
      ['行政复议'], OUT, DATA.slice(0, 5), [],
      ['行政诉讼（未经复议直接起诉）'], OUT, DATA.slice(5, 10), [],
      ['行政诉讼（复议后起诉）'], OUT, DATA.slice(10, 15),
    ];
    const want: Record<string, string> = {};
    T4_GROUPS.forEach((g, gi) => T4_OUTCOMES.forEach((o, oi) => (want[`${g.key}.${o.key}`] = toA1(2 + gi * 4, oi))));
    expect(t4Cells(grid(rows))).toEqual(want);
  });

  test('one row per group under one header, 合计 for 总计', () => {
    const rows = [
      ['类别', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '合计'],
      ['行政复议', '', 0, 1, 2, 3, 6],
      ['行政诉讼', '未经复议直接起诉', 0, 0, 0, 0, 0],
      ['', '复议后起诉', 1, 0, 0, 0, 1],
    ];
    const want: Record<string, string> = {};
    T4_GROUPS.forEach((g, gi) => T4_OUTCOMES.forEach((o, oi) => (want[`${g.key}.${o.key}`] = toA1(1 + gi, 2 + oi))));
    expect(t4Cells(grid(rows))).toEqual(want);
  });

  test('a missing group is named, its cells not guessed', () => {
    const rows = [['行政复议', '', '', '', '', '未经复议直接起诉'], [...OUT, ...OUT], DATA.slice(0, 10)];
    const located = locateByLabels(grid(rows));
    expect(located.findings.map((f) => f.target)).toContain('t4.litigation_after');
    expect(located.cells.has('t4.litigation_after.total')).toBe(false);
    expect(located.notLocated.has('t4.litigation_after.total')).toBe(true);
    expect(toA1(located.cells.get('t4.litigation_direct.total')!.row, located.cells.get('t4.litigation_direct.total')!.col)).toBe('J3');
  });

  test('unlabelled runs take the format\'s order only when there are exactly three', () => {
    expect(t4Cells(grid([[...OUT, ...OUT, ...OUT], DATA]))).toEqual(oneRow(1, 0));
    const two = locateByLabels(grid([[...OUT, ...OUT], DATA.slice(0, 10)]));
    expect(two.cells.size).toBe(0);
    expect(two.findings.filter((f) => f.target.startsWith('t4.')).length).toBe(3);
  });
});
