/**
 * One file of a batch check, as a worker thread or the main thread runs it: read (any registered reader), add last
 * year's figures from `--previous`, check, and return plain data that crosses a thread boundary.
 */
import { KEY_INDEX } from '../spec';
import { normaliseBody, readValue, reportYear, type Finding, type FileResult, type RawValue, type ReportData } from '../core';
import { checkRead, unreadable } from './checkFiles';
import { readInput } from './inputs';
import { dropUnlocatedValueFindings } from '../xlsx/readWorkbook';

/** Last year's figures for one body, from `--previous`. */
export interface PreviousEntry {
  file: string;
  year: number | null;
  values: Record<string, RawValue>;
}

/** By normaliseBody(body). A Map: a unit may be named "toString" or "__proto__". */
export type PreviousIndex = Map<string, PreviousEntry>;

export interface CheckedOne {
  result: FileResult;
  /** Full findings (codes and values), for aggregates and annotation. */
  findings: Finding[];
  /** The report as read (meta, values, members), to check aggregates against their members in the batch. */
  report?: ReportData;
  addresses?: Map<string, string>;
  explanations?: Map<string, string>;
  /** Remarks for the user that are not findings (e.g. no last-year report matched). */
  notes: string[];
}

/** Last year's report values become `prev` (only usable keys; the report's own 上年数据 fills what is missing). */
export function applyPrevious(report: ReportData, previous: PreviousIndex | undefined): string | null {
  if (!previous) return null;
  const body = report.meta.body?.trim();
  if (!body) return '没有填写机关名称，无法匹配上年报告';
  const entry = previous.get(normaliseBody(body));
  if (!entry) return `没有找到“${body}”的上年报告（按机关名称匹配）`;
  const year = reportYear(report);
  if (year !== null && entry.year !== null && entry.year !== year - 1) {
    return `按机关名称找到的上年报告 ${entry.file} 是 ${entry.year} 年的，不是 ${year - 1} 年，没有使用`;
  }
  const prev: Record<string, RawValue> = { ...(report.prev ?? {}) };
  // Only last year's usable numbers: its own blanks and errors were last year's findings, not this year's.
  for (const [key, v] of Object.entries(entry.values)) {
    const def = KEY_INDEX.get(key);
    if (def && readValue(v, def.kind).state === 'number') prev[key] = v;
  }
  report.prev = prev;
  return null;
}

export async function checkOne(file: string, cwd: string, previous?: PreviousIndex): Promise<CheckedOne> {
  const read = await readInput(file, cwd);
  if (!read.ok) return { ...unreadable(file, read.error), notes: [] };
  const notes: string[] = [];
  const note = applyPrevious(read.value.report, previous);
  if (note) notes.push(note);
  const checked = checkRead(file, read.value);
  const findings = dropUnlocatedValueFindings(checked.findings, read.value.report);
  const jsonFindings = dropUnlocatedValueFindings(checked.result.findings, read.value.report);
  // A batch keeps every file's outcome until the end: keep only what the aggregate check needs (a member's meta and
  // values; an aggregate's addresses and explanations), so that memory stays flat as the folder grows.
  const report = read.value.report;
  const aggregate = report.meta.kind === 'aggregate';
  return {
    result: { ...checked.result, findings: jsonFindings, status: jsonFindings.length ? 'findings' : 'ok' },
    findings,
    report: { meta: report.meta, values: report.values, members: report.members },
    addresses: aggregate ? read.value.addresses : undefined,
    explanations: aggregate ? read.value.explanations : undefined,
    notes,
  };
}
