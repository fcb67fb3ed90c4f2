/** Report data JSON (FORMAT.md §4) from its bytes, decoded as every text file is (UTF-8, UTF-16, GB18030/GBK). */
import { parseReportData, type ReadOutcome } from '../core';
import { decodeText } from '../text';

export const MAX_JSON_BYTES = 20 * 1024 * 1024;

/** Optional `explanations: { "RULE:target": "…" }` in report JSON. */
function readExplanations(json: unknown): Map<string, string> | undefined {
  if (!json || typeof json !== 'object' || !('explanations' in json)) return undefined;
  const raw = (json as { explanations: unknown }).explanations;
  if (!raw || typeof raw !== 'object') return undefined;
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.trim()) map.set(k, v);
  return map;
}

export function readJsonBytes(bytes: Uint8Array): ReadOutcome {
  if (bytes.length > MAX_JSON_BYTES) return { ok: false, error: `文件过大（${Math.round(bytes.length / 1048576)} MB），报告数据 JSON 不应超过 20 MB` };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let json: unknown;
  try {
    json = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = parseReportData(json);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, value: { report: parsed.report, format: '2021', explanations: readExplanations(json) } };
}
