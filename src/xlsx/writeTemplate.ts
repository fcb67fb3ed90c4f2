/**
 * The template as an .xlsx file (exceljs), drawn from the same spec as the task pane: the official tables with merged
 * headers, validated input cells, a workbook name per key, the live 校验 sheet and conditional formats, so that the
 * file checks itself in Excel, WPS or LibreOffice with no add-in.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { workbookBytes } from './writeSafe';
import {
  EXPLANATION_COLUMNS,
  EXPLANATION_SHEET_NAME,
  KEY_INDEX,
  LEVELS,
  REPORT_KINDS,
  SHEETS,
  T3_COLUMNS,
  T3_FIRST_VALUE_COL,
  T3_OTHER_COMBINED_ROW,
  TEMPLATE_VERSION,
  type LayoutCell,
  type SheetLayout,
} from '../spec';
import {
  buildCheckSheet,
  conditionalFormats,
  keyAddress,
  quoteSheet,
  toA1,
  workbookName,
  type CheckSheet,
  type ReportData,
} from '../core';

export const FONT_NAME = '宋体';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
export const FILL_ERROR = 'FFFFC7CE';
export const FILL_WARNING = 'FFFFEB9C';
const FILL_HEADER = 'FFF2F2F2';
const FILL_INPUT = 'FFFFFFFF';

export interface TemplateExplanation {
  rule: string;
  target: string;
  message?: string;
  text: string;
  time?: string;
}

export interface TemplateOptions {
  /** Values to fill in (numbers or the raw strings found), meta and last year's figures. */
  report?: ReportData;
  explanations?: readonly TemplateExplanation[];
}

/** Points (layout) to exceljs column width (characters of the default font). */
export function pointsToWidth(points: number): number {
  return Math.round((points / 5.6) * 100) / 100;
}

function metaValue(key: string, report: ReportData | undefined): string | number | null {
  if (key === 'meta.template_version') return TEMPLATE_VERSION;
  if (!report) return key === 'meta.kind' ? REPORT_KINDS[0].label : null;
  const m = report.meta;
  switch (key) {
    case 'meta.body':
      return m.body ?? null;
    case 'meta.year':
      return typeof m.year === 'number' ? m.year : m.year ? String(m.year) : null;
    case 'meta.level':
      return LEVELS.find((l) => l.key === m.level)?.label ?? m.level ?? null;
    case 'meta.kind':
      return REPORT_KINDS.find((k) => k.key === (m.kind ?? 'own'))?.label ?? String(m.kind);
    default:
      return null;
  }
}

function inputValue(key: string, report: ReportData | undefined): ExcelJS.CellValue {
  if (key.startsWith('meta.')) return metaValue(key, report);
  if (!report) return null;
  const raw = key.startsWith('prev.') ? report.prev?.[key.slice(5)] ?? report.prev?.[key] : report.values[key];
  if (raw === undefined || raw === null) return null;
  return typeof raw === 'boolean' ? String(raw) : raw;
}

function styleCell(cell: ExcelJS.Cell, layout: LayoutCell): void {
  const title = layout.role === 'title';
  cell.font = { name: FONT_NAME, size: title ? 14 : 11, bold: title || layout.role === 'header' };
  const left = layout.role === 'label' && layout.text !== undefined && !/^[一二三四]、本年度办理结果|（[三四五六]）/.test(layout.text);
  cell.alignment = { vertical: 'middle', horizontal: left ? 'left' : 'center', wrapText: true };
  if (!title) cell.border = BORDER;
  if (layout.role === 'header' || layout.role === 'note') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
  if (layout.role === 'input') {
    cell.protection = { locked: false };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_INPUT } };
  } else cell.protection = { locked: true };
}

function validationFor(layout: LayoutCell): ExcelJS.DataValidation | undefined {
  const key = layout.key ?? '';
  const prompt = { showInputMessage: true, promptTitle: '填写说明', prompt: layout.prompt ?? '' };
  if (key === 'meta.level') {
    return { type: 'list', allowBlank: true, formulae: [`"${LEVELS.map((l) => l.label).join(',')}"`], ...prompt, showErrorMessage: true, errorTitle: '机关层级', error: '请从下拉列表中选择机关层级' };
  }
  if (key === 'meta.kind') {
    return { type: 'list', allowBlank: true, formulae: [`"${REPORT_KINDS.map((k) => k.label).join(',')}"`], ...prompt, showErrorMessage: true, errorTitle: '报告类型', error: '请从下拉列表中选择报告类型' };
  }
  if (key === 'meta.year') {
    return { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], ...prompt, showErrorMessage: true, errorTitle: '报告年度', error: '请填写四位数的年度，如 2024' };
  }
  if (key.startsWith('meta.')) return undefined;
  const def = KEY_INDEX.get(key.replace(/^prev\./, ''));
  if (!def) return undefined;
  const amount = def.kind === 'amount';
  return {
    type: amount ? 'decimal' : 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    ...prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: amount ? '应填金额' : '应填件数',
    error: amount ? '请填写不小于 0 的数，没有的填 0' : '请填写不小于 0 的整数，没有的填 0',
  };
}

function drawSheet(wb: ExcelJS.Workbook, layout: SheetLayout, report: ReportData | undefined): ExcelJS.Worksheet {
  const landscape = layout.id === 't3' || layout.id === 't4';
  const ws = wb.addWorksheet(layout.name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  layout.columnWidths.forEach((pt, i) => {
    ws.getColumn(i + 1).width = pointsToWidth(pt);
  });
  for (let r = 0; r < layout.rowCount; r += 1) ws.getRow(r + 1).height = layout.rowHeights[r] ?? 20;
  for (const c of layout.cells) {
    const rowSpan = c.rowSpan ?? 1;
    const colSpan = c.colSpan ?? 1;
    // Style every cell under a merge so borders draw all round.
    for (let r = c.row; r < c.row + rowSpan; r += 1) {
      for (let col = c.col; col < c.col + colSpan; col += 1) styleCell(ws.getCell(r + 1, col + 1), c);
    }
    if (rowSpan > 1 || colSpan > 1) ws.mergeCells(c.row + 1, c.col + 1, c.row + rowSpan, c.col + colSpan);
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.role === 'input' && c.key) {
      cell.value = inputValue(c.key, report);
      const dv = validationFor(c);
      if (dv) cell.dataValidation = dv;
      if (c.key === 'meta.template_version') cell.protection = { locked: true };
      const def = KEY_INDEX.get(c.key.replace(/^prev\./, ''));
      if (def?.kind === 'amount') cell.numFmt = '0.00##';
      wb.definedNames.add(`${quoteSheet(layout.name)}!${toA1(c.row, c.col, true)}`, workbookName(c.key));
    } else if (c.text !== undefined) {
      cell.value = c.text;
    }
  }
  if (layout.id === 't3') drawCombinedOtherRow(wb, ws, layout, report);
  return ws;
}

/**
 * Report data with a 2019-style single （六）其他处理 row (`t3.other_combined.*`): the 2021 table has no cells for it,
 * so its figures go in a marked row under the table, named like every input, to be split by the clerk. Nothing read
 * is lost, and reading the file back gives the same report.
 */
function drawCombinedOtherRow(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, layout: SheetLayout, report: ReportData | undefined): void {
  const keys = T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`);
  const values = keys.map((k) => report?.values[k]);
  if (values.every((v) => v === undefined || v === null || v === '')) return;
  const row = layout.rowCount + 2; // 1-based, one blank row under the table
  ws.mergeCells(row, 1, row, T3_FIRST_VALUE_COL);
  const label = ws.getCell(row, 1);
  label.value = '原报告按 2019 年格式合并填报的“（六）其他处理”（不属于 2021 年格式：请拆分填入上面三行后清空本行）';
  ws.getRow(row).height = 45;
  keys.forEach((key, i) => {
    const cell = ws.getCell(row, T3_FIRST_VALUE_COL + 1 + i);
    const v = values[i];
    cell.value = v === undefined || v === null ? null : typeof v === 'boolean' ? String(v) : v;
    cell.protection = { locked: false };
    wb.definedNames.add(`${quoteSheet(layout.name)}!${toA1(row - 1, T3_FIRST_VALUE_COL + i, true)}`, workbookName(key));
  });
  for (let c = 1; c <= T3_FIRST_VALUE_COL + keys.length; c += 1) {
    const cell = ws.getCell(row, c);
    cell.font = { name: FONT_NAME, size: 10 };
    cell.alignment = { vertical: 'middle', horizontal: c <= T3_FIRST_VALUE_COL ? 'left' : 'center', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_WARNING } };
  }
}

function drawCheckSheet(wb: ExcelJS.Workbook, check: CheckSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(check.name, {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  check.columnWidths.forEach((pt, i) => {
    ws.getColumn(i + 1).width = pointsToWidth(pt);
  });
  check.rows.forEach((row, r) => {
    row.cells.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof value === 'object' ? { formula: value.formula } : value;
      cell.font = { name: FONT_NAME, size: row.kind === 'title' ? 13 : 10, bold: row.kind !== 'rule' && row.kind !== 'value' };
      cell.alignment = { vertical: 'middle', wrapText: c === 2 };
      if (row.kind === 'header') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
    });
  });
  const last = check.rows.length;
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 7 } };
  ws.addConditionalFormatting({
    ref: `F5:F${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: ['"不符"'], priority: 1, style: { font: { color: { argb: 'FF9C0006' }, bold: true }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL_ERROR } } } },
    ],
  });
  return ws;
}

function drawExplanations(wb: ExcelJS.Workbook, explanations: readonly TemplateExplanation[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(EXPLANATION_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  [90, 150, 360, 300, 120].forEach((pt, i) => {
    ws.getColumn(i + 1).width = pointsToWidth(pt);
  });
  const header = ws.getRow(1);
  EXPLANATION_COLUMNS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { name: FONT_NAME, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
  });
  explanations.forEach((e, i) => {
    ws.getRow(i + 2).values = [e.rule, e.target, e.message ?? '', e.text, e.time ?? ''];
  });
  return ws;
}

/** Build the template workbook. Pure in-memory; write it with `workbook.xlsx.writeFile` or `writeBuffer`. */
export async function writeTemplateWorkbook(options: TemplateOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  wb.created = new Date(0);
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets: ExcelJS.Worksheet[] = [];
  for (const layout of SHEETS) sheets.push(drawSheet(wb, layout, options.report));

  const check = buildCheckSheet();
  sheets.push(drawCheckSheet(wb, check));
  const plan = conditionalFormats(check, { viaNames: true });
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  for (const f of plan.formats) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const rules: ExcelJS.ConditionalFormattingRule[] = [];
    if (f.errorFormula) {
      rules.push({ type: 'expression', priority: 1, formulae: [f.errorFormula], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL_ERROR } } } });
    }
    if (f.warningFormula) {
      rules.push({ type: 'expression', priority: 2, formulae: [f.warningFormula], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL_WARNING } } } });
    }
    if (rules.length) ws.addConditionalFormatting({ ref: f.address, rules });
  }
  drawExplanations(wb, options.explanations ?? []);
  // Labels locked, inputs open; no password — protection guards against slips, not people.
  for (const ws of sheets) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return wb;
}

/** The template as .xlsx bytes, every text and number made safe to write (see writeSafe). */
export async function templateBytes(options: TemplateOptions = {}): Promise<Buffer> {
  return workbookBytes(await writeTemplateWorkbook(options));
}

export async function writeTemplateFile(file: string, options: TemplateOptions = {}): Promise<void> {
  await fs.writeFile(file, await templateBytes(options));
}

/** Where a key sits, as `表三!D5`, for messages. */
export function templateAddress(key: string): string | undefined {
  return keyAddress(key);
}
