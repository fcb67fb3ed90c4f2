/**
 * Published report text (.txt, .md, .htm/.html): bytes decoded (src/text: UTF-8 with or without BOM, UTF-16,
 * GB18030/GBK as saved by Chinese Windows), web pages read as text and table cells, Markdown pipe tables as tables,
 * then imported into report data.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { importDocument, markdownDocument, type ImportResult, type SourceDocument } from '../../core/importText';
import { decodeText, htmlDocument, looksLikeHtml } from '../../text';
import type { InputReader, ReadOutcome } from '../inputs';

export { decodeText, type DecodeOutcome } from '../../text';

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** The document the importer reads: a web page's text and tables, Markdown's pipe tables, or plain text. */
export function sourceDocument(text: string, ext: string): SourceDocument {
  if (ext === '.htm' || ext === '.html' || looksLikeHtml(text)) return htmlDocument(text);
  if (ext === '.md' || ext === '.markdown') return markdownDocument(text);
  return { blocks: [{ kind: 'text', text }] };
}

export type ReadTextOutcome = { ok: true; result: ImportResult; encoding: string } | { ok: false; error: string };

/** Read, decode and import one file. */
export async function importTextFile(file: string): Promise<ReadTextOutcome> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, error: '这是文件夹，不是文件' };
    if (stat.size > MAX_TEXT_BYTES) return { ok: false, error: `文件过大（${Math.round(stat.size / 1048576)} MB），报告文本不应超过 20 MB` };
    bytes = await fs.readFile(file);
  } catch (e) {
    return { ok: false, error: `无法打开文件：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String(e)}` };
  }
  if (bytes.length === 0) return { ok: false, error: '文件是空的' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const result = importDocument(sourceDocument(decoded.text, path.extname(file).toLowerCase()));
  return { ok: true, result, encoding: decoded.encoding };
}

export const textReader: InputReader = {
  extensions: ['.txt', '.text', '.md', '.markdown', '.htm', '.html'],
  description: '已发布的报告文本（网页、PDF 或 Word 复制出的文字）',
  async read(file: string): Promise<ReadOutcome> {
    const read = await importTextFile(file);
    if (!read.ok) return read;
    return { ok: true, value: { report: read.result.report, format: read.result.format, findings: read.result.findings } };
  },
};
