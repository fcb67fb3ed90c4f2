/** 表三 by its labels: the applicant columns under 自然人…总计, the 25 rows aligned to the official labels in order. */
import { T3_COLUMNS, T3_GROUPS, T3_OTHER_COMBINED_ROW, T3_OTHER_ROWS, T3_ROWS } from '../../../spec';
import type { Grid, GridSheet } from '../grid';
import { coreLabel, similarAtLeast, similarity } from '../labelMatch';
import { ROW_MATCH, allTexts, findHeader, structureFinding, totalAlias, type Located } from './common';

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

/** An applicant column head as clerks flatten it: 「法人或其他组织-商业企业」「法人或其他组织（科研机构）」 → 商业企业. */
function applicantHead(core: string): string {
  return totalAlias(core.replace(/^法人或其他组织[-—_·/:：(（\s]*/, '').replace(/[)）]$/, ''));
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
      const hit = near.find((t) => {
        if (t.col <= last) return false;
        const head = applicantHead(t.core);
        return head === want || (want.length >= 4 && similarAtLeast(head, want, 0.7));
      });
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
    // Label cells joined, each text once: a label repeated in every cell of a former merge is one label.
    const joined = texts.filter((t, i) => texts.findIndex((o) => o.norm === t.norm) === i).map((t) => t.text).join('');
    const label = totalAlias(stripHeads(joined));
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

export function locateT3(grid: Grid, out: Located): void {
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
