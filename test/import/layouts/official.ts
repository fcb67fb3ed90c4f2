/**
 * The three tables drawn as the national format draws them (国办公开办函〔2021〕30号), as grids of cells with their
 * spans: table 二 in its four bands, table 三 with 申请人情况 over the seven columns and its merged row labels, table 四
 * with 行政复议 over five columns on the first header row, its five outcome labels merged down over rows two and
 * three, 未经复议直接起诉 and 复议后起诉 on row two. Or table 四 as three small tables of five columns, as some units
 * print it. Written here from the format, independently of the template writer and of spec/layout.ts.
 */
import { T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../../src/spec';

export interface GridCell {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  text: string;
  /** Where a value goes: its key. */
  key?: string;
}

export interface Grid {
  cells: GridCell[];
  rows: number;
  cols: number;
}

export type T4Style = 'official' | 'split';

/** A value as printed: the draft's cell text. */
export type Printed = (key: string) => string;

export function t2Grid(v: Printed): Grid {
  const cells: GridCell[] = [];
  let r = 0;
  const band = (text: string): void => {
    cells.push({ row: r, col: 0, colSpan: 4, text });
    r += 1;
  };
  band('第二十条第（一）项');
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].forEach((text, col) => cells.push({ row: r, col, text }));
  r += 1;
  for (const [k, label] of [
    ['regulations', '规章'],
    ['normative', '行政规范性文件'],
  ] as const) {
    cells.push({ row: r, col: 0, text: label });
    ['issued', 'repealed', 'in_force'].forEach((f, i) => cells.push({ row: r, col: 1 + i, text: v(`t2.${k}.${f}`), key: `t2.${k}.${f}` }));
    r += 1;
  }
  const decisions = (bandText: string, head: string, items: [string, string][]): void => {
    band(bandText);
    cells.push({ row: r, col: 0, text: '信息内容' }, { row: r, col: 1, colSpan: 3, text: head });
    r += 1;
    for (const [key, label] of items) {
      cells.push({ row: r, col: 0, text: label }, { row: r, col: 1, colSpan: 3, text: v(key), key });
      r += 1;
    }
  };
  decisions('第二十条第（五）项', '本年处理决定数量', [['t2.licensing', '行政许可']]);
  decisions('第二十条第（六）项', '本年处理决定数量', [
    ['t2.punishment', '行政处罚'],
    ['t2.enforcement', '行政强制'],
  ]);
  decisions('第二十条第（八）项', '本年收费金额（单位：万元）', [['t2.fees', '行政事业性收费']]);
  return { cells, rows: r, cols: 4 };
}

export function t3Grid(v: Printed): Grid {
  const cells: GridCell[] = [
    { row: 0, col: 0, rowSpan: 3, colSpan: 3, text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' },
    { row: 0, col: 3, colSpan: 7, text: '申请人情况' },
    { row: 1, col: 3, rowSpan: 2, text: '自然人' },
    { row: 1, col: 4, colSpan: 5, text: '法人或其他组织' },
    { row: 1, col: 9, rowSpan: 2, text: '总计' },
  ];
  T3_COLUMNS.slice(1, 6).forEach((c, i) => cells.push({ row: 2, col: 4 + i, text: c.label }));
  const first = 3;
  const rowOf = (key: string): number => first + T3_ROWS.findIndex((row) => row.key === key);
  cells.push({ row: rowOf('granted'), col: 0, rowSpan: rowOf('handled_total') - rowOf('granted') + 1, text: '三、本年度办理结果' });
  for (const [group, text] of Object.entries(T3_GROUPS)) {
    const rows = T3_ROWS.filter((row) => row.group === group).map((row) => rowOf(row.key));
    cells.push({ row: Math.min(...rows), col: 1, rowSpan: rows.length, text });
  }
  for (const row of T3_ROWS) {
    const r = rowOf(row.key);
    if (row.key === 'new' || row.key === 'carried_in' || row.key === 'carried_out') cells.push({ row: r, col: 0, colSpan: 3, text: row.label });
    else if (!row.group) cells.push({ row: r, col: 1, colSpan: 2, text: row.label });
    else cells.push({ row: r, col: 2, text: row.label });
    T3_COLUMNS.forEach((c, i) => cells.push({ row: r, col: 3 + i, text: v(t3Key(row.key, c.key)), key: t3Key(row.key, c.key) }));
  }
  return { cells, rows: first + T3_ROWS.length, cols: 10 };
}

/** Table 四 as the format draws it, or as three small tables (one per group) with the group above. */
export function t4Grids(v: Printed, style: T4Style): Grid[] {
  if (style === 'split') {
    return T4_GROUPS.map((g) => {
      const cells: GridCell[] = [{ row: 0, col: 0, colSpan: 5, text: g.key === 'reconsideration' ? g.label : `行政诉讼（${g.label}）` }];
      T4_OUTCOMES.forEach((o, i) => {
        cells.push({ row: 1, col: i, text: o.label });
        cells.push({ row: 2, col: i, text: v(t4Key(g.key, o.key)), key: t4Key(g.key, o.key) });
      });
      return { cells, rows: 3, cols: 5 };
    });
  }
  const cells: GridCell[] = [
    { row: 0, col: 0, colSpan: 5, text: '行政复议' },
    { row: 0, col: 5, colSpan: 10, text: '行政诉讼' },
    { row: 1, col: 5, colSpan: 5, text: '未经复议直接起诉' },
    { row: 1, col: 10, colSpan: 5, text: '复议后起诉' },
  ];
  T4_OUTCOMES.forEach((o, i) => cells.push({ row: 1, col: i, rowSpan: 2, text: o.label }));
  T4_GROUPS.slice(1).forEach((_g, gi) => T4_OUTCOMES.forEach((o, i) => cells.push({ row: 2, col: 5 + gi * 5 + i, text: o.label })));
  T4_GROUPS.forEach((g, gi) => T4_OUTCOMES.forEach((o, i) => cells.push({ row: 3, col: gi * 5 + i, text: v(t4Key(g.key, o.key)), key: t4Key(g.key, o.key) })));
  return [{ cells, rows: 4, cols: 15 }];
}

/** Cells starting in each row, in column order. */
export function rowsOf(grid: Grid): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: grid.rows }, () => []);
  for (const c of grid.cells) rows[c.row].push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}
