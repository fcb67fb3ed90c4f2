/**
 * A batch check: every file read and checked (in worker processes, each file bounded in time and memory), then each
 * aggregate report checked against its members — given with `--members`, or found among the other files of the batch by body name.
 */
import { checkAggregate, normaliseBody, sortFindings, toJsonFinding, type MemberReport } from '../core';
import type { CheckedOne, PreviousIndex } from './checkOne';
import { checkEach, readEach } from './fileTasks';
import type { Progress } from './progress';
import { visible } from './visible';

export interface BatchOptions {
  cwd: string;
  previous?: PreviousIndex;
  /** Members of the aggregates in the batch, from `--members`. */
  members?: MemberReport[];
  progress?: Progress;
  /** Worker processes to use (default: one per core); 0 checks in this process. */
  threads?: number;
}

/** Check every file, each bounded in time and memory (see fileTasks), then the aggregates against their members. */
export async function checkBatch(files: readonly string[], options: BatchOptions): Promise<CheckedOne[]> {
  const items = await checkEach(files, options.cwd, { threads: options.threads, previous: options.previous, progress: options.progress });
  checkAggregates(items, options.members);
  return items;
}

/** Add AGGREGATE-SUM findings to every aggregate report of the batch. */
export function checkAggregates(items: CheckedOne[], given?: readonly MemberReport[]): void {
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

/** Read reports that are not themselves checked (last year's, an aggregate's members); failures are listed. */
export async function readReports(files: readonly string[], cwd: string, progress?: Progress): Promise<{ reports: { file: string; report: MemberReport['report'] }[]; failed: string[] }> {
  const reports: { file: string; report: MemberReport['report'] }[] = [];
  const failed: string[] = [];
  const outcomes = await readEach(files, cwd, { progress });
  outcomes.forEach((read, i) => {
    if (read.ok) reports.push({ file: files[i], report: read.value.report });
    else failed.push(`${visible(files[i])}：${read.error}`);
  });
  return { reports, failed };
}
