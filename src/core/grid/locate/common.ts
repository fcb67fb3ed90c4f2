/** What the table locators share: the result they fill, findings, header search. */
import { makeFinding } from '../../makeFinding';
import type { Finding } from '../../findings';
import type { CellRef, Grid, TextCell } from '../grid';
import { coreLabel, normaliseLabel, similarAtLeast } from '../labelMatch';

export interface Located {
  cells: Map<string, CellRef>;
  findings: Finding[];
  /** Table keys that could not be located (their rules are not evaluated). */
  notLocated: Set<string>;
}

/** Row labels must be at least this similar to the official label (a one-word typo scores about 0.7). */
export const ROW_MATCH = 0.6;

export function structureFinding(target: string, detail: string): Finding {
  return makeFinding('STRUCTURE', target, { detail });
}

export function formatFinding(target: string, detail: string): Finding {
  return makeFinding('FORMAT-VERSION', target, { detail, code: 'table' });
}

export function allTexts(grid: Grid): TextCell[] {
  return grid.sheets.flatMap((s) => s.texts);
}

/** Text cells equal to a header word, or close to it for longer words. */
export function findHeader(texts: readonly TextCell[], label: string, minSimilarity = 0.8): TextCell[] {
  const want = normaliseLabel(label);
  const core = coreLabel(label);
  const loose = want.length >= 4;
  return texts.filter((t) => t.norm === want || (loose && similarAtLeast(t.core, core, minSimilarity)));
}

/** 合计, 小计 and 共计 stand for 总计 in hand-made tables. */
export function totalAlias(core: string): string {
  return core === '合计' || core === '小计' || core === '共计' ? '总计' : core;
}
