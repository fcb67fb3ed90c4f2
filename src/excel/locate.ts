/**
 * Finding the tables of a workbook the clerk built or retyped by hand: search the used ranges for the official labels
 * of tables 二, 三, 四 and the 基本信息 fields. Pure: grids in, cell positions and Chinese problems out.
 */
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../spec';
import { toA1 } from '../core';
import type { CellAt } from './workbook';

export interface SheetGridValues {
  name: string;
  /** Used range values and where that range starts (0-based). */
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export interface LabelLocation {
  cells: Map<string, CellAt>;
  problems: string[];
  /** Whether anything of tables 二, 三, 四 was found. */
  foundAny: boolean;
}

interface TextCell {
  sheet: SheetGridValues;
  row: number;
  col: number;
  norm: string;
}

/** NFKC, no spaces, `1、` and `1．` as `1.`, straight quotes for curly ones. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^(\d+)[、.．]/, '$1.')
    .replace(/[“”]/g, '"');
}

function textCells(grids: readonly SheetGridValues[]): TextCell[] {
  const out: TextCell[] = [];
  for (const sheet of grids) {
    sheet.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== 'string' || v.trim() === '') return;
        out.push({ sheet, row: sheet.rowIndex + i, col: sheet.columnIndex + j, norm: normaliseLabel(v) });
      }),
    );
  }
  return out;
}

const at = (sheet: SheetGridValues, row: number, col: number): CellAt => ({ sheet: sheet.name, a1: toA1(row, col) });

export function locateByLabels(grids: readonly SheetGridValues[]): LabelLocation {
  const texts = textCells(grids);
  const cells = new Map<string, CellAt>();
  const problems: string[] = [];
  const found = { t2: locateT2(texts, cells, problems), t3: locateT3(texts, cells, problems), t4: locateT4(texts, cells, problems) };
  locateMeta(texts, cells);
  return { cells, problems, foundAny: found.t2 || found.t3 || found.t4 };
}

function locateT3(texts: TextCell[], cells: Map<string, CellAt>, problems: string[]): boolean {
  const anchor = texts.find((t) => t.norm === '商业企业');
  if (!anchor) {
    problems.push('没有找到表三（收到和处理政府信息公开申请情况）：找不到“商业企业”等表头');
    return false;
  }
  const inTable = texts.filter((t) => t.sheet === anchor.sheet);
  const columns = new Map<string, number>();
  for (const c of T3_COLUMNS) {
    const head = inTable.find((t) => t.norm === normaliseLabel(c.label) && t.row >= anchor.row - 2 && t.row <= anchor.row && t.col >= anchor.col - 1);
    if (head) columns.set(c.key, head.col);
    else problems.push(`表三找不到“${c.label}”这一列`);
  }
  const below = inTable.filter((t) => t.row > anchor.row).sort((a, b) => a.row - b.row || a.col - b.col);
  let from = anchor.row;
  for (const r of T3_ROWS) {
    const label = normaliseLabel(r.label);
    // Rows follow each other: search after the previous row found, so that 3.其他 is the one in （六）.
    const hit = below.find((t) => t.row > from && t.col < anchor.col && (t.norm === label || t.norm.endsWith(label)));
    if (!hit) {
      problems.push(`表三找不到“${r.label}”这一行`);
      continue;
    }
    from = hit.row;
    for (const [col, c] of columns) cells.set(t3Key(r.key, col), at(anchor.sheet, hit.row, c));
  }
  return true;
}

function locateT4(texts: TextCell[], cells: Map<string, CellAt>, problems: string[]): boolean {
  const first = normaliseLabel(T4_OUTCOMES[0].label);
  const byRow = new Map<string, TextCell[]>();
  for (const t of texts) {
    const k = `${t.sheet.name}\u0000${t.row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), t]);
  }
  for (const row of byRow.values()) {
    const heads = row.filter((t) => T4_OUTCOMES.some((o) => normaliseLabel(o.label) === t.norm)).sort((a, b) => a.col - b.col);
    if (heads.filter((t) => t.norm === first).length < T4_GROUPS.length) continue;
    if (heads.length < T4_GROUPS.length * T4_OUTCOMES.length) {
      problems.push(`表四的表头不完整：应有 ${T4_GROUPS.length * T4_OUTCOMES.length} 列，只找到 ${heads.length} 列`);
      return true;
    }
    T4_GROUPS.forEach((g, gi) =>
      T4_OUTCOMES.forEach((o, oi) => {
        const head = heads[gi * T4_OUTCOMES.length + oi];
        if (head.norm !== normaliseLabel(o.label)) problems.push(`表四“${g.label}”下的第 ${oi + 1} 列应为“${o.label}”`);
        else cells.set(t4Key(g.key, o.key), at(head.sheet, head.row + 1, head.col));
      }),
    );
    return true;
  }
  problems.push('没有找到表四（政府信息公开行政复议、行政诉讼情况）：找不到“结果维持”“结果纠正”等表头');
  return false;
}

function locateT2(texts: TextCell[], cells: Map<string, CellAt>, problems: string[]): boolean {
  const head = texts.find((t) => t.norm === '本年制发件数');
  const rowOf = (labels: string[]): TextCell | undefined => texts.find((t) => labels.includes(t.norm));
  const figures: [string, string[]][] = [
    ['t2.licensing', ['行政许可']],
    ['t2.punishment', ['行政处罚']],
    ['t2.enforcement', ['行政强制']],
    ['t2.fees', ['行政事业性收费']],
  ];
  if (!head && !figures.some(([, l]) => rowOf(l))) {
    problems.push('没有找到表二（主动公开政府信息情况）：找不到“本年制发件数”“行政许可”等文字');
    return false;
  }
  if (head) {
    const sameRow = texts.filter((t) => t.sheet === head.sheet && t.row === head.row);
    const cols: [string, string][] = [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['in_force', '现行有效件数'],
    ];
    for (const [row, labels] of [
      ['regulations', ['规章']],
      ['normative', ['行政规范性文件', '规范性文件']],
    ] as const) {
      const label = texts.find((t) => t.sheet === head.sheet && t.row > head.row && (labels as readonly string[]).includes(t.norm));
      if (!label) {
        problems.push(`表二找不到“${labels[0]}”这一行`);
        continue;
      }
      for (const [field, text] of cols) {
        const c = sameRow.find((t) => t.norm === text);
        if (c) cells.set(`t2.${row}.${field}`, at(head.sheet, label.row, c.col));
        else problems.push(`表二找不到“${text}”这一列`);
      }
    }
  } else problems.push('表二找不到“本年制发件数”等表头');
  for (const [key, labels] of figures) {
    const label = rowOf(labels);
    if (label) cells.set(key, at(label.sheet, label.row, label.col + 1));
    else problems.push(`表二找不到“${labels[0]}”这一行`);
  }
  return true;
}

function locateMeta(texts: TextCell[], cells: Map<string, CellAt>): void {
  for (const [key, label] of [
    ['meta.body', '机关名称'],
    ['meta.year', '报告年度'],
    ['meta.level', '机关层级'],
    ['meta.kind', '报告类型'],
    ['meta.template_version', '模板版本'],
  ] as const) {
    const hit = texts.find((t) => t.norm === label);
    if (hit) cells.set(key, at(hit.sheet, hit.row, hit.col + 1));
  }
}
