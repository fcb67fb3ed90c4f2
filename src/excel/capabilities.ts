/**
 * The capability gate: the one place that decides whether a member above the manifest's ExcelApi 1.8 may be used, and
 * the one place that touches such members. Both must hold: the host reports the set (`isSetSupported`) AND the loaded
 * office.js has the member (the self-hosted npm copy lags the hosts: 1.1.110 has no notes while Microsoft 365 reports
 * ExcelApi 1.18). test/officejs/apiInventory.test.ts fails when code elsewhere reaches such a member directly.
 */
import { ServiceError } from '../taskpane/services';
import { MESSAGES } from './errors';
import type { ExcelLibrary, IsSetSupported, XlContext, XlRange, XlRunOptions, XlWorksheet } from './host';

export interface Capabilities {
  /** ExcelApi 1.18: notes (Workbook.notes, Worksheet.notes). */
  notes: boolean;
  /** ExcelApi 1.10: threaded comments (Workbook.comments). */
  comments: boolean;
  /** ExcelApi 1.9: RangeFill.pattern, patternColor, tintAndShade — fills can be read and put back exactly. */
  fillDetails: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout. */
  pageLayout: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.9: Worksheet.autoFilter (the 审核 sheets get filter buttons). */
  autoFilter: boolean;
  /** Excel.run waits while a cell is edited instead of failing: where the host reports the "DelayForCellEdit" set. */
  delayForCellEdit: boolean;
  /** Sets the host reports whose members the loaded office.js lacks (e.g. `ExcelApi 1.18（批注）`), for messages. */
  missingInLibrary: string[];
}

/** Does the loaded library define `member` on class `cls` (a prototype property or method)? */
function libraryHas(library: ExcelLibrary | undefined, cls: string, member: string): boolean {
  const ctor = library?.[cls] as { prototype?: object } | undefined;
  return !!ctor?.prototype && member in ctor.prototype;
}

interface Gate {
  key: Exclude<keyof Capabilities, 'missingInLibrary'>;
  /** Requirement set and version the host must report. */
  set: string;
  version: string;
  label: string;
  members: Array<[string, string]>;
}

const GATES: Gate[] = [
  { key: 'notes', set: 'ExcelApi', version: '1.18', label: '批注', members: [['Workbook', 'notes'], ['Worksheet', 'notes'], ['NoteCollection', 'add'], ['Note', 'delete']] },
  { key: 'comments', set: 'ExcelApi', version: '1.10', label: '评论', members: [['Workbook', 'comments'], ['CommentCollection', 'add'], ['Comment', 'delete']] },
  { key: 'fillDetails', set: 'ExcelApi', version: '1.9', label: '填充样式', members: [['RangeFill', 'pattern'], ['RangeFill', 'patternColor'], ['RangeFill', 'tintAndShade']] },
  { key: 'pageLayout', set: 'ExcelApi', version: '1.9', label: '页面设置', members: [['Worksheet', 'pageLayout']] },
  { key: 'mergedAreas', set: 'ExcelApi', version: '1.13', label: '合并单元格', members: [['Range', 'getMergedAreasOrNullObject']] },
  { key: 'autoFilter', set: 'ExcelApi', version: '1.9', label: '筛选', members: [['Worksheet', 'autoFilter'], ['AutoFilter', 'apply']] },
  // office.js applies RunOptions.delayForCellEdit only where the host reports this set (it asks isSetSupported
  // itself); there is no member to probe, the option is read by Excel.run.
  { key: 'delayForCellEdit', set: 'DelayForCellEdit', version: '1.1', label: '编辑状态等待', members: [] },
];

export function detectCapabilities(isSetSupported: IsSetSupported, library: ExcelLibrary | undefined): Capabilities {
  const caps: Capabilities = { notes: false, comments: false, fillDetails: false, pageLayout: false, mergedAreas: false, autoFilter: false, delayForCellEdit: false, missingInLibrary: [] };
  for (const gate of GATES) {
    const host = isSetSupported(gate.set, gate.version);
    const lib = gate.members.every(([cls, member]) => libraryHas(library, cls, member));
    caps[gate.key] = host && lib;
    if (host && !lib) caps.missingInLibrary.push(`${gate.set} ${gate.version}（${gate.label}）`);
  }
  return caps;
}

/** Nothing above ExcelApi 1.8: what a host or library that reports nothing newer gets. */
export const BASELINE: Capabilities = detectCapabilities(() => false, undefined);

// ---- the gated members ----------------------------------------------------------------------------------------------

/** A member the gate let through must be there; a library that lied about it is a failure, not a silent no-op. */
function present<T>(member: T | undefined, name: string): T {
  if (member === undefined || member === null) throw new ServiceError('api-missing', MESSAGES.apiMissing(`${name}（加载项附带的 office.js 中没有）`));
  return member;
}

export function runOptions(caps: Capabilities): XlRunOptions {
  return caps.delayForCellEdit ? { delayForCellEdit: true } : {};
}

export function workbookNotes(context: XlContext, caps: Capabilities): Excel.NoteCollection | null {
  return caps.notes ? present(context.workbook.notes, 'Workbook.notes') : null;
}

export function sheetNotes(sheet: XlWorksheet, caps: Capabilities): Excel.NoteCollection | null {
  return caps.notes ? present(sheet.notes, 'Worksheet.notes') : null;
}

export function workbookComments(context: XlContext, caps: Capabilities): Excel.CommentCollection | null {
  return caps.comments ? present(context.workbook.comments, 'Workbook.comments') : null;
}

export function pageLayout(sheet: XlWorksheet, caps: Capabilities): Excel.PageLayout | null {
  return caps.pageLayout ? present(sheet.pageLayout, 'Worksheet.pageLayout') : null;
}

/** Merged areas touching `range` (a null object when there are none), or null where the API is missing. */
export function mergedAreas(range: XlRange, caps: Capabilities): Excel.RangeAreas | null {
  return caps.mergedAreas ? range.getMergedAreasOrNullObject() : null;
}

/** Filter buttons on `range` (its first row the header); false where the host or the library has no AutoFilter. */
export function applyAutoFilter(sheet: XlWorksheet, range: XlRange, caps: Capabilities): boolean {
  if (!caps.autoFilter) return false;
  present(sheet.autoFilter, 'Worksheet.autoFilter').apply(range);
  return true;
}

/** A cell's fill as far as the host lets us read it back; the store keeps it to put it back after marking. */
export interface Fill {
  /** `#RRGGBB`; Excel reads an unfilled cell as `#FFFFFF` (OfficeDev/office-js#6218). */
  color: string | null;
  /** ExcelApi 1.9, else null. Excel reads null for no fill and for a white fill (OfficeDev/office-js#4900). */
  pattern: string | null;
  patternColor: string | null;
  /** ExcelApi 1.9: null for no fill, a number for any fill (OfficeDev/office-js#4900) — how "no fill" is told. */
  tintAndShade: number | null;
  /** Whether the details above were read (ExcelApi 1.9): without them white counts as no fill. */
  detailed: boolean;
}

export function loadFill(range: XlRange, caps: Capabilities): void {
  range.load('format/fill/color');
  if (caps.fillDetails) range.load('format/fill/pattern,format/fill/patternColor,format/fill/tintAndShade');
}

export function readFill(range: XlRange, caps: Capabilities): Fill {
  const fill = range.format.fill;
  const color = (fill.color as string | null) ?? null;
  if (!caps.fillDetails) return { color, pattern: null, patternColor: null, tintAndShade: null, detailed: false };
  return { color, pattern: (fill.pattern as string | null) ?? null, patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade ?? null, detailed: true };
}

/** No fill: told by tintAndShade where it was read, else by white (a cell filled white then comes back unfilled). */
export function isNoFill(f: Fill): boolean {
  if (f.detailed) return f.tintAndShade === null;
  return f.color === null || f.color.toUpperCase() === '#FFFFFF';
}

/** Queue putting `f` back on `range`. */
export function restoreFill(range: XlRange, f: Fill, caps: Capabilities): void {
  const fill = range.format.fill;
  if (isNoFill(f)) {
    fill.clear();
    return;
  }
  fill.color = f.color as string;
  if (!caps.fillDetails || !f.detailed) return;
  if (f.pattern && f.pattern !== 'Solid') {
    fill.pattern = f.pattern as Excel.FillPattern;
    if (f.patternColor) fill.patternColor = f.patternColor;
  }
  if (f.tintAndShade !== null && f.tintAndShade !== 0) fill.tintAndShade = f.tintAndShade;
}
