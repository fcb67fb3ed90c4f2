/**
 * A batch check: every file read and checked (on worker threads when there are many), then each aggregate report
 * checked against its members — given with `--members`, or found among the other files of the batch by body name.
 */
import * as path from 'node:path';
import { checkAggregate, normaliseBody, sortFindings, toJsonFinding, type MemberReport } from '../core';
import { checkOne, type CheckedOne, type PreviousIndex } from './checkOne';
import { readInput } from './inputs';
import { unreadable } from './checkFiles';
import type { Progress } from './progress';
import { canUseWorkers, runInWorkers, workerCount } from './workerPool';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 8;

export interface BatchOptions {
  cwd: string;
  previous?: PreviousIndex;
  /** Members of the aggregates in the batch, from `--members`. */
  members?: MemberReport[];
  progress?: Progress;
  /** Worker threads to use (default: one per core); 0 or 1 checks in this thread. */
  threads?: number;
}

const WORKER_SCRIPT = path.join(__dirname, 'checkWorker.js');

export async function checkBatch(files: readonly string[], options: BatchOptions): Promise<CheckedOne[]> {
  const threads = options.threads ?? workerCount();
  let items: CheckedOne[];
  if (threads >= 2 && files.length >= PARALLEL_MIN_FILES && canUseWorkers(WORKER_SCRIPT)) {
    items = await runInWorkers<{ file: string; cwd: string }, CheckedOne>({
      script: WORKER_SCRIPT,
      workerData: { previous: options.previous },
      tasks: files.map((file) => ({ file, cwd: options.cwd })),
      threads,
      onResult: (r) => options.progress?.tick(r.result.file),
      onCrash: (task, reason) => {
        const out: CheckedOne = { ...unreadable(task.file, `读取这个文件时检查程序异常退出（${/memory|heap/i.test(reason) ? '内存不足，文件可能过大或结构异常' : reason}），其余文件照常检查`), notes: [] };
        options.progress?.tick(task.file);
        return out;
      },
    });
  } else {
    items = [];
    for (const file of files) {
      const r = await checkOne(file, options.cwd, options.previous);
      options.progress?.tick(file);
      items.push(r);
    }
  }
  options.progress?.done();
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
export async function readReports(files: readonly string[], cwd: string): Promise<{ reports: { file: string; report: MemberReport['report'] }[]; failed: string[] }> {
  const reports: { file: string; report: MemberReport['report'] }[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const read = await readInput(file, cwd);
    if (read.ok) reports.push({ file, report: read.value.report });
    else failed.push(`${file}：${read.error}`);
  }
  return { reports, failed };
}
