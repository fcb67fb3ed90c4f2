/**
 * Received workbooks on disk, for the command line: the file read with its size checked first, then the bounded
 * reader of src/workbook (the same one the task pane's worker and the offline page use). exceljs is used here only to
 * load a workbook for rewriting it (annotated copies), after a check that it cannot make exceljs materialise more than
 * the bounds allow.
 */
import ExcelJS from 'exceljs';
import type { ReadOutcome } from '../core';
import { readFileBytes } from '../cli/fileBytes';
import { LIMITS, WorkbookRefusal, openWorkbook, readXlsxBytes, type ReadXlsxOptions } from '../workbook';
import { coveredCells } from './coveredCells';

export { NOT_LOCATED, isNotLocated, dropUnlocatedValueFindings } from '../core';

/** Read a workbook file into report data, or say in Chinese why it cannot be read. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  const read = await readFileBytes(file);
  return read.ok ? readXlsxBytes(read.bytes, { fileName: file.replace(/^.*[\\/]/, '') }) : read;
}

export function readWorkbookBytes(bytes: Uint8Array, options: ReadXlsxOptions = {}): ReadOutcome {
  return readXlsxBytes(bytes, options);
}

export type LoadOutcome = { ok: true; workbook: ExcelJS.Workbook; macros: boolean } | { ok: false; error: string };

/** Load a workbook with exceljs to rewrite it: the bounded reader's checks first, then what exceljs would expand. */
export async function loadWorkbookBytesForWriting(bytes: Uint8Array): Promise<LoadOutcome> {
  let macros: boolean;
  try {
    const { zip, part } = openWorkbook(bytes);
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
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, error: `工作簿的内容无法解析（${e instanceof Error ? e.message.slice(0, 120) : String(e)}）；请在 Excel 或 WPS 中打开后重新保存` };
  }
  return { ok: true, workbook, macros };
}

export async function loadWorkbookForWriting(file: string): Promise<LoadOutcome> {
  const read = await readFileBytes(file);
  return read.ok ? loadWorkbookBytesForWriting(read.bytes) : read;
}
