/**
 * Worker process of the command line (see workerPool): registers the readers, takes last year's index from its first
 * message, then does each file task it is sent (see fileTasks) and sends back the outcome.
 */
import './readers';
import type { PreviousIndex } from './checkOne';
import { runTask, type FileTask } from './fileTasks';
import type { WorkerReply } from './workerPool';

let previous: PreviousIndex | undefined;

process.on('message', (message: FileTask | { init: { previous?: PreviousIndex } | null }) => {
  if ('init' in message) {
    previous = message.init?.previous;
    return;
  }
  // runTask never throws: a bad file is an outcome, not an exception.
  void runTask(message, previous).then((outcome) => {
    const usage = process.resourceUsage();
    const reply: WorkerReply<unknown> = { result: outcome, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    process.send?.(reply);
  });
});
// The batch is over (or the command line was stopped): nothing more will come.
process.on('disconnect', () => process.exit(0));
// Modules loaded: tasks may come, and their time bound starts now.
process.send?.({ ready: true });
