/**
 * 插入年报模板: draw the template sheets from spec/layout.ts, the 校验 sheet from the compiled formulas, the 核实说明
 * sheet and our hidden store. Three syncs whatever the workbook holds: (1) which sheets and names exist, (2) what our
 * existing sheets hold, (3) every write. Input cells are never written (except the template version, when blank), and a
 * sheet that has one of our names but not our title is left alone and reported as skipped. The writes are idempotent:
 * after a failed write ./recovery.ts runs the install again, which finishes it (sheets this install created count as
 * ours and are drawn as new).
 */
import { EXPLANATION_COLUMNS, EXPLANATION_SHEET_NAME, KEY_INDEX, LEVELS, REPORT_KINDS, SHEETS, TEMPLATE_VERSION, type LayoutCell, type SheetLayout } from '../spec';
import { buildCheckSheet, conditionalFormats, rangeA1, toA1, workbookName, columnLetters, type CheckSheet } from '../core';
import type { InstallOutcome } from '../taskpane/services';
import { pageLayout, type Capabilities } from './capabilities';
import type { XlContext, XlRange, XlWorksheet } from './host';
import { planProtection, protectAgain, unprotectFor, withRecovery, type RecoveryState } from './recovery';
import { INPUT_FILL, MARK_FILL, STORE_SHEET, asText, assertTemplateVersion, qualified } from './workbook';
import { STORE_HEADER } from './marks';

const FONT = '宋体';
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
const CF_ERROR = { fill: MARK_FILL.error, font: '#9C0006' };
const CF_WARNING = { fill: MARK_FILL.warning, font: '#9C5700' };
const WIDE_SHEETS = new Set(['t3', 't4']);

interface Existing {
  name: string;
  sheet: XlWorksheet;
  block: XlRange | null;
  /** Created by an earlier run of this install that failed: ours, drawn as new. */
  created: boolean;
}

export function installTemplate(context: XlContext, caps: Capabilities): Promise<InstallOutcome> {
  return withRecovery(context, (state) => installOnce(context, caps, state));
}

async function installOnce(context: XlContext, caps: Capabilities, state: RecoveryState): Promise<InstallOutcome> {
  const wb = context.workbook;
  const check = buildCheckSheet();
  const sheetsLoaded = wb.worksheets.load('items/name,items/protection/protected,items/protection/options');
  const namesLoaded = wb.names.load('items/name');
  await context.sync();

  const present = new Map(sheetsLoaded.items.map((s) => [s.name.toLowerCase(), s] as const));
  const existingNames = new Set(namesLoaded.items.map((n) => n.name.toLowerCase()));
  const ourNames = [...SHEETS.map((s) => s.name), check.name, EXPLANATION_SHEET_NAME, STORE_SHEET];
  const existing = new Map<string, Existing>();
  for (const name of ourNames) {
    const sheet = present.get(name.toLowerCase());
    if (!sheet) continue;
    const created = state.created.has(name);
    const layout = SHEETS.find((s) => s.name === name);
    const block = created
      ? null
      : layout
        ? sheet.getRange(rangeA1(0, 0, layout.rowCount, layout.columnWidths.length)).load('values')
        : name === check.name
          ? sheet.getRange('A1').load('values')
          : null;
    existing.set(name, { name, sheet, block, created });
  }
  if ([...existing.values()].some((e) => e.block)) await context.sync();

  const outcome: InstallOutcome = { created: [], repaired: [], skipped: [] };
  const metaLayout = SHEETS.find((s) => s.id === 'meta') as SheetLayout;
  const meta = existing.get(metaLayout.name);
  if (meta?.block && isOurs(metaLayout, meta.block.values)) {
    const versionCell = metaLayout.cells.find((c) => c.key === 'meta.template_version') as LayoutCell;
    assertTemplateVersion(meta.block.values[versionCell.row][versionCell.col]);
  }

  // Which sheets are drawn, and so unprotected first and protected at the end.
  const layouts = SHEETS.filter((layout) => {
    const found = existing.get(layout.name);
    const ours = !found || found.created || (found.block !== null && isOurs(layout, found.block.values));
    if (!ours) outcome.skipped.push(layout.name);
    return ours;
  });
  const checkFound = existing.get(check.name);
  const checkOurs = !checkFound || checkFound.created || (checkFound.block !== null && String(checkFound.block.values[0][0]) === String(check.rows[0].cells[0]));
  if (!checkOurs) outcome.skipped.push(check.name);
  const drawn = [...layouts.map((l) => l.name), ...(checkOurs ? [check.name] : [])];
  const prot = sheetsLoaded.items.filter((s) => s.protection.protected);
  const protection = planProtection(
    state,
    { names: new Set(sheetsLoaded.items.map((s) => s.name)), protectedSheets: new Set(prot.map((s) => s.name)), protectionOptions: new Map(prot.map((s) => [s.name, s.protection.options] as const)) },
    drawn,
    drawn,
  );
  const sheetFor = (name: string): XlWorksheet => {
    const found = existing.get(name);
    if (found) return found.sheet;
    state.created.add(name);
    return wb.worksheets.add(name);
  };
  const byName = new Map<string, XlWorksheet>();
  unprotectFor(protection, (name) => existing.get(name)?.sheet ?? wb.worksheets.getItem(name));

  const installed = new Set<string>();
  for (const layout of layouts) {
    const found = existing.get(layout.name);
    const isNew = !found || found.created;
    const sheet = sheetFor(layout.name);
    byName.set(layout.name, sheet);
    const changed = drawLayout(sheet, layout, isNew ? null : (found?.block?.values ?? null), caps);
    const namesAdded = addNames(context, layout, existingNames);
    installed.add(layout.name);
    if (isNew) outcome.created.push(layout.name);
    else if (changed || namesAdded) outcome.repaired.push(layout.name);
  }

  if (checkOurs) {
    const sheet = sheetFor(check.name);
    byName.set(check.name, sheet);
    drawCheckSheet(sheet, check);
    (checkFound && !checkFound.created ? outcome.repaired : outcome.created).push(check.name);
    // The live marks read the 校验 sheet: only where it is ours.
    addConditionalFormats(context, check, installed, existingNames);
  }

  const explanation = existing.get(EXPLANATION_SHEET_NAME);
  if (!explanation || explanation.created) {
    const sheet = sheetFor(EXPLANATION_SHEET_NAME);
    const header = sheet.getRange(rangeA1(0, 0, 1, EXPLANATION_COLUMNS.length));
    header.values = [EXPLANATION_COLUMNS.map(asText)];
    header.format.font.bold = true;
    header.format.font.name = FONT;
    [110, 160, 420, 320, 120].forEach((w, i) => (sheet.getRange(toA1(0, i)).format.columnWidth = w));
    outcome.created.push(EXPLANATION_SHEET_NAME);
  }
  const store = existing.get(STORE_SHEET);
  if (!store || store.created) {
    const sheet = sheetFor(STORE_SHEET);
    sheet.getRange(rangeA1(0, 0, 1, STORE_HEADER.length)).values = [STORE_HEADER.map(asText)];
    sheet.visibility = 'VeryHidden';
  }
  protectAgain(protection, (name) => byName.get(name) ?? wb.worksheets.getItem(name));
  state.writing = true;
  await context.sync();
  return outcome;
}

/** Ours: the title cell holds our title. */
function isOurs(layout: SheetLayout, values: unknown[][]): boolean {
  const title = layout.cells.find((c) => c.role === 'title');
  return !!title && String(values[title.row]?.[title.col] ?? '').trim() === title.text;
}

/** Queue the drawing of one template sheet; `current` is what an existing sheet holds (null for a new one). */
function drawLayout(sheet: XlWorksheet, layout: SheetLayout, current: unknown[][] | null, caps: Capabilities): boolean {
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
      range.values = [[asText(text)]];
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
        span.values = [[asText(TEMPLATE_VERSION)]];
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
  const page = pageLayout(sheet, caps);
  if (page) {
    page.paperSize = 'A4';
    page.orientation = WIDE_SHEETS.has(layout.id) ? 'Landscape' : 'Portrait';
    page.centerHorizontally = true;
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
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

/** The grid is written over what is there (never cleared first: a failure midway must leave the title for a second run). */
function drawCheckSheet(sheet: XlWorksheet, check: CheckSheet): void {
  const width = check.columnWidths.length;
  const grid = check.rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const c = row.cells[i];
      if (c === null || c === undefined) return '';
      return typeof c === 'object' ? `=${c.formula}` : typeof c === 'string' ? asText(c) : c;
    }),
  );
  const all = sheet.getRange(rangeA1(0, 0, grid.length, width));
  all.formulas = grid;
  // Rows an older, longer 校验 sheet had below.
  sheet.getRange(rangeA1(grid.length, 0, 50, width)).clear('Contents');
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
