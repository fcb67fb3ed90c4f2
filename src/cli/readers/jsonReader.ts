/** Report data JSON (FORMAT.md §4), decoded as every text file is (UTF-8, UTF-16, GB18030/GBK: src/text). */
import { promises as fs } from 'node:fs';
import { parseReportData } from '../../core';
import { decodeText } from '../../text';
import type { InputReader, ReadOutcome } from '../inputs';

export const MAX_JSON_BYTES = 20 * 1024 * 1024;

export const jsonReader: InputReader = {
  extensions: ['.json'],
  description: '报告数据 JSON',
  async read(file: string): Promise<ReadOutcome> {
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_JSON_BYTES) return { ok: false, error: `文件过大（${Math.round(stat.size / 1048576)} MB），报告数据 JSON 不应超过 20 MB` };
      const decoded = decodeText(await fs.readFile(file));
      if (!decoded.ok) return decoded;
      text = decoded.text;
    } catch (e) {
      return { ok: false, error: `无法打开文件：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String(e)}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, error: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` };
    }
    const parsed = parseReportData(json);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const explanations = readExplanations(json);
    return { ok: true, value: { report: parsed.report, format: '2021', explanations } };
  },
};

/** Optional `explanations: { "RULE:target": "…" }` in report JSON. */
function readExplanations(json: unknown): Map<string, string> | undefined {
  if (!json || typeof json !== 'object' || !('explanations' in json)) return undefined;
  const raw = (json as { explanations: unknown }).explanations;
  if (!raw || typeof raw !== 'object') return undefined;
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.trim()) map.set(k, v);
  return map;
}
