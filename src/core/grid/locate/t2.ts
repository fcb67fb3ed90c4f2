/** 表二 by its labels: the 规章 and 行政规范性文件 rows under their three count columns, and the one-figure rows. */
import { KEY_INDEX } from '../../../spec';
import type { Grid } from '../grid';
import { coreLabel, similarAtLeast } from '../labelMatch';
import { allTexts, findHeader, formatFinding, structureFinding, type Located } from './common';


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

export function locateT2(grid: Grid, out: Located): void {
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
            labels.some((l) => t.core === coreLabel(l) || (l.length >= 4 && similarAtLeast(t.core, coreLabel(l), 0.8))),
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
