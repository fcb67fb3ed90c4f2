/**
 * Running a batch on every core: a few worker threads, each taking the next task when it finishes one, results
 * returned in task order. Used only from the built JavaScript (a worker cannot start from TypeScript source); the
 * caller runs tasks in-process when `canUseWorkers` says no.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export function workerCount(): number {
  const env = Number(process.env.NIANBAO_WORKERS);
  if (Number.isInteger(env) && env >= 0) return env;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function canUseWorkers(script: string): boolean {
  return script.endsWith('.js') && existsSync(script);
}

export async function runInWorkers<T, R>(
  script: string,
  workerData: unknown,
  tasks: readonly T[],
  threads: number,
  onResult: (result: R, index: number) => void,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  const runOne = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const take = (): void => {
        if (next >= tasks.length) {
          resolve();
          return;
        }
        const index = next;
        next += 1;
        worker.once('message', (r: R) => {
          results[index] = r;
          onResult(r, index);
          take();
        });
        worker.postMessage(tasks[index]);
      };
      worker.once('error', reject);
      take();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, tasks.length)) }, () => new Worker(script, { workerData }));
  try {
    await Promise.all(workers.map(runOne));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
