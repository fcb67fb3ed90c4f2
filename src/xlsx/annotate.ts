/**
 * A marked-up copy of a received workbook for sending back: each cell a finding names is filled (red for errors,
 * yellow for 核实, blue for 提示) and carries a note with the findings' messages; a 审核意见 sheet lists them all,
 * including those about no single cell. The original file is read, never written.
 */
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { SEVERITIES, type Severity } from '../spec';
import { fromA1, quoteSheet, type FileResult } from '../core';
import { promises as fs } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { LIMITS } from '../workbook';
import { loadWorkbookBytesForWriting } from './readWorkbook';
import { fitSheetName, isValidSheetName, sheetKey } from './writeSafe';
import { safeSheetName, workbookBytes } from './writeSafe';
import { chineseMessage, describeFsError } from '../cli/errors';
import { nameKey } from '../cli/outputs';

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
export function markFindings(wb: ExcelJS.Workbook, findings: readonly JsonFinding[], renamed: ReadonlyMap<string, string> = new Map()): number {
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
  addReviewSheet(wb, findings, renamed);
  return byCell.size;
}

function addReviewSheet(wb: ExcelJS.Workbook, findings: readonly JsonFinding[], renamed: ReadonlyMap<string, string>): void {
  const ws = wb.addWorksheet(safeSheetName(wb, REVIEW_SHEET_NAME), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 8 }, { width: 16 }, { width: 24 }, { width: 80 }, { width: 40 }];
  ws.addRow(['级别', '规则', '位置', '问题', '说明']).font = { bold: true };
  for (const f of findings) {
    const row = ws.addRow([LABEL[f.severity], f.rule, (f.addresses ?? []).join('、'), f.message, f.explanation ?? '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
  }
  if (findings.length === 0) ws.addRow(['', '', '', '未发现问题。', '']);
  for (const [from, to] of renamed) ws.addRow(['', '', to, `原工作表名称“${from}”不符合 Excel 的要求（最多 31 个字符，不含 [ ] : * ? / \\，不重名），本副本中改为“${to}”`, '']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
}

export type AnnotateOutcome = { ok: true; bytes: Buffer; marked: number } | { ok: false; error: string };

const SHEET_TAG = /(<(?:[\w.-]+:)?sheet\s[^>]*?\bname\s*=\s*)("([^"]*)"|'([^']*)')/g;

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function encodeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Sheet names Excel would refuse (over 31 characters, [ ] : * ? / \, a quote at either end, duplicates) come only
 * from files not saved by Excel — and make exceljs fail. The copy gets valid names instead; `renamed` maps each old
 * name to its new one, so findings still land on their cells. Formulas naming an old sheet are left as they are.
 */
export function repairSheetNames(bytes: Uint8Array): { bytes: Uint8Array; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  let workbookXml: string;
  try {
    const part = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
    if (!part) return { bytes, renamed };
    workbookXml = strFromU8(part);
  } catch {
    return { bytes, renamed };
  }
  const names = [...workbookXml.matchAll(SHEET_TAG)].map((m) => decodeXml(m[3] ?? m[4] ?? ''));
  const seen = new Set<string>();
  const fine = names.every((n) => {
    const ok = isValidSheetName(n) && !seen.has(sheetKey(n));
    seen.add(sheetKey(n));
    return ok;
  });
  if (fine) return { bytes, renamed };
  const taken = new Set(names.filter(isValidSheetName).map(sheetKey));
  const kept = new Set<string>();
  const fixed = workbookXml.replace(SHEET_TAG, (_m, head: string, _q: string, dq: string | undefined, sq: string | undefined) => {
    const old = decodeXml(dq ?? sq ?? '');
    let name = old;
    if (!isValidSheetName(old) || kept.has(sheetKey(old))) {
      name = fitSheetName(old, taken);
      renamed.set(old, name);
    }
    kept.add(sheetKey(name));
    return `${head}"${encodeXml(name)}"`;
  });
  const parts = unzipSync(bytes);
  parts['xl/workbook.xml'] = strToU8(fixed);
  return { bytes: zipSync(parts, { level: 6 }), renamed };
}

function renameAddresses(findings: readonly JsonFinding[], renamed: ReadonlyMap<string, string>): JsonFinding[] {
  if (renamed.size === 0) return [...findings];
  return findings.map((f) => ({
    ...f,
    addresses: f.addresses?.map((a) => {
      const parts = splitAddress(a);
      const to = parts ? renamed.get(parts.sheet) : undefined;
      return parts && to ? `${quoteSheet(to)}!${parts.a1}` : a;
    }),
  }));
}

/**
 * A marked-up copy of `source` as .xlsx bytes (macros are not carried over), made safe to write (writeSafe). The
 * source is only read; where the copy goes is the caller's business (cli/outputs never lets it be an input).
 */
export async function annotateWorkbookBytes(source: string, findings: readonly JsonFinding[]): Promise<AnnotateOutcome> {
  let buf: Buffer;
  try {
    const st = await fs.stat(source);
    if (!st.isFile()) return { ok: false, error: '不是普通文件' };
    if (st.size > LIMITS.maxFileBytes) return { ok: false, error: `文件过大，超过了 ${LIMITS.maxFileBytes / 1048576} MB 的上限` };
    buf = await fs.readFile(source);
  } catch (e) {
    return { ok: false, error: describeFsError(e, 'read') };
  }
  const { bytes, renamed } = repairSheetNames(buf);
  // The bounded reader's checks, and what exceljs would expand (a name or validation over a whole sheet), first.
  const loaded = await loadWorkbookBytesForWriting(bytes);
  if (!loaded.ok) return { ok: false, error: chineseMessage(loaded.error) };
  const marked = markFindings(loaded.workbook, renameAddresses(findings, renamed), renamed);
  return { ok: true, bytes: await workbookBytes(loaded.workbook), marked };
}

/**
 * Names of the copies in the annotate folder: the source's name as .xlsx, made unique within the batch and unlike
 * every name in `taken` (keys by nameKey — the inputs already in that folder): 甲.xlsm beside 甲.xlsx becomes 甲(2).xlsx.
 */
export function annotatedNames(sources: readonly string[], folder: string, taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set<string>(taken);
  return sources.map((s) => {
    const base = path.basename(s, path.extname(s));
    let name = `${base}.xlsx`;
    for (let i = 2; used.has(nameKey(name)); i += 1) name = `${base}(${i}).xlsx`;
    used.add(nameKey(name));
    return path.join(folder, name);
  });
}
