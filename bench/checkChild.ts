/**
 * Child process of the batch benchmark: runs `nianbao check` on the files named on stdin (one per line) in a fresh
 * process, as a supervisor would, and prints its wall time and peak resident memory (worker threads included).
 */
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/io';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const files = input.split('\n').filter(Boolean);
  const io: Io = { out: () => undefined, err: () => undefined, isTty: false, cwd: process.cwd() };
  const t0 = performance.now();
  const code = await run(['check', ...files, '--json'], io);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, code, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void main();
