/**
 * The supervisor's 审核结果 workbook, rendered from the core summary: 单位汇总, 规则汇总, 问题明细, each with filters and
 * a frozen header, status and level cells coloured. Only exceljs, so the command line and the offline page (exceljs's
 * browser build) write the same workbook.
 */
import ExcelJS from 'exceljs';
import type { Severity } from '../spec';
import { SUMMARY_COLUMNS, SUMMARY_SHEETS, summaryRows, type Summary, type SummaryTable } from '../core';

export const MARK_ARGB: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

function addTable(wb: ExcelJS.Workbook, summary: Summary, table: SummaryTable): void {
  const columns = SUMMARY_COLUMNS[table];
  const { rows, marks, markColumn } = summaryRows(summary, table);
  const ws = wb.addWorksheet(SUMMARY_SHEETS[table], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  rows.forEach((cells, i) => {
    const row = ws.addRow(cells.map((v) => (v === null ? '' : v)));
    row.alignment = { vertical: 'top', wrapText: true };
    const mark = marks[i];
    if (mark) row.getCell(markColumn + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_ARGB[mark] } };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export function buildSummaryWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  for (const table of ['units', 'rules', 'findings'] as const) addTable(wb, summary, table);
  return wb;
}
