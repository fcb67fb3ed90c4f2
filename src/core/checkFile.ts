/**
 * One received file checked, whoever read it (the command line from disk, the task pane's worker or the offline page
 * from bytes): its read report checked into the §4 result, last year's figures applied, and the aggregates of a batch
 * checked against their members. Plain data that crosses a thread or worker boundary.
 */
import { KEY_INDEX } from '../spec';
import { checkAggregate, normaliseBody, type MemberReport } from './aggregate';
import { checkReport } from './checkReport';
import { sortFindings, toJsonFinding, type FileResult, type Finding } from './findings';
import { dropUnlocatedValueFindings, type ReadReport } from './grid';
import { readValue } from './readValue';
import { reportYear, type RawValue, type ReportData } from './report';

export interface CheckedFile {
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

/** Last year's figures for one body, from `--previous`. */
export interface PreviousEntry {
  file: string;
  year: number | null;
  values: Record<string, RawValue>;
}

/** By normaliseBody(body). A Map: a unit may be named "toString" or "__proto__". */
export type PreviousIndex = Map<string, PreviousEntry>;

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

export function unreadableFile(file: string, error: string): CheckedFile {
  return { findings: [], result: { file, body: null, year: null, format: null, status: 'unreadable', error, findings: [] }, notes: [] };
}

/**
 * Check what a reader read from one file. VALUE-* findings about cells that were never located are dropped (the
 * STRUCTURE finding says what is missing). Only what the batch needs afterwards is kept: a member's meta and values,
 * an aggregate's addresses and explanations — so that memory stays flat as the folder grows.
 */
export function checkReadFile(file: string, read: ReadReport, previous?: PreviousIndex): CheckedFile {
  const notes: string[] = [];
  const note = applyPrevious(read.report, previous);
  if (note) notes.push(note);
  const all = [...(read.findings ?? []), ...checkReport(read.report, { explanations: read.explanations })];
  const found = dropUnlocatedValueFindings(all, read.report);
  if (read.explanations) for (const f of found) f.explanation = read.explanations.get(`${f.rule}:${f.target}`) ?? f.explanation ?? null;
  if (read.addresses) {
    for (const f of found) {
      const addresses = f.cells.map((c) => read.addresses?.get(c)).filter((a): a is string => Boolean(a));
      if (addresses.length) f.addresses = addresses;
    }
  }
  const findings = sortFindings(found);
  const report = read.report;
  const aggregate = report.meta.kind === 'aggregate';
  return {
    result: {
      file,
      body: report.meta.body?.trim() || null,
      year: reportYear(report),
      format: findings.some((f) => f.rule === 'FORMAT-VERSION') ? '2019' : read.format,
      status: findings.length ? 'findings' : 'ok',
      error: null,
      findings: findings.map(toJsonFinding),
      ...(read.metaSources ? { sources: read.metaSources } : {}),
    },
    findings,
    report: { meta: report.meta, values: report.values, members: report.members },
    addresses: aggregate ? read.addresses : undefined,
    explanations: aggregate ? read.explanations : undefined,
    notes,
  };
}

/** Add AGGREGATE-SUM findings to every aggregate report of a batch (members given, or found in the batch by name). */
export function checkAggregates(items: CheckedFile[], given?: readonly MemberReport[]): void {
  for (const item of items) {
    const report = item.report;
    if (!report || report.meta.kind !== 'aggregate') continue;
    let members: MemberReport[];
    if (given) members = [...given];
    else {
      if (!report.members?.length) {
        item.notes.push('这是汇总报告，但没有列出成员（汇总成员表），也没有用 --members 给出成员报告，无法核对汇总数');
        continue;
      }
      const wanted = new Set(report.members.map(normaliseBody));
      members = items
        .filter((o) => o !== item && o.report && wanted.has(normaliseBody(o.report.meta.body ?? '')))
        .map((o) => ({ name: o.result.file, report: o.report as NonNullable<typeof o.report> }));
    }
    let found = checkAggregate(report, members);
    // With a member missing the sums cannot be checked: say which member is missing, not 200 wrong differences.
    if (found.some((f) => f.code === 'missing-member')) {
      found = found.filter((f) => f.code === 'missing-member');
      item.notes.push('有成员的报告没有找到，各项汇总数暂未核对');
    }
    for (const f of found) {
      f.explanation = item.explanations?.get(`${f.rule}:${f.target}`) ?? null;
      const addresses = f.cells.map((c) => item.addresses?.get(c)).filter((a): a is string => Boolean(a));
      if (addresses.length) f.addresses = addresses;
    }
    item.findings = sortFindings([...item.findings, ...found]);
    item.result = { ...item.result, findings: item.findings.map(toJsonFinding), status: item.findings.length ? 'findings' : 'ok' };
  }
}
