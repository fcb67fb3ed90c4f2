/** The batch's Web Worker: one file per message, answered by replyTo (reply.ts). */
import { replyTo } from './reply';
import type { WorkerReply, WorkerRequest } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => scope.postMessage(replyTo(event.data));
