/** The member list of an aggregate report, kept in the workbook on the 汇总成员 sheet (written by merge, read back). */
import type ExcelJS from 'exceljs';
import { cellText } from './grid';
import { normaliseLabel } from './labelMatch';

export const MEMBERS_SHEET_NAME = '汇总成员';
export const MEMBERS_COLUMNS = ['序号', '机关名称', '报告年度', '来源文件'] as const;

export interface MemberEntry {
  body: string;
  year: number | null;
  file: string;
}

export function writeMembersSheet(wb: ExcelJS.Workbook, members: readonly MemberEntry[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(MEMBERS_SHEET_NAME);
  ws.columns = [{ width: 8 }, { width: 40 }, { width: 12 }, { width: 50 }];
  ws.addRow([...MEMBERS_COLUMNS]).font = { bold: true };
  members.forEach((m, i) => ws.addRow([i + 1, m.body, m.year, m.file]));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

/** The member bodies listed on the 汇总成员 sheet, or undefined when the workbook has no such sheet. */
export function readMembers(wb: ExcelJS.Workbook): string[] | undefined {
  const ws = wb.getWorksheet(MEMBERS_SHEET_NAME);
  if (!ws) return undefined;
  let bodyCol = -1;
  let headerRow = -1;
  ws.eachRow((row, r) => {
    if (headerRow > 0) return;
    row.eachCell((cell, c) => {
      if (headerRow < 0 && normaliseLabel(cellText(cell.value) ?? '') === normaliseLabel(MEMBERS_COLUMNS[1])) {
        headerRow = r;
        bodyCol = c;
      }
    });
  });
  if (headerRow < 0) return [];
  const out: string[] = [];
  const last = ws.rowCount;
  for (let r = headerRow + 1; r <= last; r += 1) {
    const name = cellText(ws.getRow(r).getCell(bodyCol).value)?.trim();
    if (name) out.push(name);
  }
  return out;
}
