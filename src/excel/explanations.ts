/**
 * The 核实说明 sheet: one row per kept warning (规则, 对象, 问题, 说明, 记录时间), read by check and by the command
 * line. Saving is an upsert by rule and target in two syncs.
 */
import { EXPLANATION_COLUMNS, EXPLANATION_SHEET_NAME } from '../spec';
import { rangeA1, type Finding } from '../core';
import type { XlContext } from './host';
import { asText } from './workbook';

/** `rule:target` → 说明, from the sheet's used-range values (header row skipped, blank explanations ignored). */
export function parseExplanations(rows: unknown[][] | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!rows) return out;
  for (const row of rows) {
    const [rule, target, , text] = row.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
    if (!rule || rule === EXPLANATION_COLUMNS[0] || !target || !text) continue;
    out.set(`${rule}:${target}`, text);
  }
  return out;
}

export function stamp(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

export async function saveExplanation(context: XlContext, finding: Finding, text: string, now: Date): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  await context.sync();
  const exists = sheets.items.some((s) => s.name === EXPLANATION_SHEET_NAME);
  const sheet = exists ? wb.worksheets.getItem(EXPLANATION_SHEET_NAME) : wb.worksheets.add(EXPLANATION_SHEET_NAME);
  let row = 1;
  if (exists) {
    const used = sheet.getUsedRange(true).load('values,rowIndex');
    await context.sync();
    const values = used.values;
    const found = values.findIndex((r) => String(r[0]).trim() === finding.rule && String(r[1]).trim() === finding.target);
    row = found >= 0 ? used.rowIndex + found : Math.max(1, used.rowIndex + values.length);
  } else sheet.getRange(rangeA1(0, 0, 1, EXPLANATION_COLUMNS.length)).values = [EXPLANATION_COLUMNS.map(asText)];
  const target = sheet.getRange(rangeA1(row, 0, 1, EXPLANATION_COLUMNS.length));
  target.numberFormat = [EXPLANATION_COLUMNS.map(() => '@')];
  target.values = [[finding.rule, finding.target, finding.message, text.trim(), stamp(now)].map(asText)];
  await context.sync();
}
