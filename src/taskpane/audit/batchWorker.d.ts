import type { BatchWorker } from '../../batch';

/** A new Web Worker running src/batch/worker.ts (see batchWorker.js). */
export function createBatchWorker(): BatchWorker;
