/**
 * Running a batch on every core: a few worker threads, each taking the next task when it finishes one, results
 * returned in task order. Used only from the built JavaScript (a worker cannot start from TypeScript source); the
 * caller runs tasks in-process when `canUseWorkers` says no.
 *
 * Each worker's heap is capped, so a hostile workbook cannot take the machine's memory, and a worker that dies on
 * one file — out of memory, say — costs only that file: its task gets a result from `onCrash` and a fresh worker
 * takes the rest.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Heap cap per worker (MB). Measured on 240 template workbooks with two workers: caps of 1 GB and less put V8 into
 * its memory-saving mode (210 MB peak but 35% more CPU, slower than one thread); 2 GB keeps normal collection
 * (about 310 MB peak, 1.3× faster than one thread) while still stopping a runaway workbook.
 */
export const WORKER_HEAP_MB = 2048;
const YOUNG_GENERATION_MB = 16;

export function workerCount(): number {
  const env = Number(process.env.NIANBAO_WORKERS);
  if (process.env.NIANBAO_WORKERS && Number.isInteger(env) && env >= 0) return env;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function canUseWorkers(script: string): boolean {
  return script.endsWith('.js') && existsSync(script);
}

export interface PoolOptions<T, R> {
  script: string;
  workerData: unknown;
  tasks: readonly T[];
  threads: number;
  onResult: (result: R, index: number) => void;
  /** The result for a task whose worker died; `reason` says why, in English from Node. */
  onCrash: (task: T, reason: string) => R;
  /** Time bound per task (ms): past it the worker is stopped, the task gets `onTimeout`'s result, a fresh worker goes on. */
  timeoutMs?: number;
  onTimeout?: (task: T) => R;
  heapMb?: number;
}

export async function runInWorkers<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  const { script, workerData, tasks, threads, onResult, onCrash, timeoutMs, onTimeout } = options;
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  const results = new Array<R>(tasks.length);
  if (tasks.length === 0) return results;
  let next = 0;

  const spawn = (): Worker =>
    new Worker(script, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });

  // One lane per thread: it owns a worker, replaces it when it dies or overruns, and ends when the tasks run out.
  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      let worker: Worker;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const stopTimer = (): void => {
        if (timer) clearTimeout(timer);
        timer = undefined;
      };
      const retire = (): void => {
        stopTimer();
        worker.removeAllListeners();
        void worker.terminate();
      };
      const record = (index: number, r: R): void => {
        if (results[index] !== undefined) return;
        results[index] = r;
        onResult(r, index);
      };
      const take = (): void => {
        if (next >= tasks.length) {
          retire();
          resolve();
          return;
        }
        current = next;
        next += 1;
        worker.postMessage(tasks[current]);
        if (timeoutMs && onTimeout) {
          const index = current;
          timer = setTimeout(() => {
            retire();
            record(index, onTimeout(tasks[index]));
            start();
            take();
          }, timeoutMs);
        }
      };
      const start = (): void => {
        worker = spawn();
        worker.on('message', (r: R) => {
          stopTimer();
          record(current, r);
          take();
        });
        const died = (reason: string): void => {
          retire();
          if (current >= 0) record(current, onCrash(tasks[current], reason));
          start();
          take();
        };
        worker.on('error', (e: Error) => died(e.message));
        worker.on('exit', (code) => died(`worker exited with code ${code}`));
      };
      start();
      take();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, tasks.length)) }, lane));
  return results;
}
