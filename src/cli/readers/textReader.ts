/** Published report text (.txt, .md, .htm/.html) on disk: the file's bytes, read by src/read. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_TEXT_BYTES, TEXT_EXTENSIONS, importTextBytes, readTextBytes, type ImportTextOutcome } from '../../read';
import type { InputReader, ReadOutcome } from '../inputs';

export { decodeText, type DecodeOutcome } from '../../text';

async function bytesOf(file: string, max: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, error: '这是文件夹，不是文件' };
    if (stat.size > max) return { ok: false, error: `文件过大（${Math.round(stat.size / 1048576)} MB），不应超过 ${max / 1048576} MB` };
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (e) {
    return { ok: false, error: `无法打开文件：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String(e)}` };
  }
}

/** Read, decode and import one file. */
export async function importTextFile(file: string): Promise<ImportTextOutcome> {
  const read = await bytesOf(file, MAX_TEXT_BYTES);
  return read.ok ? importTextBytes(read.bytes, path.extname(file).toLowerCase()) : read;
}

export const textReader: InputReader = {
  extensions: TEXT_EXTENSIONS,
  description: '已发布的报告文本（网页、PDF 或 Word 复制出的文字）',
  async read(file: string): Promise<ReadOutcome> {
    const read = await bytesOf(file, MAX_TEXT_BYTES);
    return read.ok ? readTextBytes(read.bytes, path.extname(file).toLowerCase()) : read;
  },
};

export { bytesOf };
