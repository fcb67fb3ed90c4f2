/** Worker thread of a batch check: registers the readers, then checks each file it is sent (see checkOne). */
import { parentPort, workerData } from 'node:worker_threads';
import './readers';
import { checkOne, type CheckedOne, type PreviousIndex } from './checkOne';
import { unreadable } from './checkFiles';

interface Task {
  file: string;
  cwd: string;
}

const previous = (workerData as { previous?: PreviousIndex } | null)?.previous;

parentPort?.on('message', (task: Task) => {
  checkOne(task.file, task.cwd, previous).then(
    (r) => parentPort?.postMessage(r),
    // checkOne does not throw for bad files; anything else still must not stop the batch.
    (e: unknown) => parentPort?.postMessage({ ...unreadable(task.file, `检查时出错：${String(e)}`), notes: [] } satisfies CheckedOne),
  );
});
