/**
 * A batch of received files checked in Web Workers, so the page stays responsive: a few workers each take the next
 * file, progress is reported file by file ("第 n / N 份"), the batch can be cancelled, and a file that makes its
 * worker fail or run past the time bound costs only that file — its worker is replaced and the batch goes on.
 * Results come back in the order the files were given; aggregates are then checked against their members.
 */
import { checkAggregates, unreadableFile, type CheckedFile } from '../core';
import { LIMITS, mb } from '../workbook';
import type { WorkerReply, WorkerRequest } from './protocol';

/** A file to check: a browser File, or anything that can give its bytes. */
export interface BatchInput {
  name: string;
  size: number;
  bytes(): Promise<ArrayBuffer>;
}

/** The part of a Worker the batch uses (a browser Worker, or a stand-in in tests). */
export interface BatchWorker {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface BatchOptions {
  createWorker: () => BatchWorker;
  /** Workers to run at once (default: the machine's cores, at most 4). */
  threads?: number;
  onProgress?: (done: number, total: number, name: string) => void;
  signal?: AbortSignal;
  /** Time bound per file, in milliseconds. */
  timeoutMs?: number;
}

export interface BatchOutcome {
  items: CheckedFile[];
  /** The batch was cancelled: `items` holds the files finished before that, in order. */
  cancelled: boolean;
}

export const FILE_TIMEOUT_MS = 60_000;

function defaultThreads(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, 4));
}

export async function runBatch(inputs: readonly BatchInput[], options: BatchOptions): Promise<BatchOutcome> {
  const total = inputs.length;
  const results: (CheckedFile | undefined)[] = new Array(total);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total));
  const timeoutMs = options.timeoutMs ?? FILE_TIMEOUT_MS;
  let next = 0;
  let done = 0;
  let cancelled = options.signal?.aborted ?? false;
  const live = new Set<BatchWorker>();

  const finish = (index: number, item: CheckedFile): void => {
    results[index] = item;
    done += 1;
    options.onProgress?.(done, total, inputs[index].name);
  };

  /** One worker's loop: check files until none is left; a failing worker is replaced for the next file. */
  const lane = async (): Promise<void> => {
    let worker: BatchWorker | null = null;
    while (!cancelled && next < total) {
      const index = next;
      next += 1;
      const input = inputs[index];
      if (input.size > LIMITS.maxFileBytes) {
        finish(index, unreadableFile(input.name, `文件过大（${mb(input.size)}），超过了 ${mb(LIMITS.maxFileBytes)} 的上限；年报通常不到 1 MB，请确认是否发错了文件`));
        continue;
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await input.bytes();
      } catch {
        finish(index, unreadableFile(input.name, '无法读取这个文件（可能已被移动、删除或没有权限）'));
        continue;
      }
      if (cancelled) break;
      worker ??= options.createWorker();
      live.add(worker);
      const w: BatchWorker = worker;
      const outcome = await new Promise<{ item: CheckedFile } | { failed: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ failed: `处理超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止；文件可能结构异常` }), timeoutMs);
        w.onmessage = (event) => {
          clearTimeout(timer);
          resolve({ item: event.data.item });
        };
        w.onerror = (event) => {
          clearTimeout(timer);
          event.preventDefault?.();
          resolve({ failed: `检查这个文件时出错（${/memory/i.test(event.message ?? '') ? '内存不足，文件可能过大或结构异常' : event.message || '未知原因'}），其余文件照常检查` });
        };
        w.postMessage({ id: index, name: input.name, bytes }, [bytes]);
      });
      if (cancelled) break;
      if ('item' in outcome) finish(index, outcome.item);
      else {
        w.terminate();
        live.delete(w);
        worker = null;
        finish(index, unreadableFile(input.name, outcome.failed));
      }
    }
    if (worker) {
      worker.terminate();
      live.delete(worker);
    }
  };

  const onAbort = (): void => {
    cancelled = true;
    for (const w of live) w.terminate();
    live.clear();
  };
  options.signal?.addEventListener('abort', onAbort);
  try {
    // A cancelled lane stops waiting: its worker is terminated, and the promise it awaits is left to be collected.
    await Promise.race([
      Promise.all(Array.from({ length: threads }, lane)),
      new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve())),
    ]);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const items = results.filter((r): r is CheckedFile => r !== undefined);
  checkAggregates(items);
  return { items, cancelled };
}
