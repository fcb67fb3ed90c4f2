/**
 * The batch's Web Worker: checks one file per message with the same readers, rules and messages as the command line.
 * Never throws back: a reader bug becomes that file's "unreadable" result.
 */
import { unreadableFile } from '../core';
import { checkFileBytes } from './checkBytes';
import type { WorkerReply, WorkerRequest } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, name, bytes } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, item: checkFileBytes(name, new Uint8Array(bytes)) };
  } catch (e) {
    reply = { id, item: unreadableFile(name, `检查时出错：${e instanceof Error ? e.message : String(e)}`) };
  }
  scope.postMessage(reply);
};
