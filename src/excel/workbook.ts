/**
 * What the adapter knows about a workbook of ours: sheet names, the hidden store, cell addresses, and how raw Excel
 * cell contents become report data for the core.
 */
import { KEY_POSITIONS, LEVELS, REPORT_KINDS, TEMPLATE_VERSION } from '../spec';
import { quoteSheet, toA1, type RawValue, type ReportData } from '../core';
import { ServiceError } from '../taskpane/services';
import { MESSAGES } from './errors';

/** Very hidden sheet holding what check changed (to undo it exactly). */
export const STORE_SHEET = '_年报助手';
export const NARRATIVE_SHEET = '正文';
/** Every note or comment we add starts with this tag: that is how clear finds ours and leaves the user's alone. */
export const NOTE_TAG = '【年报助手】';
export const MARK_FILL = { error: '#FFC7CE', warning: '#FFEB9C' } as const;
export const INPUT_FILL = '#FFFFF0';

/** Every input cell the template has: tables, fees, narrative figures, last year's figures, metadata. */
export const INPUT_KEYS: readonly string[] = [...KEY_POSITIONS.keys()];

export interface CellAt {
  sheet: string;
  /** A1 address on its sheet, no `$`. */
  a1: string;
}

export function layoutCell(key: string): CellAt | null {
  const pos = KEY_POSITIONS.get(key);
  return pos ? { sheet: pos.sheet.name, a1: toA1(pos.row, pos.col) } : null;
}

/** `表三!D5`, `'My sheet'!$D$5:$E$6` → sheet and first cell. */
export function splitAddress(address: string): CellAt {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: address.slice(bang + 1).split(':')[0].replace(/\$/g, '') };
}

export function qualified(cell: CellAt): string {
  return `${quoteSheet(cell.sheet)}!${cell.a1}`;
}

/** How messages and findings name a cell: `表三!D5`. */
export function displayAddress(cell: CellAt): string {
  return `${cell.sheet}!${cell.a1}`;
}

/**
 * A string as a cell value that Excel keeps as that text. Excel reads what `values` receives like typed input: `=`,
 * `+`, `-` start a formula (the Range.values reference says so), and text that looks like a number, a truth value or
 * a date becomes one. A leading apostrophe keeps it text and is not part of the value read back (Excel's own advice;
 * OfficeDev/office-js#6687). Other strings go as they are.
 */
export function asText(text: string): string {
  if (text === '') return text;
  const t = text.trim();
  const risky = /^[=+\-'@]/.test(text) || /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t) || /^(true|false)$/i.test(t) || /^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?$/.test(t) || /^\d{1,2}:\d{2}/.test(t);
  return risky ? `'${text}` : text;
}

/** Excel gives dates as serial numbers; a date-formatted number is passed on as its text so the core reports a date. */
export function rawFromExcel(value: unknown, numberFormat: unknown, text: unknown): RawValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && typeof numberFormat === 'string' && isDateFormat(numberFormat)) return typeof text === 'string' ? text : String(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function isDateFormat(format: string): boolean {
  if (format === 'General' || format === '@') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) || /年|月|日/.test(format);
}

const text = (v: RawValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** The report as the core reads it, from raw cell contents by key. */
export function reportFromCells(raw: ReadonlyMap<string, RawValue>): ReportData {
  const values: Record<string, RawValue> = {};
  const prev: Record<string, RawValue> = {};
  for (const [key, v] of raw) {
    if (key.startsWith('meta.')) continue;
    if (key.startsWith('prev.')) {
      // An empty prev cell means "last year unknown", not 0.
      if (v !== null) prev[key.slice(5)] = v;
    } else values[key] = v;
  }
  const kindText = text(raw.get('meta.kind'));
  const levelText = text(raw.get('meta.level'));
  const yearRaw = raw.get('meta.year');
  const meta: ReportData['meta'] = {
    body: text(raw.get('meta.body')) || undefined,
    year: typeof yearRaw === 'number' ? yearRaw : text(yearRaw) || undefined,
    level: levelText ? (LEVELS.find((l) => l.label === levelText)?.key ?? levelText) : undefined,
    kind: kindText ? (REPORT_KINDS.find((k) => k.label === kindText || k.key === kindText)?.key ?? kindText) : undefined,
  };
  return { meta, values, prev };
}

/** A workbook whose template version differs is not read: positions may differ. Blank counts as ours (names exist). */
export function assertTemplateVersion(version: RawValue | undefined): void {
  const found = text(version);
  if (found && found !== TEMPLATE_VERSION) throw new ServiceError('template-version', MESSAGES.templateVersion(found, TEMPLATE_VERSION));
}
