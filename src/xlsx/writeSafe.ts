/**
 * The last step before any workbook we write becomes bytes: every text made fit for XML (see docx/xmlText), every
 * number finite. exceljs writes whatever it holds — U+FFFE from a unit's name as a raw character, 1e308 × 10 as
 * `<v>Infinity</v>` — and either makes a file Excel refuses to open. A number that is not finite becomes Excel's own
 * #NUM! error value, which is what Excel itself shows for a result out of range.
 */
import ExcelJS from 'exceljs';
import { xmlSafeText } from '../docx/xmlText';

const NUM_ERROR: ExcelJS.CellErrorValue = { error: '#NUM!' };

function safeNumber(n: number): number | ExcelJS.CellErrorValue {
  return Number.isFinite(n) ? n : NUM_ERROR;
}

/** A cell value fit for XML, or the same object when nothing needed changing. */
export function safeCellValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return xmlSafeText(value);
  if (typeof value === 'number') return safeNumber(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? NUM_ERROR : value;
  if (typeof value !== 'object') return value;
  if ('richText' in value && Array.isArray(value.richText)) {
    const richText = value.richText.map((part) => (typeof part.text === 'string' ? { ...part, text: xmlSafeText(part.text) } : part));
    return { ...value, richText };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue;
    const out: Record<string, unknown> = { ...f };
    if (typeof f.formula === 'string') out.formula = xmlSafeText(f.formula);
    if (f.result !== undefined) out.result = safeCellValue(f.result as ExcelJS.CellValue);
    return out as unknown as ExcelJS.CellValue;
  }
  if ('hyperlink' in value) {
    const h = value as ExcelJS.CellHyperlinkValue;
    return { ...h, text: typeof h.text === 'string' ? xmlSafeText(h.text) : h.text, hyperlink: xmlSafeText(String(h.hyperlink ?? '')), tooltip: h.tooltip === undefined ? undefined : xmlSafeText(h.tooltip) };
  }
  if ('error' in value) return value;
  if ('text' in value && typeof (value as { text: unknown }).text === 'string') return { ...value, text: xmlSafeText((value as { text: string }).text) } as ExcelJS.CellValue;
  return value;
}

function safeNote(note: ExcelJS.Cell['note']): ExcelJS.Cell['note'] {
  if (typeof note === 'string') return xmlSafeText(note);
  if (!note || !Array.isArray(note.texts)) return note;
  return { ...note, texts: note.texts.map((t) => (typeof t.text === 'string' ? { ...t, text: xmlSafeText(t.text) } : t)) };
}

function safeValidation(dv: ExcelJS.DataValidation): ExcelJS.DataValidation {
  const out = { ...dv };
  for (const k of ['prompt', 'promptTitle', 'error', 'errorTitle'] as const) {
    if (typeof out[k] === 'string') out[k] = xmlSafeText(out[k] as string);
  }
  return out;
}

/** Make every text and number of a workbook writable. Returns how many values were changed. */
export function sanitizeWorkbook(wb: ExcelJS.Workbook): number {
  let changed = 0;
  const props = wb as unknown as Record<string, unknown>;
  for (const k of ['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'category', 'description', 'company', 'manager']) {
    if (typeof props[k] === 'string') {
      const safe = xmlSafeText(props[k] as string);
      if (safe !== props[k]) {
        props[k] = safe;
        changed += 1;
      }
    }
  }
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const before = cell.value;
        const after = safeCellValue(before);
        if (JSON.stringify(after) !== JSON.stringify(before) || (typeof before === 'number' && after !== before)) {
          cell.value = after;
          changed += 1;
        }
        if (cell.note) {
          const note = safeNote(cell.note);
          if (JSON.stringify(note) !== JSON.stringify(cell.note)) {
            cell.note = note;
            changed += 1;
          }
        }
        if (cell.dataValidation) {
          const dv = safeValidation(cell.dataValidation);
          if (JSON.stringify(dv) !== JSON.stringify(cell.dataValidation)) {
            cell.dataValidation = dv;
            changed += 1;
          }
        }
      });
    });
    const hf = ws.headerFooter as unknown as Record<string, unknown> | undefined;
    if (hf) for (const [k, v] of Object.entries(hf)) if (typeof v === 'string' && xmlSafeText(v) !== v) hf[k] = xmlSafeText(v);
  }
  return changed;
}

/** The workbook as .xlsx bytes, made safe first. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  sanitizeWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** Whether Excel accepts a sheet name (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  SHEET_NAME_FORBIDDEN.lastIndex = 0;
  const bad = SHEET_NAME_FORBIDDEN.test(name);
  SHEET_NAME_FORBIDDEN.lastIndex = 0;
  return name.length > 0 && name.length <= 31 && !bad && !name.startsWith("'") && !name.endsWith("'") && xmlSafeText(name) === name && name.toLowerCase() !== 'history';
}

/** Excel compares sheet names without case. */
export function sheetKey(name: string): string {
  return name.toLocaleLowerCase('zh-CN');
}

/**
 * A name Excel accepts: forbidden characters replaced, at most 31 characters, no quote at either end, and unlike
 * every key in `taken` (which it is added to).
 */
export function fitSheetName(wanted: string, taken: Set<string>): string {
  const base =
    xmlSafeText(wanted)
      .replace(/\\u[0-9A-F]{4}/g, '_')
      .replace(SHEET_NAME_FORBIDDEN, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(sheetKey(name)) || sheetKey(name) === 'history'; i += 1) {
    const suffix = String(i);
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(sheetKey(name));
  return name;
}

/** A valid name for a new sheet in `wb`, unlike every sheet already there. */
export function safeSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  return fitSheetName(wanted, new Set(wb.worksheets.map((w) => sheetKey(w.name))));
}
