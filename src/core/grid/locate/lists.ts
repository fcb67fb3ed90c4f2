/** The list sheets by their labels (基本信息, 补充数据, 上年数据): a label with its value to the right. */
import { KEY_INDEX, PREV_KEYS } from '../../../spec';
import type { CellRef, Grid, TextCell } from '../grid';
import { normaliseLabel } from '../labelMatch';
import { allTexts, type Located } from './common';


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

/** The first text cell of each normalised text. */
function byText(texts: readonly TextCell[]): Map<string, TextCell> {
  const index = new Map<string, TextCell>();
  for (const t of texts) if (!index.has(t.norm)) index.set(t.norm, t);
  return index;
}

export function locateLists(grid: Grid, out: Located): void {
  const index = byText(allTexts(grid));
  const find = (labels: readonly string[]): TextCell | undefined => labels.map((l) => index.get(normaliseLabel(l))).find(Boolean);
  for (const [key, labels] of Object.entries(META_LABELS)) {
    const hit = find(labels);
    if (hit) out.cells.set(key, rightOf(hit));
  }
  for (const def of KEY_INDEX.values()) {
    if (def.table !== 'fee' && def.table !== 'extra') continue;
    const hit = find([def.label, def.short]);
    if (hit) out.cells.set(def.key, { sheet: hit.sheet, row: hit.row, col: hit.col + 1 });
  }
  // Last year's figures: only on a sheet about last year, where the labels are the short key labels.
  const prevSheet = grid.sheets.find((s) => s.name.includes('上年'));
  if (prevSheet) {
    const prevIndex = byText(prevSheet.texts);
    for (const key of PREV_KEYS) {
      const def = KEY_INDEX.get(key);
      if (!def) continue;
      const hit = prevIndex.get(normaliseLabel(def.short)) ?? prevIndex.get(normaliseLabel(def.label));
      if (hit) out.cells.set(`prev.${key}`, { sheet: prevSheet, row: hit.row, col: hit.col + 1 });
    }
  }
}
