/**
 * Reading one raw cell value. Whatever a workbook, a JSON file or a published text holds becomes either a number, a
 * blank, or an invalid value that says what was found. Never throws.
 */
import type { ValueKind } from '../spec';

export type InvalidCode = 'text' | 'negative' | 'fraction' | 'date' | 'boolean' | 'error' | 'not-finite' | 'unreadable';

export type CellValue =
  | { state: 'number'; value: number; raw: unknown }
  | { state: 'blank'; raw: unknown; placeholder: string | null }
  | { state: 'invalid'; code: InvalidCode; raw: unknown; found: string; value?: number };

const PLACEHOLDERS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '―', '─', '无', '空', 'N/A', 'n/a', '/ ']);
const ERROR_VALUES = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** Full-width digits and signs to ASCII, spaces (incl. ideographic and no-break) removed. */
export function normaliseNumericText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/，/g, ',')
    .replace(/。/g, '.');
}

function describeNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** Shared cells for the small whole numbers most reports consist of (immutable; saves allocations). */
const SMALL: readonly CellValue[] = Array.from({ length: 1024 }, (_, n) => Object.freeze({ state: 'number' as const, value: n, raw: n }));

function fromNumber(n: number, kind: ValueKind, raw: unknown): CellValue {
  if (raw === n && n >= 0 && n < 1024 && Number.isInteger(n)) return SMALL[n];
  if (!Number.isFinite(n)) return { state: 'invalid', code: 'not-finite', raw, found: String(n) };
  if (n < 0) return { state: 'invalid', code: 'negative', raw, found: describeNumber(n), value: n };
  if (kind === 'count' && !Number.isInteger(n)) {
    // 3.0000000001 from a spreadsheet's floating point is still 3.
    const rounded = Math.round(n);
    if (Math.abs(n - rounded) < 1e-9) return { state: 'number', value: rounded, raw };
    return { state: 'invalid', code: 'fraction', raw, found: describeNumber(n), value: n };
  }
  return { state: 'number', value: n, raw };
}

function isErrorObject(raw: object): raw is { error: string } {
  return 'error' in raw && typeof (raw as { error: unknown }).error === 'string';
}

function isFormulaObject(raw: object): raw is { formula?: string; sharedFormula?: string; result?: unknown } {
  return 'formula' in raw || 'sharedFormula' in raw;
}

export function readValue(raw: unknown, kind: ValueKind): CellValue {
  if (raw === null || raw === undefined) return { state: 'blank', raw, placeholder: null };
  if (typeof raw === 'number') return fromNumber(raw, kind, raw);
  if (typeof raw === 'boolean') return { state: 'invalid', code: 'boolean', raw, found: raw ? 'TRUE' : 'FALSE' };
  if (raw instanceof Date) {
    const found = Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString().slice(0, 10);
    return { state: 'invalid', code: 'date', raw, found };
  }
  if (typeof raw === 'string') return readText(raw, kind);
  if (typeof raw === 'object') {
    if (isErrorObject(raw)) return { state: 'invalid', code: 'error', raw, found: raw.error };
    // A cell the reader could not read exactly (a missing shared string, an unknown cell type): says what it found.
    if ('unreadable' in raw && typeof (raw as { unreadable: unknown }).unreadable === 'string') return { state: 'invalid', code: 'unreadable', raw, found: (raw as { unreadable: string }).unreadable };
    if (isFormulaObject(raw)) {
      const result = raw.result;
      // A formula without a cached result cannot be read without recalculating: report it, never guess.
      if (result === undefined) return { state: 'invalid', code: 'error', raw, found: `=${raw.formula ?? raw.sharedFormula ?? ''}（公式没有计算结果）` };
      return readValue(result, kind);
    }
    if ('richText' in raw && Array.isArray((raw as { richText: unknown }).richText)) {
      const text = ((raw as { richText: { text?: unknown }[] }).richText)
        .map((part) => (typeof part.text === 'string' ? part.text : ''))
        .join('');
      return readText(text, kind);
    }
    if ('text' in raw && typeof (raw as { text: unknown }).text === 'string') return readText((raw as { text: string }).text, kind);
  }
  return { state: 'invalid', code: 'text', raw, found: safeString(raw) };
}

function safeString(raw: unknown): string {
  try {
    const s = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(raw);
  }
}

function readText(text: string, kind: ValueKind): CellValue {
  const trimmed = text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (trimmed === '') return { state: 'blank', raw: text, placeholder: text === '' ? null : text };
  if (PLACEHOLDERS.has(trimmed) || /^[-－—–―─]+$/.test(trimmed)) return { state: 'blank', raw: text, placeholder: trimmed };
  if (ERROR_VALUES.test(trimmed)) return { state: 'invalid', code: 'error', raw: text, found: trimmed.toUpperCase() };
  const compact = normaliseNumericText(trimmed);
  if (NUMERIC.test(compact)) return fromNumber(Number(compact.replace(/,/g, '')), kind, text);
  if (DATE_TEXT.test(compact)) return { state: 'invalid', code: 'date', raw: text, found: trimmed };
  if (/^(true|false)$/i.test(compact)) return { state: 'invalid', code: 'boolean', raw: text, found: compact.toUpperCase() };
  return { state: 'invalid', code: 'text', raw: text, found: trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed };
}
