/**
 * Everything the command line does to one received file — check it, read it (last year's reports, members, --data,
 * draft), write its marked-up copy — runs as a task with a bound on time and memory, so that one file never stops
 * the batch. Tasks run on workers (one or many) whose heap is capped and which are stopped when a file takes
 * longer than the bound; the file is then refused by name with the bound, and a fresh worker takes the rest.
 * Workers are processes (see workerPool), so even a failure that aborts V8 costs only its file.
 *
 * Where no worker can start (running from TypeScript source, or NIANBAO_WORKERS=0) tasks run in this thread: the time
 * bound then stops waiting for a stalled file and refuses any file that overran, but cannot cut a computation short,
 * and memory is not capped.
 */
import * as path from 'node:path';
import { unreadableFile, type FileResult } from '../core';
import { annotateWorkbookBytes } from '../xlsx/annotate';
import { checkOne, type CheckedOne, type PreviousIndex } from './checkOne';
import { chineseMessage, describeUnexpected } from './errors';
import { readInput, regularFileProblem, type ReadOutcome } from './inputs';
import { importTextFile, type ReadTextOutcome } from './readers/textReader';
import type { Progress } from './progress';
import { validateOfficeBytes } from './validateOutput';
import { canUseWorkers, workerHeapMb, runInWorkers, workerCount } from './workerPool';

type JsonFinding = FileResult['findings'][number];

export type FileTask =
  | { kind: 'check'; file: string; cwd: string }
  | { kind: 'read'; file: string; cwd: string }
  | { kind: 'import'; file: string; cwd: string }
  | { kind: 'annotate'; file: string; source: string; findings: JsonFinding[] };

export type AnnotateResult = { ok: true; bytes: Uint8Array; marked: number } | { ok: false; error: string };

export type TaskOutcome =
  | { kind: 'check'; value: CheckedOne }
  | { kind: 'read'; value: ReadOutcome }
  | { kind: 'import'; value: ReadTextOutcome }
  | { kind: 'annotate'; value: AnnotateResult };

export const WORKER_SCRIPT = path.join(__dirname, 'fileWorker.js');

/** Default time bound for one file; a filled report takes well under a second. */
export const DEFAULT_FILE_SECONDS = 60;

/** The time bound per file in ms: NIANBAO_FILE_SECONDS, or the default. */
export function fileTimeMs(): number {
  const env = Number(process.env.NIANBAO_FILE_SECONDS);
  return (process.env.NIANBAO_FILE_SECONDS && Number.isFinite(env) && env > 0 ? env : DEFAULT_FILE_SECONDS) * 1000;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} 秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

export function timeoutMessage(ms: number): string {
  return `处理这个文件用时超过了每个文件 ${seconds(ms)}的上限，已停止，其余文件照常处理；文件可能过大或结构异常（确需更长时间时，可设置环境变量 NIANBAO_FILE_SECONDS）`;
}

export function crashMessage(reason: string): string {
  if (/memory|heap/i.test(reason)) {
    return `处理这个文件所需的内存超过了每个文件 ${workerHeapMb()} MB 的上限，已停止，其余文件照常处理；文件可能过大或结构异常`;
  }
  const code = /code (-?\d+)/.exec(reason)?.[1];
  return `处理这个文件时检查程序异常退出${code ? `（退出代码 ${code}）` : ''}，其余文件照常处理；请把这个文件发给开发者`;
}

/** The outcome for a task that could not be done. */
export function failed(task: FileTask, error: string): TaskOutcome {
  if (task.kind === 'check') return { kind: 'check', value: unreadableFile(task.file, error) };
  if (task.kind === 'read') return { kind: 'read', value: { ok: false, error } };
  if (task.kind === 'import') return { kind: 'import', value: { ok: false, error } };
  return { kind: 'annotate', value: { ok: false, error } };
}

/**
 * exceljs reports some oddities with console.warn (in English, on our stderr): while a task runs they are kept out of
 * the output; what matters about the file reaches the user as a finding or an error.
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

/** A published text imported, once it is known to be a regular file (a FIFO named *.txt must not block). */
async function importText(abs: string): Promise<ReadTextOutcome> {
  const problem = await regularFileProblem(abs);
  if (problem) return { ok: false, error: problem };
  const read = await importTextFile(abs);
  return read.ok ? read : { ok: false, error: chineseMessage(read.error) };
}

/** Do one task in the thread that calls it. Never throws. */
export async function runTask(task: FileTask, previous?: PreviousIndex): Promise<TaskOutcome> {
  try {
    return await quietly(async (): Promise<TaskOutcome> => {
      if (task.kind === 'check') return { kind: 'check', value: await checkOne(task.file, task.cwd, previous) };
      if (task.kind === 'read') return { kind: 'read', value: await readInput(task.file, task.cwd) };
      if (task.kind === 'import') return { kind: 'import', value: await importText(path.resolve(task.cwd, task.file)) };
      const out = await annotateWorkbookBytes(task.source, task.findings);
      if (!out.ok) return { kind: 'annotate', value: out };
      const valid = validateOfficeBytes(out.bytes, 'xlsx');
      if (!valid.ok) return { kind: 'annotate', value: valid };
      return { kind: 'annotate', value: { ok: true, bytes: new Uint8Array(out.bytes), marked: out.marked } };
    });
  } catch (e) {
    return failed(task, describeUnexpected(e));
  }
}

/** In this thread, with what bound is possible here. */
async function runHere(task: FileTask, previous: PreviousIndex | undefined, boundMs: number): Promise<TaskOutcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<TaskOutcome>((resolve) => {
    timer = setTimeout(() => resolve(failed(task, timeoutMessage(boundMs))), boundMs);
  });
  const outcome = await Promise.race([runTask(task, previous), overrun]);
  clearTimeout(timer);
  return performance.now() - started > boundMs ? failed(task, timeoutMessage(boundMs)) : outcome;
}

export interface TaskOptions {
  /** Worker processes (default: one per core, at most 8); 0 runs in this process. */
  threads?: number;
  previous?: PreviousIndex;
  progress?: Progress;
}

/** Run tasks, bounded, results in task order. */
export async function runTasks(tasks: readonly FileTask[], options: TaskOptions = {}): Promise<TaskOutcome[]> {
  const threads = options.threads ?? workerCount();
  const boundMs = fileTimeMs();
  let results: TaskOutcome[];
  if (threads >= 1 && canUseWorkers(WORKER_SCRIPT)) {
    results = await runInWorkers<FileTask, TaskOutcome>({
      script: WORKER_SCRIPT,
      workerData: { previous: options.previous },
      tasks,
      threads,
      timeoutMs: boundMs,
      onTimeout: (task) => failed(task, timeoutMessage(boundMs)),
      onCrash: (task, reason) => failed(task, crashMessage(reason)),
      onResult: (_r, i) => options.progress?.tick(tasks[i].file),
    });
  } else {
    results = [];
    for (const task of tasks) {
      results.push(await runHere(task, options.previous, boundMs));
      options.progress?.tick(task.file);
    }
  }
  options.progress?.done();
  return results;
}

// Each task gets an outcome of its own kind; a mismatch would be our bug, and is then that file's error.
const MISMATCH = '内部错误：任务结果类型不符，请把这个文件发给开发者';

export async function checkEach(files: readonly string[], cwd: string, options: TaskOptions = {}): Promise<CheckedOne[]> {
  const out = await runTasks(files.map((file) => ({ kind: 'check' as const, file, cwd })), options);
  return out.map((o, i) => (o.kind === 'check' ? o.value : unreadableFile(files[i], MISMATCH)));
}

export async function readEach(files: readonly string[], cwd: string, options: TaskOptions = {}): Promise<ReadOutcome[]> {
  const out = await runTasks(files.map((file) => ({ kind: 'read' as const, file, cwd })), options);
  return out.map((o) => (o.kind === 'read' ? o.value : { ok: false, error: MISMATCH }));
}

export async function annotateEach(jobs: readonly { file: string; source: string; findings: JsonFinding[] }[], options: TaskOptions = {}): Promise<AnnotateResult[]> {
  const out = await runTasks(jobs.map((j) => ({ kind: 'annotate' as const, ...j })), options);
  return out.map((o) => (o.kind === 'annotate' ? o.value : { ok: false, error: MISMATCH }));
}

export async function importEach(files: readonly string[], cwd: string, options: TaskOptions = {}): Promise<ReadTextOutcome[]> {
  const out = await runTasks(files.map((file) => ({ kind: 'import' as const, file, cwd })), options);
  return out.map((o) => (o.kind === 'import' ? o.value : { ok: false, error: MISMATCH }));
}
