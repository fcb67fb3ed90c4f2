/**
 * A received file read from its bytes into report data, chosen by its extension: workbooks (.xlsx, .xlsm; an old .xls
 * is named), report data JSON, published report texts. One set of readers for every host: the command line after
 * reading a file from disk, the task pane's worker, the offline page. No node:*, no DOM.
 */
import type { ReadOutcome } from '../core';
import { readXlsxBytes } from '../workbook';
import { readJsonBytes } from './json';
import { TEXT_EXTENSIONS, readTextBytes } from './text';

export { importTextBytes, readTextBytes, sourceDocument, MAX_TEXT_BYTES, TEXT_EXTENSIONS, type ImportTextOutcome } from './text';
export { readJsonBytes, MAX_JSON_BYTES } from './json';

export interface BytesReader {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  /** What this reader reads, for help text. */
  description: string;
  read(name: string, bytes: Uint8Array): ReadOutcome;
}

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'] as const;

export const BYTES_READERS: readonly BytesReader[] = [
  { extensions: [...WORKBOOK_EXTENSIONS], description: 'Excel 工作簿', read: (name, bytes) => readXlsxBytes(bytes, { fileName: name }) },
  { extensions: ['.json'], description: '报告数据 JSON', read: (_name, bytes) => readJsonBytes(bytes) },
  { extensions: [...TEXT_EXTENSIONS], description: '已发布的报告文本（网页、PDF 或 Word 复制出的文字）', read: (name, bytes) => readTextBytes(bytes, extensionOf(name)) },
];

export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

export function bytesReaderFor(name: string): BytesReader | undefined {
  const ext = extensionOf(name);
  return BYTES_READERS.find((r) => r.extensions.includes(ext));
}

export function readableExtensions(): string[] {
  return BYTES_READERS.flatMap((r) => [...r.extensions]);
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
