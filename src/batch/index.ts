/**
 * The supervisor's batch for browser hosts (the task pane's 审核 tab, the offline page): files read from their bytes
 * and checked in Web Workers with the command line's readers, rules and messages. No node:*, no DOM beyond workers.
 */
export { readReportBytes, readableExtensions, extensionOf } from '../read';
export { checkFileBytes } from './checkBytes';
export { replyTo } from './reply';
export { batchSummary, describeTotals } from './summary';
export { runBatch, FILE_TIMEOUT_MS, type BatchInput, type BatchOptions, type BatchOutcome, type BatchWorker } from './runBatch';
export type { WorkerReply, WorkerRequest } from './protocol';
