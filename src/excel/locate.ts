/**
 * Finding the tables of a workbook the clerk built or retyped by hand, in the pane: the sheets' used ranges (read in
 * pieces by ./grids.ts) searched by the same label logic as the command line (src/core/grid) — the same tables and
 * cells, the same STRUCTURE and FORMAT-VERSION findings for what is missing or in the 2019 layout.
 */
import { cellsOfRows, fromA1, locateByLabels as locateInGrid, makeSheet, searchableGrid, toA1, type Finding, type MergedArea } from '../core';
import type { SheetGrid } from './grids';
import type { CellAt } from './workbook';

export interface LabelLocation {
  cells: Map<string, CellAt>;
  /** STRUCTURE and FORMAT-VERSION findings, as the command line gives them. */
  findings: Finding[];
  /** Table keys that could not be located: their rules are not evaluated. */
  notLocated: Set<string>;
  /** Whether anything of tables 二, 三, 四 was found. */
  foundAny: boolean;
}

/** `B3:D5` (as office.js gives merged areas, without the sheet) as an area; null when it is not one. */
function mergedArea(address: string): MergedArea | null {
  const [a, b = a] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  try {
    const p = fromA1(a);
    const q = fromA1(b);
    return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  } catch {
    return null;
  }
}

export function locateByLabels(grids: readonly SheetGrid[], hidden: ReadonlySet<string> = new Set()): LabelLocation {
  const sheets = grids.map((g) =>
    makeSheet(
      g.name,
      hidden.has(g.name),
      cellsOfRows(g.values, g.rowIndex, g.columnIndex),
      (g.merged ?? []).map(mergedArea).filter((m): m is MergedArea => m !== null),
    ),
  );
  const located = locateInGrid(searchableGrid({ sheets }));
  const cells = new Map<string, CellAt>();
  for (const [key, ref] of located.cells) cells.set(key, { sheet: ref.sheet.name, a1: toA1(ref.row, ref.col) });
  return { cells, findings: located.findings, notLocated: located.notLocated, foundAny: [...cells.keys()].some((k) => /^t[234]\./.test(k)) };
}
