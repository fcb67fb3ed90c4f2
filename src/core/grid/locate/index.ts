/**
 * Finding the report's cells in a workbook that is not our template (hand-made, retyped, a template whose names were
 * lost) by the official labels: tables on one sheet or several, shifted rows and columns, merged or split label
 * cells, the label variants of FORMAT.md §7. What cannot be found is said precisely, as STRUCTURE findings; a table in
 * the 2019 trial layout is named as FORMAT-VERSION and not read as 2021.
 */
import type { Grid } from '../grid';
import { type Located } from './common';
import { locateLists } from './lists';
import { locateT2 } from './t2';
import { locateT3 } from './t3';
import { locateT4 } from './t4';

export { structureFinding, type Located } from './common';

/** Locate every cell of the report by its labels. */
export function locateByLabels(grid: Grid): Located {
  const out: Located = { cells: new Map(), findings: [], notLocated: new Set() };
  locateT2(grid, out);
  locateT3(grid, out);
  locateT4(grid, out);
  locateLists(grid, out);
  return out;
}
