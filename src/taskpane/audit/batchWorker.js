/*
 * The 审核 tab's Web Worker: the batch worker of src/batch, built by webpack from this very expression into its own
 * file of the pane's build (same origin, so the pane's Content-Security-Policy of 'self' admits it), and loaded only
 * when the first batch starts. Plain JavaScript: `import.meta` exists only in the ES modules webpack sees, not in the
 * CommonJS the type checker and the tests compile to (see batchWorker.d.ts).
 */
/* global Worker, URL */
export function createBatchWorker() {
  return new Worker(new URL('../../batch/worker.ts', import.meta.url));
}
