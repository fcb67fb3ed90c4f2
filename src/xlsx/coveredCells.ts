/**
 * How many cells exceljs would create when loading a workbook: it expands every defined name, merged area and data
 * validation range into single cells, so one name over a whole sheet (`'表二'!$A$1:$XFD$1048576`) costs gigabytes.
 * Counted from the XML before exceljs sees the file.
 */
import type { ZipArchive } from '../workbook';
import { decodePart, elementSpan, parseArea, parseXml, type WorkbookPart } from '../workbook';

function areaCells(ref: string): number {
  let total = 0;
  for (const piece of ref.replace(/^.*!/, '').split(/[\s,]+/)) {
    const a = parseArea(piece.replace(/\$/g, ''));
    if (a) total += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  }
  return total;
}

/** Whole columns or rows (`$A:$C`, `$1:$3`) in a reference count as the cells they span. */
function referenceCells(ref: string): number {
  let total = 0;
  for (const piece of ref.split(',')) {
    const target = piece.replace(/^.*!/, '').replace(/\$/g, '').trim();
    const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(target);
    const rows = /^(\d+):(\d+)$/.exec(target);
    if (cols) total += 1048576 * (Math.abs(colIndex(cols[2]) - colIndex(cols[1])) + 1);
    else if (rows) total += 16384 * (Math.abs(Number(rows[2]) - Number(rows[1])) + 1);
    else total += areaCells(target);
  }
  return total;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function coveredCells(zip: ZipArchive, part: WorkbookPart): { cells: number; what: string } {
  let names = 0;
  for (const ref of part.names.values()) names += referenceCells(ref);
  let merges = 0;
  let validations = 0;
  for (const sheet of part.sheets) {
    if (!sheet.part) continue;
    const text = decodePart(zip.read(sheet.part));
    const m = elementSpan(text, 'mergeCells');
    if (m) {
      parseXml(sheet.part, text.slice(m.start, m.end), {
        open(el, a) {
          if (el === 'mergeCell' && a.ref) merges += areaCells(a.ref);
        },
      });
    }
    const v = elementSpan(text, 'dataValidations');
    if (v) {
      parseXml(sheet.part, text.slice(v.start, v.end), {
        open(el, a) {
          if (el === 'dataValidation' && a.sqref) validations += areaCells(a.sqref);
        },
      });
    }
  }
  const parts: [number, string][] = [
    [names, '名称'],
    [merges, '合并单元格'],
    [validations, '数据验证'],
  ];
  const worst = parts.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { cells: names + merges + validations, what: worst[1] };
}
