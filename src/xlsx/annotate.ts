/**
 * A marked-up copy of a received workbook for sending back: each cell a finding names is filled (red for errors,
 * yellow for 核实, blue for 提示) and carries a note with the findings' messages; a 审核意见 sheet lists them all,
 * including those about no single cell. The original file is read, never written.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { SEVERITIES, type Severity } from '../spec';
import { fromA1, type FileResult } from '../core';
import { loadWorkbookForWriting } from './readWorkbook';

type JsonFinding = FileResult['findings'][number];

export const REVIEW_SHEET_NAME = '审核意见';

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const LABEL = Object.fromEntries(SEVERITIES.map((s) => [s.key, s.label])) as Record<Severity, string>;

function splitAddress(address: string): { sheet: string; a1: string } | null {
  const i = address.lastIndexOf('!');
  if (i < 0) return null;
  return { sheet: address.slice(0, i).replace(/^'|'$/g, ''), a1: address.slice(i + 1) };
}

/** Mark the findings in a loaded workbook. Returns how many cells were marked. */
export function markFindings(wb: ExcelJS.Workbook, findings: readonly JsonFinding[]): number {
  const byCell = new Map<string, { ws: ExcelJS.Worksheet; a1: string; severity: Severity; lines: string[] }>();
  for (const f of findings) {
    for (const address of f.addresses ?? []) {
      const parts = splitAddress(address);
      const ws = parts ? wb.getWorksheet(parts.sheet) : undefined;
      if (!parts || !ws) continue;
      try {
        fromA1(parts.a1);
      } catch {
        continue;
      }
      const entry = byCell.get(address) ?? { ws, a1: parts.a1, severity: f.severity, lines: [] };
      if (RANK[f.severity] < RANK[entry.severity]) entry.severity = f.severity;
      entry.lines.push(`【${LABEL[f.severity]}】${f.message}${f.explanation ? `\n说明：${f.explanation}` : ''}`);
      byCell.set(address, entry);
    }
  }
  for (const { ws, a1, severity, lines } of byCell.values()) {
    const cell = ws.getCell(a1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[severity] } };
    cell.note = { texts: [{ text: lines.join('\n\n') }] };
  }
  addReviewSheet(wb, findings);
  return byCell.size;
}

function addReviewSheet(wb: ExcelJS.Workbook, findings: readonly JsonFinding[]): void {
  let name = REVIEW_SHEET_NAME;
  for (let i = 2; wb.getWorksheet(name); i += 1) name = `${REVIEW_SHEET_NAME}${i}`;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 8 }, { width: 16 }, { width: 24 }, { width: 80 }, { width: 40 }];
  ws.addRow(['级别', '规则', '位置', '问题', '说明']).font = { bold: true };
  for (const f of findings) {
    const row = ws.addRow([LABEL[f.severity], f.rule, (f.addresses ?? []).join('、'), f.message, f.explanation ?? '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
  }
  if (findings.length === 0) ws.addRow(['', '', '', '未发现问题。', '']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
}

export type AnnotateOutcome = { ok: true; file: string; marked: number } | { ok: false; error: string };

/**
 * Write a marked-up copy of `source` to `dest` (always .xlsx: macros are not carried over). Refuses to write over the
 * source.
 */
export async function annotateWorkbookFile(source: string, dest: string, findings: readonly JsonFinding[]): Promise<AnnotateOutcome> {
  if (path.resolve(source) === path.resolve(dest)) return { ok: false, error: '标注副本不能覆盖原文件' };
  const loaded = await loadWorkbookForWriting(source);
  if (!loaded.ok) return loaded;
  const marked = markFindings(loaded.workbook, findings);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  await loaded.workbook.xlsx.writeFile(dest);
  return { ok: true, file: dest, marked };
}

/** Names of the copies in the annotate folder: the source's name as .xlsx, made unique within the batch. */
export function annotatedNames(sources: readonly string[], folder: string): string[] {
  const used = new Set<string>();
  return sources.map((s) => {
    const base = path.basename(s, path.extname(s));
    let name = `${base}.xlsx`;
    for (let i = 2; used.has(name); i += 1) name = `${base}(${i}).xlsx`;
    used.add(name);
    return path.join(folder, name);
  });
}
