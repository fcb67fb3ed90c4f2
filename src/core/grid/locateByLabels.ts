/**
 * Finding the report's cells in a workbook that is not our template (hand-made, retyped, a template whose names were
 * lost) by the official labels: tables on one sheet or several, shifted rows and columns, merged or split label
 * cells, the label variants of FORMAT.md §7. What cannot be found is said precisely, as STRUCTURE findings; a table in
 * the 2019 trial layout is named as FORMAT-VERSION and not read as 2021.
 */
import {
  KEY_INDEX,
  PREV_KEYS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_OTHER_COMBINED_ROW,
  T3_OTHER_ROWS,
  T3_ROWS,
  T4_GROUPS,
  T4_OUTCOMES,
} from '../../spec';
import { makeFinding } from '../makeFinding';
import type { Finding } from '../findings';
import type { CellRef, Grid, GridSheet, TextCell } from './grid';
import { coreLabel, normaliseLabel, similarity } from './labelMatch';

export interface Located {
  cells: Map<string, CellRef>;
  findings: Finding[];
  /** Table keys that could not be located (their rules are not evaluated). */
  notLocated: Set<string>;
}

/** Row labels must be at least this similar to the official label (a one-word typo scores about 0.7). */
const ROW_MATCH = 0.6;

export function structureFinding(target: string, detail: string): Finding {
  return makeFinding('STRUCTURE', target, { detail });
}

function formatFinding(target: string, detail: string): Finding {
  return makeFinding('FORMAT-VERSION', target, { detail, code: 'table' });
}

function allTexts(grid: Grid): TextCell[] {
  return grid.sheets.flatMap((s) => s.texts);
}

/** Text cells equal to a header word, or close to it for longer words. */
function findHeader(texts: readonly TextCell[], label: string, minSimilarity = 0.8): TextCell[] {
  const want = normaliseLabel(label);
  const loose = want.length >= 4;
  return texts.filter((t) => t.norm === want || (loose && similarity(coreLabel(t.text), coreLabel(label)) >= minSimilarity));
}

// ------------------------------------------------------------------------------------------------------------------
// 表三

/** Section and group heads that share a row with the item label (merged cells) and are not part of it. */
const T3_HEADS = ['本年度办理结果', ...Object.values(T3_GROUPS).map((g) => coreLabel(g))];

/** The item label of a table-三 row: its label cells joined, section/group heads and enumerators removed. */
function stripHeads(text: string): string {
  let s = coreLabel(text);
  for (let guard = 0; guard < 4; guard += 1) {
    const head = T3_HEADS.find((h) => s.startsWith(h));
    if (!head) break;
    s = coreLabel(s.slice(head.length));
  }
  return s;
}

interface T3Columns {
  sheet: GridSheet;
  headerRow: number;
  cols: Map<string, number>;
}

function locateT3Columns(grid: Grid): T3Columns | null {
  let best: T3Columns | null = null;
  for (const anchor of findHeader(allTexts(grid), '自然人')) {
    const cols = new Map<string, number>([['natural', anchor.col]]);
    let headerRow = anchor.row;
    let last = anchor.col;
    const near = anchor.sheet.texts.filter((t) => t.row >= anchor.row - 1 && t.row <= anchor.row + 2 && t.col > anchor.col);
    near.sort((a, b) => a.col - b.col || a.row - b.row);
    for (const c of T3_COLUMNS.slice(1)) {
      const want = coreLabel(c.label);
      const hit = near.find((t) => t.col > last && (coreLabel(t.text) === want || (want.length >= 4 && similarity(coreLabel(t.text), want) >= 0.7)));
      if (!hit) continue;
      cols.set(c.key, hit.col);
      last = hit.col;
      headerRow = Math.max(headerRow, hit.row);
    }
    if (!best || cols.size > best.cols.size) best = { sheet: anchor.sheet, headerRow, cols };
  }
  return best;
}

interface RowCandidate {
  row: number;
  label: string;
  /** The row is only the head 「（六）其他处理」: the 2019 single row when it carries numbers. */
  otherHead: boolean;
}

function t3Candidates(sheet: GridSheet, headerRow: number, firstValueCol: number): RowCandidate[] {
  const out: RowCandidate[] = [];
  const rows = [...sheet.rows.keys()].filter((r) => r > headerRow && r <= headerRow + 45).sort((a, b) => a - b);
  for (const r of rows) {
    const texts = (sheet.rows.get(r) ?? []).filter((t) => t.col < firstValueCol);
    if (!texts.length) continue;
    const joined = texts.map((t) => t.text).join('');
    const label = stripHeads(joined);
    const otherHead = label === '' && coreLabel(joined).endsWith(coreLabel(T3_GROUPS.other));
    if (label || otherHead) out.push({ row: r, label, otherHead });
  }
  return out;
}

/** Monotonic alignment of the official rows to candidate rows, maximising total similarity above the threshold. */
function alignRows(official: readonly string[], candidates: readonly RowCandidate[]): (number | null)[] {
  const n = official.length;
  const m = candidates.length;
  const score = official.map((o) => candidates.map((c) => (c.label ? similarity(c.label, o) : 0)));
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      let best = Math.max(dp[i + 1][j], dp[i][j + 1]);
      const s = score[i][j];
      if (s >= ROW_MATCH) best = Math.max(best, s - ROW_MATCH / 2 + dp[i + 1][j + 1]);
      dp[i][j] = best;
    }
  }
  const match: (number | null)[] = new Array<number | null>(n).fill(null);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score[i][j];
    if (s >= ROW_MATCH && Math.abs(dp[i][j] - (s - ROW_MATCH / 2 + dp[i + 1][j + 1])) < 1e-9) {
      match[i] = j;
      i += 1;
      j += 1;
    } else if (Math.abs(dp[i][j] - dp[i + 1][j]) < 1e-9) i += 1;
    else j += 1;
  }
  return match;
}

function locateT3(grid: Grid, out: Located): void {
  const columns = locateT3Columns(grid);
  const allKeys = T3_ROWS.flatMap((r) => T3_COLUMNS.map((c) => `t3.${r.key}.${c.key}`));
  if (!columns || columns.cols.size < 2) {
    allKeys.forEach((k) => out.notLocated.add(k));
    out.findings.push(structureFinding('t3', '找不到表三（收到和处理政府信息公开申请情况）：没有找到“自然人”“商业企业”“总计”等申请人列标题'));
    return;
  }
  const { sheet, headerRow, cols } = columns;
  for (const c of T3_COLUMNS) {
    if (!cols.has(c.key)) out.findings.push(structureFinding(`t3.*.${c.key}`, `表三（工作表“${sheet.name}”）找不到“${c.label}”列`));
  }
  const firstValueCol = Math.min(...cols.values());
  const candidates = t3Candidates(sheet, headerRow, firstValueCol);
  const match = alignRows(T3_ROWS.map((r) => coreLabel(r.label)), candidates);
  const rowOf = new Map<string, number>();
  T3_ROWS.forEach((r, i) => {
    const j = match[i];
    if (j !== null) rowOf.set(r.key, candidates[j].row);
  });

  // 2019 trial layout: （六）其他处理 as one row with numbers, none of the three 2021 rows.
  const usedRows = new Set(rowOf.values());
  const combined = T3_OTHER_ROWS.every((r) => !rowOf.has(r)) ? candidates.find((c) => c.otherHead && !usedRows.has(c.row)) : undefined;
  if (combined) rowOf.set(T3_OTHER_COMBINED_ROW, combined.row);

  for (const r of T3_ROWS) {
    if (!rowOf.has(r.key) && !(combined && T3_OTHER_ROWS.includes(r.key))) {
      out.findings.push(structureFinding(`t3.${r.key}`, `表三（工作表“${sheet.name}”）找不到“${r.label}”一行`));
    }
  }
  const rowKeys = [...T3_ROWS.map((r) => r.key), ...(combined ? [T3_OTHER_COMBINED_ROW] : [])];
  for (const rk of rowKeys) {
    for (const c of T3_COLUMNS) {
      const key = `t3.${rk}.${c.key}`;
      const row = rowOf.get(rk);
      const col = cols.get(c.key);
      if (row === undefined || col === undefined) {
        if (!(combined && T3_OTHER_ROWS.includes(rk))) out.notLocated.add(key);
        continue;
      }
      out.cells.set(key, { sheet, row, col });
    }
  }
}

// ------------------------------------------------------------------------------------------------------------------
// 表二

const T2_2019_HEADS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '政府集中采购'];
const T2_COUNT_COLUMNS = [
  ['issued', '本年制发件数'],
  ['repealed', '本年废止件数'],
  ['in_force', '现行有效件数'],
] as const;
const T2_DOC_ROWS = [
  ['regulations', ['规章']],
  ['normative', ['行政规范性文件', '规范性文件']],
] as const;
const T2_SINGLE = [
  ['t2.licensing', '行政许可'],
  ['t2.punishment', '行政处罚'],
  ['t2.enforcement', '行政强制'],
  ['t2.fees', '行政事业性收费'],
] as const;

const T2_KEYS = [...KEY_INDEX.values()].filter((k) => k.table === 't2').map((k) => k.key);

function locateT2(grid: Grid, out: Located): void {
  const texts = allTexts(grid);
  const old = T2_2019_HEADS.flatMap((h) => findHeader(texts, h, 0.85));
  if (old.length) {
    T2_KEYS.forEach((k) => out.notLocated.add(k));
    out.findings.push(
      formatFinding('t2', `表二（工作表“${old[0].sheet.name}”，有“${old.map((o) => o.text.trim()).filter((t, i, a) => a.indexOf(t) === i).join('”“')}”等栏目）`),
    );
    return;
  }
  // Header row of the document counts: the row holding most of the three column heads.
  const heads = T2_COUNT_COLUMNS.map(([k, label]) => ({ k, hits: findHeader(texts, label, 0.75) }));
  const anchor = heads.flatMap((h) => h.hits)[0];
  const cols = new Map<string, number>();
  if (anchor) {
    for (const h of heads) {
      const hit = h.hits.find((t) => t.sheet === anchor.sheet && Math.abs(t.row - anchor.row) <= 1);
      if (hit) cols.set(h.k, hit.col);
    }
  }
  const sheet = anchor?.sheet;
  const firstValueCol = cols.size ? Math.min(...cols.values()) : undefined;

  // Rows 规章 / 行政规范性文件 below the header, left of the value columns.
  for (const [rowKey, labels] of T2_DOC_ROWS) {
    const keys = T2_COUNT_COLUMNS.map(([c]) => `t2.${rowKey}.${c}`);
    const label = sheet
      ? sheet.texts.find(
          (t) =>
            t.row > (anchor?.row ?? -1) &&
            t.col < (firstValueCol ?? Infinity) &&
            labels.some((l) => coreLabel(t.text) === coreLabel(l) || (l.length >= 4 && similarity(coreLabel(t.text), coreLabel(l)) >= 0.8)),
        )
      : undefined;
    if (!sheet || !label || !cols.size) {
      keys.forEach((k) => out.notLocated.add(k));
      out.findings.push(structureFinding(`t2.${rowKey}`, sheet ? `表二（工作表“${sheet.name}”）找不到“${labels[0]}”一行` : `找不到表二“${labels[0]}”一行：没有找到“本年制发件数”“现行有效件数”等栏目标题`));
      continue;
    }
    T2_COUNT_COLUMNS.forEach(([c, head]) => {
      const col = cols.get(c);
      const key = `t2.${rowKey}.${c}`;
      if (col === undefined) {
        out.notLocated.add(key);
        out.findings.push(structureFinding(key, `表二（工作表“${sheet.name}”）找不到“${head}”栏`));
      } else out.cells.set(key, { sheet, row: label.row, col });
    });
  }

  // One-figure rows: the figure sits right of the label, in the first value column when there is one.
  for (const [key, labelText] of T2_SINGLE) {
    const hits = findHeader(texts, labelText, 0.85);
    const label = hits.find((t) => t.sheet === sheet) ?? hits[0];
    if (!label) {
      out.notLocated.add(key);
      out.findings.push(structureFinding(key, `找不到表二“${labelText}”一行`));
      continue;
    }
    const col = label.sheet === sheet && firstValueCol !== undefined && firstValueCol > label.col ? firstValueCol : label.col + 1;
    out.cells.set(key, { sheet: label.sheet, row: label.row, col });
  }
}

// ------------------------------------------------------------------------------------------------------------------
// 表四

function locateT4(grid: Grid, out: Located): void {
  const allKeys = T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o) => `t4.${g.key}.${o.key}`));
  const outcomeNorms = new Map<string, string>(T4_OUTCOMES.map((o) => [normaliseLabel(o.label), o.key]));
  // The outcome header row: the row with the most 结果维持…总计 heads (15 in the format).
  let bestRow: TextCell[] = [];
  for (const sheet of grid.sheets) {
    for (const cells of sheet.rows.values()) {
      const heads = cells.filter((t) => outcomeNorms.has(t.norm));
      if (heads.filter((t) => t.norm === normaliseLabel('结果维持')).length >= 1 && heads.length > bestRow.length) bestRow = heads;
    }
  }
  if (bestRow.length < 5) {
    allKeys.forEach((k) => out.notLocated.add(k));
    out.findings.push(structureFinding('t4', '找不到表四（政府信息公开行政复议、行政诉讼情况）：没有找到“结果维持”“结果纠正”“总计”等栏目标题'));
    return;
  }
  const sheet = bestRow[0].sheet;
  const headerRow = bestRow[0].row;
  // Split the heads into groups: a group ends when an outcome repeats.
  const chunks: Map<string, number>[] = [];
  let current = new Map<string, number>();
  for (const t of bestRow) {
    const o = outcomeNorms.get(t.norm) as string;
    if (current.has(o)) {
      chunks.push(current);
      current = new Map();
    }
    current.set(o, t.col);
  }
  chunks.push(current);
  // Which group each chunk is: by the group heads above when present, else in the format's order.
  const groupOf = chunks.map((chunk, i) => {
    const first = Math.min(...chunk.values());
    let found: string | undefined;
    let foundCol = -1;
    for (const g of T4_GROUPS) {
      for (const t of sheet.texts) {
        if (t.row >= headerRow || t.row < headerRow - 3 || coreLabel(t.text) !== coreLabel(g.label)) continue;
        if (t.col <= first && t.col > foundCol) {
          found = g.key;
          foundCol = t.col;
        }
      }
    }
    return chunks.length === T4_GROUPS.length || !found ? T4_GROUPS[i]?.key : found;
  });
  // The data row: the first row below the heads with any entry under them.
  const allCols = chunks.flatMap((c) => [...c.values()]);
  let dataRow = headerRow + 1;
  for (let r = headerRow + 1; r <= headerRow + 3; r += 1) {
    if (allCols.some((c) => sheet.value(r, c) !== null)) {
      dataRow = r;
      break;
    }
  }
  const seen = new Set<string>();
  chunks.forEach((chunk, i) => {
    const g = groupOf[i];
    if (!g || seen.has(g)) return;
    seen.add(g);
    for (const o of T4_OUTCOMES) {
      const key = `t4.${g}.${o.key}`;
      const col = chunk.get(o.key);
      if (col === undefined) {
        out.notLocated.add(key);
        out.findings.push(structureFinding(key, `表四（工作表“${sheet.name}”）“${T4_GROUPS.find((x) => x.key === g)?.label ?? g}”下找不到“${o.label}”栏`));
      } else out.cells.set(key, { sheet, row: dataRow, col });
    }
  });
  for (const g of T4_GROUPS) {
    if (seen.has(g.key)) continue;
    T4_OUTCOMES.forEach((o) => out.notLocated.add(`t4.${g.key}.${o.key}`));
    out.findings.push(structureFinding(`t4.${g.key}`, `表四（工作表“${sheet.name}”）找不到“${g.label}”一组栏目`));
  }
}

// ------------------------------------------------------------------------------------------------------------------
// Lists: 基本信息, 补充数据, 上年数据 — a label with its value to the right.

const META_LABELS: Record<string, string[]> = {
  'meta.body': ['机关名称', '单位名称', '报告机关'],
  'meta.year': ['报告年度', '年度', '统计年度'],
  'meta.level': ['机关层级', '层级'],
  'meta.kind': ['报告类型'],
  'meta.template_version': ['模板版本'],
};

/** The value cell for a list label: the first filled cell to its right, else the cell next to it. */
function rightOf(label: TextCell): CellRef {
  const { sheet, row } = label;
  for (let c = label.col + 1; c <= label.col + 3; c += 1) {
    if (sheet.covered(row, c)) continue;
    const v = sheet.value(row, c);
    if (v !== null && v !== '') return { sheet, row, col: c };
  }
  return { sheet: label.sheet, row: label.row, col: label.col + 1 };
}

function locateLists(grid: Grid, out: Located): void {
  const texts = allTexts(grid);
  for (const [key, labels] of Object.entries(META_LABELS)) {
    const hit = labels.map((l) => texts.find((t) => t.norm === normaliseLabel(l))).find(Boolean);
    if (hit) out.cells.set(key, rightOf(hit));
  }
  for (const def of KEY_INDEX.values()) {
    if (def.table !== 'fee' && def.table !== 'extra') continue;
    const hit = texts.find((t) => t.norm === normaliseLabel(def.label) || t.norm === normaliseLabel(def.short));
    if (hit) out.cells.set(def.key, { sheet: hit.sheet, row: hit.row, col: hit.col + 1 });
  }
  // Last year's figures: only on a sheet about last year, where the labels are the short key labels.
  const prevSheet = grid.sheets.find((s) => s.name.includes('上年'));
  if (prevSheet) {
    for (const key of PREV_KEYS) {
      const def = KEY_INDEX.get(key);
      if (!def) continue;
      const hit = prevSheet.texts.find((t) => t.norm === normaliseLabel(def.short) || t.norm === normaliseLabel(def.label));
      if (hit) out.cells.set(`prev.${key}`, { sheet: prevSheet, row: hit.row, col: hit.col + 1 });
    }
  }
}

/** Locate every cell of the report by its labels. */
export function locateByLabels(grid: Grid): Located {
  const out: Located = { cells: new Map(), findings: [], notLocated: new Set() };
  locateT2(grid, out);
  locateT3(grid, out);
  locateT4(grid, out);
  locateLists(grid, out);
  return out;
}
