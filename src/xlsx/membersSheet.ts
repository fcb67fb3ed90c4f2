/** The member list of an aggregate report, kept in the workbook on the 汇总成员 sheet (written by merge, read back). */
import type ExcelJS from 'exceljs';
import { MEMBERS_COLUMNS, MEMBERS_SHEET_NAME } from '../spec';

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
