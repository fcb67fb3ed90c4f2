/**
 * Child process of the batch benchmark: in a fresh process, as a supervisor would run it, either `nianbao check` or a
 * bare exceljs load of the files named on stdin (one per line); prints wall time and peak resident memory (worker
 * threads included). Both sides pay the same start-up, so their ratio is about the checking alone.
 */
import ExcelJS from 'exceljs';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/io';

async function bare(files: readonly string[]): Promise<number> {
  for (const f of files) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(f);
    } catch {
      // the corrupt ones fail here too
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
  const code = process.argv[2] === 'bare' ? await bare(files) : await run(['check', ...files, '--json'], io);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, code, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void main();
