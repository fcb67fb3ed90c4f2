/**
 * 插入年报模板: draw the template sheets from spec/layout.ts, the 校验 sheet from the compiled formulas, the 核实说明
 * sheet and our hidden store. Three syncs whatever the workbook holds: (1) which sheets and names exist, (2) what our
 * existing sheets hold, (3) every write. Input cells are never written (except the template version, when blank), and a
 * sheet that has one of our names but not our title is left alone and reported as skipped.
 */
import { EXPLANATION_COLUMNS, EXPLANATION_SHEET_NAME, KEY_INDEX, LEVELS, REPORT_KINDS, SHEETS, TEMPLATE_VERSION, type LayoutCell, type SheetLayout } from '../spec';
import { buildCheckSheet, conditionalFormats, rangeA1, toA1, workbookName, columnLetters, type CheckSheet } from '../core';
import type { InstallOutcome } from '../taskpane/services';
import type { XlContext, XlRange, XlWorksheet } from './host';
import { syncUnprotecting } from './errors';
import { INPUT_FILL, MARK_FILL, STORE_SHEET, assertTemplateVersion, qualified } from './workbook';
import { STORE_HEADER } from './marks';

export interface InstallFeatures {
  /** ExcelApi 1.9: page layout for A4 printing. */
  pageLayout: boolean;
}

const FONT = '宋体';
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
const CF_ERROR = { fill: MARK_FILL.error, font: '#9C0006' };
const CF_WARNING = { fill: MARK_FILL.warning, font: '#9C5700' };
const WIDE_SHEETS = new Set(['t3', 't4']);

interface Existing {
  name: string;
  sheet: XlWorksheet;
  isProtected: boolean;
  block: XlRange | null;
}

export async function installTemplate(context: XlContext, features: InstallFeatures): Promise<InstallOutcome> {
  const wb = context.workbook;
  const check = buildCheckSheet();
  const sheetsLoaded = wb.worksheets.load('items/name,items/protection/protected');
  const namesLoaded = wb.names.load('items/name');
  await context.sync();

  const present = new Map(sheetsLoaded.items.map((s) => [s.name.toLowerCase(), s] as const));
  const existingNames = new Set(namesLoaded.items.map((n) => n.name.toLowerCase()));
  const ourNames = [...SHEETS.map((s) => s.name), check.name, EXPLANATION_SHEET_NAME, STORE_SHEET];
  const existing = new Map<string, Existing>();
  for (const name of ourNames) {
    const sheet = present.get(name.toLowerCase());
    if (!sheet) continue;
    const layout = SHEETS.find((s) => s.name === name);
    const block = layout
      ? sheet.getRange(rangeA1(0, 0, layout.rowCount, layout.columnWidths.length)).load('values')
      : name === check.name
        ? sheet.getRange('A1').load('values')
        : null;
    existing.set(name, { name, sheet, isProtected: sheet.protection.protected, block });
  }
  if (existing.size) await context.sync();

  const outcome: InstallOutcome = { created: [], repaired: [], skipped: [] };
  const metaLayout = SHEETS.find((s) => s.id === 'meta') as SheetLayout;
  const meta = existing.get(metaLayout.name);
  if (meta?.block && isOurs(metaLayout, meta.block.values)) {
    const versionCell = metaLayout.cells.find((c) => c.key === 'meta.template_version') as LayoutCell;
    assertTemplateVersion(meta.block.values[versionCell.row][versionCell.col]);
  }

  const installed = new Set<string>();
  const unprotected: string[] = [];
  // Protection goes back on last: conditional formats and names are added to these sheets after they are drawn.
  const toProtect: XlWorksheet[] = [];
  for (const layout of SHEETS) {
    const found = existing.get(layout.name);
    if (found && !(found.block && isOurs(layout, found.block.values))) {
      outcome.skipped.push(layout.name);
      continue;
    }
    const sheet = found ? found.sheet : wb.worksheets.add(layout.name);
    if (found?.isProtected) {
      sheet.protection.unprotect();
      unprotected.push(layout.name);
    }
    const changed = drawLayout(sheet, layout, found?.block?.values ?? null, features);
    const namesAdded = addNames(context, layout, existingNames);
    toProtect.push(sheet);
    installed.add(layout.name);
    if (!found) outcome.created.push(layout.name);
    else if (changed || namesAdded) outcome.repaired.push(layout.name);
  }

  const checkFound = existing.get(check.name);
  const checkOurs = !checkFound || (checkFound.block !== null && String(checkFound.block.values[0][0]) === String(check.rows[0].cells[0]));
  if (checkOurs) {
    const sheet = checkFound ? checkFound.sheet : wb.worksheets.add(check.name);
    if (checkFound?.isProtected) {
      sheet.protection.unprotect();
      unprotected.push(check.name);
    }
    drawCheckSheet(sheet, check);
    toProtect.push(sheet);
    (checkFound ? outcome.repaired : outcome.created).push(check.name);
    // The live marks read the 校验 sheet: only where it is ours.
    addConditionalFormats(context, check, installed, existingNames);
  } else outcome.skipped.push(check.name);

  if (!existing.has(EXPLANATION_SHEET_NAME)) {
    const sheet = wb.worksheets.add(EXPLANATION_SHEET_NAME);
    const header = sheet.getRange(rangeA1(0, 0, 1, EXPLANATION_COLUMNS.length));
    header.values = [[...EXPLANATION_COLUMNS]];
    header.format.font.bold = true;
    sheet.getRange(rangeA1(0, 0, 1, EXPLANATION_COLUMNS.length)).format.font.name = FONT;
    [110, 160, 420, 320, 120].forEach((w, i) => (sheet.getRange(toA1(0, i)).format.columnWidth = w));
    outcome.created.push(EXPLANATION_SHEET_NAME);
  }
  if (!existing.has(STORE_SHEET)) {
    const store = wb.worksheets.add(STORE_SHEET);
    store.getRange(rangeA1(0, 0, 1, STORE_HEADER.length)).values = [[...STORE_HEADER]];
    store.visibility = 'VeryHidden';
  }
  for (const sheet of toProtect) sheet.protection.protect();
  await syncUnprotecting(context, unprotected);
  return outcome;
}

/** Ours: the title cell holds our title. */
function isOurs(layout: SheetLayout, values: unknown[][]): boolean {
  const title = layout.cells.find((c) => c.role === 'title');
  return !!title && String(values[title.row]?.[title.col] ?? '').trim() === title.text;
}

/** Queue the drawing of one template sheet; `current` is what an existing sheet holds (null for a new one). */
function drawLayout(sheet: XlWorksheet, layout: SheetLayout, current: unknown[][] | null, features: InstallFeatures): boolean {
  let changed = false;
  const cols = layout.columnWidths.length;
  const all = rangeA1(0, 0, layout.rowCount, cols);
  layout.columnWidths.forEach((w, i) => (sheet.getRange(`${columnLetters(i)}1`).format.columnWidth = w));
  for (const [row, h] of Object.entries(layout.rowHeights)) sheet.getRange(`A${Number(row) + 1}`).format.rowHeight = h;
  const block = sheet.getRange(all);
  block.format.font.name = FONT;
  block.format.font.size = 11;
  block.format.verticalAlignment = 'Center';
  block.format.wrapText = true;
  const table = sheet.getRange(rangeA1(1, 0, layout.rowCount - 1, cols));
  for (const edge of BORDER_EDGES) {
    const border = table.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = '#000000';
  }
  for (const cell of layout.cells) {
    const span = rangeA1(cell.row, cell.col, cell.rowSpan ?? 1, cell.colSpan ?? 1);
    if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1) sheet.getRange(span).merge(false);
    if (cell.role === 'input') continue;
    const range = sheet.getRange(toA1(cell.row, cell.col));
    const text = cell.text ?? '';
    if (text && String(current?.[cell.row]?.[cell.col] ?? '') !== text) {
      range.values = [[text]];
      if (current) changed = true;
    }
    if (cell.role === 'title') {
      range.format.font.bold = true;
      range.format.font.size = 14;
    }
    if (cell.role === 'title' || cell.role === 'header' || cell.role === 'note') sheet.getRange(span).format.horizontalAlignment = 'Center';
    if (cell.role === 'header') range.format.font.bold = true;
  }
  for (const cell of layout.cells) {
    if (cell.role !== 'input' || !cell.key) continue;
    const span = sheet.getRange(rangeA1(cell.row, cell.col, cell.rowSpan ?? 1, cell.colSpan ?? 1));
    if (cell.key === 'meta.template_version') {
      if (String(current?.[cell.row]?.[cell.col] ?? '').trim() === '') {
        span.values = [[TEMPLATE_VERSION]];
        if (current) changed = true;
      }
      continue;
    }
    span.format.protection.locked = false;
    if (!current) {
      span.format.fill.color = INPUT_FILL;
      span.format.horizontalAlignment = cell.key.startsWith('meta.') ? 'Left' : 'Right';
    }
    applyValidation(span, cell);
  }
  if (features.pageLayout) {
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.orientation = WIDE_SHEETS.has(layout.id) ? 'Landscape' : 'Portrait';
    sheet.pageLayout.centerHorizontally = true;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  }
  return changed;
}

/** Rule, prompt and alert, after clearing whatever was there (setting a rule over a rule can throw on the web). */
function applyValidation(range: XlRange, cell: LayoutCell): void {
  const key = cell.key as string;
  range.dataValidation.clear();
  const alert = (message: string): void => {
    range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: '年报助手', message };
  };
  if (key === 'meta.level' || key === 'meta.kind') {
    const labels = key === 'meta.level' ? LEVELS.map((l) => l.label) : REPORT_KINDS.map((k) => k.label);
    range.dataValidation.rule = { list: { inCellDropDown: true, source: labels.join(',') } };
    alert('请从下拉列表中选择。');
  } else if (key === 'meta.year') {
    range.dataValidation.rule = { wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } };
    alert('报告年度应为四位数的年份，如 2024。');
  } else if (!key.startsWith('meta.')) {
    const def = KEY_INDEX.get(key.replace(/^prev\./, ''));
    if (def?.kind === 'amount') {
      range.dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      alert(`这里应填不小于 0 的数（单位：${def.unit}），没有的填 0。`);
    } else {
      range.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      alert('这里应填不小于 0 的整数，没有的填 0。');
    }
  }
  if (cell.prompt) range.dataValidation.prompt = { showPrompt: true, title: '填写说明', message: cell.prompt.slice(0, 255) };
}

function addNames(context: XlContext, layout: SheetLayout, existing: Set<string>): boolean {
  let added = false;
  for (const cell of layout.cells) {
    if (cell.role !== 'input' || !cell.key) continue;
    const name = workbookName(cell.key);
    if (existing.has(name.toLowerCase())) continue;
    context.workbook.names.add(name, `=${qualified({ sheet: layout.name, a1: toA1(cell.row, cell.col, true) })}`);
    existing.add(name.toLowerCase());
    added = true;
  }
  return added;
}

function drawCheckSheet(sheet: XlWorksheet, check: CheckSheet): void {
  const width = check.columnWidths.length;
  sheet.getRange(rangeA1(0, 0, Math.max(check.rows.length + 50, 1), width)).clear('Contents');
  const grid = check.rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const c = row.cells[i];
      if (c === null || c === undefined) return '';
      return typeof c === 'object' ? `=${c.formula}` : c;
    }),
  );
  const all = sheet.getRange(rangeA1(0, 0, grid.length, width));
  all.formulas = grid;
  all.format.font.name = FONT;
  check.columnWidths.forEach((w, i) => (sheet.getRange(`${columnLetters(i)}1`).format.columnWidth = w));
  check.rows.forEach((row, r) => {
    if (row.kind === 'title' || row.kind === 'header' || row.kind === 'section') sheet.getRange(rangeA1(r, 0, 1, width)).format.font.bold = true;
  });
}

/** Like the .xlsx template, the formats read the 校验 cells through names (cross-sheet references are fragile). */
function addConditionalFormats(context: XlContext, check: CheckSheet, installed: Set<string>, existingNames: Set<string>): void {
  const plan = conditionalFormats(check, { viaNames: true });
  for (const n of plan.names) {
    if (existingNames.has(n.name.toLowerCase())) continue;
    context.workbook.names.add(n.name, `=${n.ref}`);
    existingNames.add(n.name.toLowerCase());
  }
  for (const cf of plan.formats) {
    if (!installed.has(cf.sheet)) continue;
    const range = context.workbook.worksheets.getItem(cf.sheet).getRange(cf.address);
    range.conditionalFormats.clearAll();
    for (const [formula, colours] of [
      [cf.errorFormula, CF_ERROR],
      [cf.warningFormula, CF_WARNING],
    ] as const) {
      if (!formula) continue;
      const added = range.conditionalFormats.add('Custom');
      added.custom.rule.formula = `=${formula}`;
      added.custom.format.fill.color = colours.fill;
      added.custom.format.font.color = colours.font;
    }
  }
}
