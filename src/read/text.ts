/**
 * Published report text (.txt, .md, .htm/.html) from its bytes: decoded as Chinese offices save it (src/text: UTF-8
 * with or without BOM, UTF-16, GB18030/GBK), web pages read as text and table cells, Markdown pipe tables as tables,
 * then imported into report data.
 */
import { importDocument, markdownDocument, type ImportResult, type SourceDocument } from '../core/importText';
import type { ReadOutcome } from '../core';
import { decodeText, htmlDocument, looksLikeHtml } from '../text';

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
export const TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.htm', '.html'] as const;

/** The document the importer reads: a web page's text and tables, Markdown's pipe tables, or plain text. */
export function sourceDocument(text: string, ext: string): SourceDocument {
  if (ext === '.htm' || ext === '.html' || looksLikeHtml(text)) return htmlDocument(text);
  if (ext === '.md' || ext === '.markdown') return markdownDocument(text);
  return { blocks: [{ kind: 'text', text }] };
}

export type ImportTextOutcome = { ok: true; result: ImportResult; encoding: string } | { ok: false; error: string };

/** Decode and import one text file's bytes; `ext` is its lower-case extension with the dot. */
export function importTextBytes(bytes: Uint8Array, ext: string): ImportTextOutcome {
  if (bytes.length === 0) return { ok: false, error: '文件是空的' };
  if (bytes.length > MAX_TEXT_BYTES) return { ok: false, error: `文件过大（${Math.round(bytes.length / 1048576)} MB），报告文本不应超过 20 MB` };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, result: importDocument(sourceDocument(decoded.text, ext)), encoding: decoded.encoding };
}

export function readTextBytes(bytes: Uint8Array, ext: string): ReadOutcome {
  const read = importTextBytes(bytes, ext);
  if (!read.ok) return read;
  const { report, format, findings } = read.result;
  // A published text names its unit and year in its title.
  const metaSources = { body: report.meta.body ? ('title' as const) : null, year: report.meta.year !== undefined ? ('title' as const) : null };
  return { ok: true, value: { report, format, findings, metaSources } };
}
