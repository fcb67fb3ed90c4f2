/**
 * A loaded workbook seen as text cells and values by position: what the label locator searches. Rows and columns are
 * 0-based as in spec/layout.ts; exceljs counts from 1.
 */
import ExcelJS from 'exceljs';
import type { RawValue } from '../core';
import { toA1 } from '../core';
import { normaliseLabel } from './labelMatch';

export interface TextCell {
  sheet: SheetGrid;
  row: number;
  col: number;
  text: string;
  /** normaliseLabel(text). */
  norm: string;
}

export interface SheetGrid {
  name: string;
  ws: ExcelJS.Worksheet;
  texts: TextCell[];
  /** Text cells by row, sorted by column. */
  rows: Map<number, TextCell[]>;
}

export interface Grid {
  sheets: SheetGrid[];
}

/** Where a key was found. */
export interface CellRef {
  sheet: SheetGrid;
  row: number;
  col: number;
}

/** `withTexts` limits the text scan to some sheets (the others are listed, with no texts): scanning costs time. */
export function buildGrid(wb: ExcelJS.Workbook, withTexts: (sheetName: string) => boolean = () => true): Grid {
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const sheet: SheetGrid = { name: ws.name, ws, texts: [], rows: new Map() };
    sheets.push(sheet);
    if (!withTexts(ws.name)) return;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const text = cellText(cell.value);
        if (text === null || text.trim() === '') return;
        const tc: TextCell = { sheet, row: rowNumber - 1, col: colNumber - 1, text, norm: normaliseLabel(text) };
        sheet.texts.push(tc);
        const list = sheet.rows.get(tc.row);
        if (list) list.push(tc);
        else sheet.rows.set(tc.row, [tc]);
      });
    });
    for (const list of sheet.rows.values()) list.sort((a, b) => a.col - b.col);
  });
  return { sheets };
}

/** The text of a label-like cell (strings and rich text), or null for numbers, dates and the like. */
export function cellText(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      return typeof r === 'string' ? r : null;
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  }
  return null;
}

/**
 * A cell's value as report data: numbers and text as they are, rich text joined, a formula as its cached result. What
 * cannot be said as a number or a string (a date, an error value, a formula with no cached result) is passed on as
 * exceljs gave it: the core's readValue reads those objects and reports what was found.
 */
export function rawValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v as unknown as RawValue;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) return v as unknown as RawValue;
      return rawValue(result);
    }
    if ('error' in v) return v as unknown as RawValue;
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  }
  return v as unknown as RawValue;
}

export function valueAt(ref: CellRef): RawValue {
  return rawValue(ref.sheet.ws.getCell(ref.row + 1, ref.col + 1).value);
}

export function addressOf(ref: CellRef): string {
  return `${ref.sheet.name}!${toA1(ref.row, ref.col)}`;
}
