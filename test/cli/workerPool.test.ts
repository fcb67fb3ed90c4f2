/** The worker pool: results in task order, and a worker that dies, runs out of memory or overruns costs only its task. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInWorkers, workerPeakRssMb } from '../../src/cli/workerPool';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pool-'));
const script = path.join(dir, 'worker.js');
writeFileSync(
  script,
  `process.on('message', (task) => {
  if (task && task.init !== undefined) return;
  if (task === 'exit') process.exit(3);
  if (task === 'throw') throw new Error('boom');
  if (task === 'oom') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
  if (task === 'abort') process.abort();
  if (task === 'loop') for (;;);
  process.send({ result: 'done:' + task, maxRssKb: process.resourceUsage().maxRSS });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
`,
);

describe('runInWorkers', () => {
  test('returns results in task order on several workers', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const seen: number[] = [];
    const results = await runInWorkers<string, string>({ script, workerData: null, tasks, threads: 2, onResult: (_r, i) => seen.push(i), onCrash: () => 'crash' });
    expect(results).toEqual(tasks.map((t) => `done:${t}`));
    expect(seen.sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
    expect(workerPeakRssMb()).toBeGreaterThan(10);
  });

  test('a worker that exits, throws, aborts or runs out of memory costs only its task', async () => {
    const tasks = ['a', 'exit', 'b', 'throw', 'c', 'oom', 'd', 'abort', 'e'];
    const results = await runInWorkers<string, string>({
      script,
      workerData: null,
      tasks,
      threads: 2,
      heapMb: 32,
      onResult: () => undefined,
      onCrash: (task, reason) => `crash:${task}:${/memory|heap/i.test(reason) ? 'memory' : 'other'}`,
    });
    expect(results).toEqual(['done:a', 'crash:exit:other', 'done:b', 'crash:throw:other', 'done:c', 'crash:oom:memory', 'done:d', 'crash:abort:other', 'done:e']);
  }, 60000);

  test('a task past the time bound has its worker stopped and gets the timeout result; the rest go on', async () => {
    const tasks = ['a', 'loop', 'b', 'loop', 'c'];
    const results = await runInWorkers<string, string>({
      script,
      workerData: null,
      tasks,
      threads: 1,
      timeoutMs: 1500,
      onTimeout: (task) => `timeout:${task}`,
      onResult: () => undefined,
      onCrash: (task) => `crash:${task}`,
    });
    expect(results).toEqual(['done:a', 'timeout:loop', 'done:b', 'timeout:loop', 'done:c']);
  }, 60000);

  test('a worker that cannot start fails its tasks instead of being replaced forever', async () => {
    const broken = path.join(dir, 'broken.js');
    writeFileSync(broken, "throw new Error('cannot load');");
    const results = await runInWorkers<string, string>({ script: broken, workerData: null, tasks: ['a', 'b'], threads: 1, onResult: () => undefined, onCrash: (task) => `crash:${task}` });
    expect(results).toEqual(['crash:a', 'crash:b']);
  }, 60000);
});
