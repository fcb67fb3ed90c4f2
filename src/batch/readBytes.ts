/**
 * A received file read from its bytes into report data, chosen by its extension: workbooks (.xlsx, .xlsm; an old .xls
 * is named), report data JSON, published report texts. The same readers the command line uses after reading a file
 * from disk; here for any host (the task pane's worker, the offline page).
 */
import type { ReadOutcome } from '../core';
import { readXlsxBytes } from '../workbook';

export interface BytesReader {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  read(name: string, bytes: Uint8Array): ReadOutcome;
}

const readers: BytesReader[] = [
  { extensions: ['.xlsx', '.xlsm', '.xls'], read: (name, bytes) => readXlsxBytes(bytes, { fileName: name }) },
];

export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

export function bytesReaderFor(name: string): BytesReader | undefined {
  const ext = extensionOf(name);
  return readers.find((r) => r.extensions.includes(ext));
}

export function readableExtensions(): string[] {
  return readers.flatMap((r) => [...r.extensions]);
}

export function readReportBytes(name: string, bytes: Uint8Array): ReadOutcome {
  const reader = bytesReaderFor(name);
  if (!reader) return { ok: false, error: `不支持的文件类型“${extensionOf(name) || '（无扩展名）'}”，可以检查：${readableExtensions().join('、')}` };
  try {
    return reader.read(name, bytes);
  } catch (e) {
    // A reader bug must not stop the batch: report it against this file.
    return { ok: false, error: `读取时出错：${e instanceof Error ? e.message : String(e)}` };
  }
}
