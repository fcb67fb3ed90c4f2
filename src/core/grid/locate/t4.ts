/**
 * 表四 by its labels. The outcome heads (结果维持 … 总计) stand in runs of columns; each run is one group's columns
 * (the format's header: 行政复议's five outcomes merged down two rows, beside the 未经复议直接起诉 and 复议后起诉 runs one
 * row lower; unmerged copies; three small tables), or, when the groups are rows, one run heads a data row per group
 * labelled on its left. A run's group is the nearest group label above it; unlabelled runs take the format's order
 * only when there are exactly three of them.
 */
import { T4_GROUPS, T4_OUTCOMES } from '../../../spec';
import type { Grid, GridSheet, TextCell } from '../grid';
import { coreLabel } from '../labelMatch';
import { structureFinding, type Located } from './common';

/** One run of outcome heads on a row: outcome key → column. */
interface Run {
  sheet: GridSheet;
  row: number;
  cols: Map<string, number>;
  first: number;
  last: number;
}

const OUTCOME_LABELS = new Map<string, string>([
  ...T4_OUTCOMES.map((o) => [coreLabel(o.label), o.key] as [string, string]),
  ['合计', 'total'],
  ['小计', 'total'],
  ['共计', 'total'],
  ['维持', 'upheld'],
  ['纠正', 'corrected'],
  ['其他', 'other'],
  ['未审结', 'pending'],
]);

function outcomeOf(t: TextCell): string | undefined {
  return OUTCOME_LABELS.get(t.core);
}

/** A group label: short (not a title that mentions 行政复议), naming one of the three groups. */
export function groupOf(text: string): string | undefined {
  const s = coreLabel(text).replace(/[()[\]（）【】:：、-]/g, '');
  if (s.length > 14) return undefined;
  if (/直接起诉|未经复议/.test(s)) return 'litigation_direct';
  if (/复议后|经复议/.test(s)) return 'litigation_after';
  if (/^行政复议/.test(s) && !/诉讼/.test(s)) return 'reconsideration';
  return undefined;
}

const ORDER = new Map<string, number>(T4_OUTCOMES.map((o, i) => [o.key, i]));

/**
 * Runs of outcome heads, row by row. A run follows the format's order (结果维持 … 总计): it ends where an outcome comes
 * again or out of order (表三's 总计 beside 表四's 结果维持 starts no run of 表四), or where the columns stop being close.
 */
function findRuns(grid: Grid): Run[] {
  const runs: Run[] = [];
  for (const sheet of grid.sheets) {
    for (const [row, cells] of sheet.rows) {
      let run: Run | null = null;
      let lastOrder = -1;
      for (const t of cells) {
        const o = outcomeOf(t);
        if (!o) continue;
        const order = ORDER.get(o) ?? 0;
        if (!run || order <= lastOrder || t.col - run.last > 2) {
          if (run) runs.push(run);
          run = { sheet, row, cols: new Map(), first: t.col, last: t.col };
        }
        run.cols.set(o, t.col);
        run.last = t.col;
        lastOrder = order;
      }
      if (run) runs.push(run);
    }
  }
  // Three distinct outcomes at least (表三's 总计 alone is not a run); a run repeated below (a former vertical merge
  // with its label in every cell) counts once, at its lowest row.
  const real = runs.filter((r) => r.cols.size >= 3);
  return real.filter((r) => !real.some((o) => o !== r && o.sheet === r.sheet && o.row > r.row && o.row - r.row <= 2 && o.first === r.first && o.last === r.last));
}

/** The group label nearest above a run: within three rows, starting at or left of the run's first column. */
function labelAbove(run: Run): string | undefined {
  let best: { group: string; col: number; row: number } | undefined;
  for (let r = run.row - 1; r >= run.row - 3 && r >= 0; r -= 1) {
    for (const t of run.sheet.rows.get(r) ?? []) {
      if (t.col > run.first || t.col < run.first - 1 - (run.last - run.first)) continue;
      const group = groupOf(t.text);
      if (!group) continue;
      if (!best || t.col > best.col) best = { group, col: t.col, row: r };
    }
  }
  return best?.group;
}

/** Rows right below a run that are labelled with a group on their left: the groups as rows. */
function groupRows(run: Run, runs: readonly Run[]): Map<string, number> {
  const out = new Map<string, number>();
  const stop = Math.min(...runs.filter((r) => r.sheet === run.sheet && r.row > run.row).map((r) => r.row), run.row + 12);
  let blank = 0;
  for (let r = run.row + 1; r < stop; r += 1) {
    const texts = (run.sheet.rows.get(r) ?? []).filter((t) => t.col < run.first);
    const group = texts.map((t) => groupOf(t.text)).find(Boolean);
    if (group && !out.has(group)) out.set(group, r);
    if (!texts.length && ![...run.cols.values()].some((c) => run.sheet.value(r, c) !== null)) blank += 1;
    if (blank > 1) break;
  }
  return out;
}

/** Runs that make one table header: same sheet, within two rows, columns touching. */
function band(run: Run, runs: readonly Run[]): Run[] {
  const members = [run];
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of runs) {
      if (members.includes(r) || r.sheet !== run.sheet) continue;
      if (members.some((m) => Math.abs(m.row - r.row) <= 2 && r.first <= m.last + 2 && r.last >= m.first - 2)) {
        members.push(r);
        grew = true;
      }
    }
  }
  return members;
}

/**
 * The data row under a header band: the row right below it. Only when that row is empty under every column and the
 * next one holds figures under them and no text at all (not a 审核人/联系电话 line) is the next one taken: a blank
 * spacer. Never "the first row with anything in it", which reads a footer's telephone number as a figure.
 */
function dataRowBelow(members: readonly Run[]): number {
  const sheet = members[0].sheet;
  const bottom = Math.max(...members.map((m) => m.row));
  const cols = members.flatMap((m) => [...m.cols.values()]);
  const first = bottom + 1;
  const empty = (r: number): boolean => cols.every((c) => sheet.covered(r, c) || sheet.value(r, c) === null);
  if (!empty(first)) return first;
  const next = first + 1;
  const figures = cols.some((c) => typeof sheet.value(next, c) === 'number');
  const text = (sheet.rows.get(next) ?? []).length > 0;
  return figures && !text ? next : first;
}

export function locateT4(grid: Grid, out: Located): void {
  const runs = findRuns(grid);
  if (runs.length === 0) {
    for (const g of T4_GROUPS) for (const o of T4_OUTCOMES) out.notLocated.add(`t4.${g.key}.${o.key}`);
    out.findings.push(structureFinding('t4', '找不到表四（政府信息公开行政复议、行政诉讼情况）：没有找到“结果维持”“结果纠正”“总计”等栏目标题'));
    return;
  }
  /** group → where its five figures are. */
  const placed = new Map<string, { run: Run; row: number }>();
  const place = (group: string, run: Run, row: number): void => {
    if (!placed.has(group)) placed.set(group, { run, row });
  };
  const unlabelled: Run[] = [];
  for (const run of runs) {
    const rows = groupRows(run, runs);
    if (rows.size) {
      for (const [group, row] of rows) place(group, run, row);
      continue;
    }
    const group = labelAbove(run);
    if (group) place(group, run, dataRowBelow(band(run, runs)));
    else unlabelled.push(run);
  }
  // Unlabelled runs: in the format's order only when the three groups are exactly three such runs.
  if (placed.size === 0 && unlabelled.length === T4_GROUPS.length) {
    unlabelled.forEach((run, i) => place(T4_GROUPS[i].key, run, dataRowBelow(band(run, runs))));
  }

  for (const g of T4_GROUPS) {
    const at = placed.get(g.key);
    if (!at) {
      T4_OUTCOMES.forEach((o) => out.notLocated.add(`t4.${g.key}.${o.key}`));
      out.findings.push(structureFinding(`t4.${g.key}`, `表四（工作表“${runs[0].sheet.name}”）找不到“${g.label}”一组栏目`));
      continue;
    }
    for (const o of T4_OUTCOMES) {
      const key = `t4.${g.key}.${o.key}`;
      const col = at.run.cols.get(o.key);
      if (col === undefined) {
        out.notLocated.add(key);
        out.findings.push(structureFinding(key, `表四（工作表“${at.run.sheet.name}”）“${g.label}”下找不到“${o.label}”栏`));
      } else out.cells.set(key, { sheet: at.run.sheet, row: at.row, col });
    }
  }
}
