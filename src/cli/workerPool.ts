/**
 * Running a batch on every core: a few worker processes, each taking the next task when it finishes one, results
 * returned in task order. Used only from the built JavaScript (a worker cannot start from TypeScript source); the
 * caller runs tasks in-process when `canUseWorkers` says no.
 *
 * Workers are child processes, not threads: some hostile workbooks make V8 fail an allocation it cannot recover
 * from ("CALL_AND_RETRY_LAST … heap out of memory" while exceljs builds a whole-sheet data validation), and V8 then
 * aborts the whole process — a worker thread would take the batch down with it. A worker process that dies, runs out
 * of memory or overruns the time bound costs only its file: its task gets a result from `onCrash` or `onTimeout`, and
 * a fresh worker takes the rest.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * Heap cap per worker (MB): a worker process with this heap stays under 500 MB whatever one input makes it do (a
 * workbook whose defined name covers a whole sheet peaks at about 410 MB before its worker is stopped).
 *
 * A small cap alone costs time: V8 lets a heap grow by a factor that shrinks with the cap (about 1.3 at 320 MB,
 * 4 at 2 GB), and a worker checking hundreds of workbooks then collects garbage four to five times as often — 40%
 * more CPU measured on 240 template workbooks. HEAP_GROWING_PERCENT gives the heap the factor of a large one, which
 * brings the CPU back to that of a 2 GB cap (`npm run bench -- fuzz` measures the three side by side).
 */
export const WORKER_HEAP_MB = 320;
export const HEAP_GROWING_PERCENT = 300;
/**
 * Young generation per worker (MB per semi-space). A check allocates in short bursts that die young; with V8's default
 * (16 MB on 64-bit) each worker keeps up to 48 MB of young space resident between files. 2 MB keeps them small and
 * costs no measurable time: 1,000 workbooks with 2 workers, twice each way, peak PSS of the whole run 296–309 → 244–248 MB,
 * 5.0–5.2 s against 4.9–5.5 s (`npm run bench -- batch` prints the run's peak; NIANBAO_SEMI_SPACE_MB=0 leaves V8's
 * default, for comparing).
 */
export const SEMI_SPACE_MB = 2;

function semiSpaceMb(): number {
  const env = process.env.NIANBAO_SEMI_SPACE_MB;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : SEMI_SPACE_MB;
}

/** The cap in use: NIANBAO_HEAP_MB overrides it (for measuring; see bench/fuzz). */
export function workerHeapMb(): number {
  const env = Number(process.env.NIANBAO_HEAP_MB);
  return Number.isInteger(env) && env >= 32 ? env : WORKER_HEAP_MB;
}

/** The growing factor in use: NIANBAO_HEAP_GROWING_PERCENT=0 leaves V8's own (for measuring). */
function heapGrowingPercent(): number {
  const env = process.env.NIANBAO_HEAP_GROWING_PERCENT;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : HEAP_GROWING_PERCENT;
}

export function workerCount(): number {
  const env = Number(process.env.NIANBAO_WORKERS);
  if (process.env.NIANBAO_WORKERS && Number.isInteger(env) && env >= 0) return env;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function canUseWorkers(script: string): boolean {
  return script.endsWith('.js') && existsSync(script);
}

export interface PoolOptions<T, R> {
  /**
   * A script that sends `{ ready: true }` once loaded, takes `{ init: workerData }` as its first message, then answers
   * each message (a task) with one WorkerReply through process.send.
   */
  script: string;
  /** Passed to every worker as its first message, before any task. */
  workerData: unknown;
  tasks: readonly T[];
  threads: number;
  onResult: (result: R, index: number) => void;
  /** The result for a task whose worker died; `reason` says why, in English from Node and V8. */
  onCrash: (task: T, reason: string) => R;
  /** Time bound per task (ms): past it the worker is killed, the task gets `onTimeout`'s result, a fresh worker goes on. */
  timeoutMs?: number;
  onTimeout?: (task: T) => R;
  heapMb?: number;
}

/** The last few KB of a worker's stderr: V8 says there why it died. */
const STDERR_KEEP = 4096;

/** What a worker sends back for a task: its result, and (for benchmarks) its peak memory and CPU time so far. */
export interface WorkerReply<R> {
  result: R;
  maxRssKb?: number;
  cpuMs?: number;
}

let peakWorkerRssKb = 0;
let retiredCpuMs = 0;
const liveCpuMs = new Map<ChildProcess, number>();

/** The largest peak resident memory any worker process of this process reported (MB); for benchmarks. */
export function workerPeakRssMb(): number {
  return peakWorkerRssKb / 1024;
}

/** CPU time (user and system, ms) all worker processes of this process reported; for benchmarks. */
export function workerCpuMs(): number {
  return retiredCpuMs + [...liveCpuMs.values()].reduce((a, b) => a + b, 0);
}

export async function runInWorkers<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  const { script, workerData, tasks, threads, onResult, onCrash, timeoutMs, onTimeout } = options;
  const heapMb = options.heapMb ?? workerHeapMb();
  const growing = heapGrowingPercent();
  const results = new Array<R>(tasks.length);
  if (tasks.length === 0) return results;
  let next = 0;

  const spawn = (): { child: ChildProcess; stderr: () => string } => {
    const semi = semiSpaceMb();
    const execArgv = [`--max-old-space-size=${heapMb}`, ...(growing > 0 ? [`--heap-growing-percent=${growing}`] : []), ...(semi > 0 ? [`--max-semi-space-size=${semi}`] : [])];
    const child = fork(script, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.send({ init: workerData });
    return { child, stderr: () => err };
  };

  // One lane per worker: it owns a process, replaces it when it dies or overruns, and ends when the tasks run out.
  // A task is sent only once its worker says it is ready, so that the time bound is the file's, not the start-up's.
  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      let worker: ReturnType<typeof spawn>;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let failedStarts = 0;
      const stopTimer = (): void => {
        if (timer) clearTimeout(timer);
        timer = undefined;
      };
      const retire = (): void => {
        stopTimer();
        retiredCpuMs += liveCpuMs.get(worker.child) ?? 0;
        liveCpuMs.delete(worker.child);
        worker.child.removeAllListeners();
        worker.child.stderr?.removeAllListeners();
        if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      };
      const record = (index: number, r: R): void => {
        if (results[index] !== undefined) return;
        results[index] = r;
        onResult(r, index);
      };
      const take = (): void => {
        current = -1;
        if (next >= tasks.length) {
          retire();
          resolve();
          return;
        }
        current = next;
        next += 1;
        worker.child.send(tasks[current] as object);
        if (timeoutMs && onTimeout) {
          const index = current;
          timer = setTimeout(() => {
            retire();
            record(index, onTimeout(tasks[index]));
            start();
          }, timeoutMs);
        }
      };
      const start = (): void => {
        worker = spawn();
        const { child, stderr } = worker;
        child.on('message', (reply: WorkerReply<R> | { ready: true }) => {
          if ('ready' in reply) {
            failedStarts = 0;
            take();
            return;
          }
          stopTimer();
          peakWorkerRssKb = Math.max(peakWorkerRssKb, reply.maxRssKb ?? 0);
          if (reply.cpuMs !== undefined) liveCpuMs.set(child, reply.cpuMs);
          record(current, reply.result);
          take();
        });
        const died = (reason: string): void => {
          retire();
          if (current >= 0) record(current, onCrash(tasks[current], `${reason}\n${stderr()}`));
          else failedStarts += 1;
          // A worker that cannot even start would be replaced forever: after three tries, the lane's tasks fail.
          if (failedStarts >= 3) {
            while (next < tasks.length) {
              const index = next;
              next += 1;
              record(index, onCrash(tasks[index], `worker could not start\n${stderr()}`));
            }
            resolve();
            return;
          }
          current = -1;
          start();
        };
        child.on('error', (e: Error) => died(e.message));
        // 'close' rather than 'exit': stderr has then been read to the end.
        child.on('close', (code, signal) => died(signal ? `worker killed by ${signal}` : `worker exited with code ${code}`));
      };
      start();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, tasks.length)) }, lane));
  return results;
}
