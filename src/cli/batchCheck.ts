/**
 * A batch check: every file read and checked (in worker processes, each file bounded in time and memory), then each
 * aggregate report checked against its members — given with `--members`, or found among the other files of the batch by body name.
 */
import { checkAggregates, type MemberReport } from '../core';
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
