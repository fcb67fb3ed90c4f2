/**
 * Received workbooks on disk, for the command line: the file read with its size checked first, then the bounded
 * reader of src/workbook (the same one the task pane's worker and the offline page use). exceljs is used here only to
 * load a workbook for rewriting it (annotated copies), after a check that it cannot make exceljs materialise more than
 * the bounds allow.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReadOutcome } from '../core';
import { LIMITS, WorkbookRefusal, mb, openWorkbook, readXlsxBytes, type ReadXlsxOptions } from '../workbook';
import { coveredCells } from './coveredCells';

export { NOT_LOCATED, isNotLocated, dropUnlocatedValueFindings } from '../core';

type Bytes = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

async function readFileBytes(file: string): Promise<Bytes> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, error: '不是文件' };
    if (stat.size > LIMITS.maxFileBytes) {
      return { ok: false, error: `文件过大（${mb(stat.size)}），超过了 ${mb(LIMITS.maxFileBytes)} 的上限；年报工作簿通常不到 1 MB，请确认是否发错了文件` };
    }
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取这个文件的权限' : `无法打开文件（${code ?? String(e)}）` };
  }
}

/** Read a workbook file into report data, or say in Chinese why it cannot be read. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  const read = await readFileBytes(file);
  if (!read.ok) return read;
  return readXlsxBytes(read.bytes, { fileName: path.basename(file) });
}

export function readWorkbookBytes(bytes: Uint8Array, options: ReadXlsxOptions = {}): ReadOutcome {
  return readXlsxBytes(bytes, options);
}

export type LoadOutcome = { ok: true; workbook: ExcelJS.Workbook; macros: boolean } | { ok: false; error: string };

/** Load a workbook with exceljs to rewrite it: the bounded reader's checks first, then what exceljs would expand. */
export async function loadWorkbookForWriting(file: string): Promise<LoadOutcome> {
  const read = await readFileBytes(file);
  if (!read.ok) return read;
  let macros: boolean;
  try {
    const { zip, part } = openWorkbook(read.bytes);
    macros = zip.macros;
    const covered = coveredCells(zip, part);
    if (covered.cells > LIMITS.maxCoveredCells) {
      return { ok: false, error: `工作簿的${covered.what}覆盖了 ${covered.cells} 个单元格，超过 ${LIMITS.maxCoveredCells} 个的上限，无法另存标注副本（检查结果不受影响）` };
    }
  } catch (e) {
    if (e instanceof WorkbookRefusal) return { ok: false, error: e.message };
    throw e;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(read.bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, error: `工作簿的内容无法解析（${e instanceof Error ? e.message.slice(0, 120) : String(e)}）；请在 Excel 或 WPS 中打开后重新保存` };
  }
  return { ok: true, workbook, macros };
}
