/**
 * What a batch worker answers for one file: the file checked with the same readers, rules and messages as the
 * command line. Never throws: a reader bug becomes that file's "unreadable" result. Used by the Web Worker
 * (worker.ts), and run in-process where no worker exists (the pane's tests).
 */
import { unreadableFile } from '../core';
import { checkFileBytes } from './checkBytes';
import type { WorkerReply, WorkerRequest } from './protocol';

export function replyTo(request: WorkerRequest): WorkerReply {
  const { id, name, bytes } = request;
  try {
    return { id, item: checkFileBytes(name, new Uint8Array(bytes)) };
  } catch (e) {
    return { id, item: unreadableFile(name, `检查时出错：${e instanceof Error ? e.message : String(e)}`) };
  }
}
