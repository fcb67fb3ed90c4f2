/**
 * Child process of the batch benchmark: in a fresh process, as a supervisor would run it, either `nianbao check` or
 * the unzip-and-scan baseline of the files named on stdin (one per line); prints wall time and peak resident memory of
 * this process and of the largest of its worker processes. Both sides pay the same start-up.
 */
import { readFileSync } from 'node:fs';
import { run } from '../src/cli/main';
import { workerPeakRssMb } from '../src/cli/workerPool';
import type { Io } from '../src/cli/io';
import { unzipAndScan } from './unzipScan';

function scan(files: readonly string[]): number {
  for (const f of files) {
    try {
      unzipAndScan(readFileSync(f));
    } catch {
      // the files that are not workbooks fail here too
    }
  }
  return 0;
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const files = input.split('\n').filter(Boolean);
  const io: Io = { out: () => undefined, err: () => undefined, isTty: false, cwd: process.cwd() };
  const t0 = performance.now();
  const code = process.argv[2] === 'scan' ? scan(files) : await run(['check', ...files, '--json'], io);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, code, peakMb: process.resourceUsage().maxRSS / 1024, workerPeakMb: workerPeakRssMb() })}\n`);
}

void main();
