/** Worker thread of the command line: registers the readers, then does each file task it is sent (see fileTasks). */
import { parentPort, workerData } from 'node:worker_threads';
import './readers';
import type { PreviousIndex } from './checkOne';
import { runTask, type FileTask } from './fileTasks';

const previous = (workerData as { previous?: PreviousIndex } | null)?.previous;

parentPort?.on('message', (task: FileTask) => {
  // runTask never throws: a bad file is an outcome, not an exception.
  void runTask(task, previous).then((outcome) => parentPort?.postMessage(outcome));
});
