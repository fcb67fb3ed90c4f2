/**
 * The supervisor's batch, measured two ways in one run.
 *
 * 1. Per workbook, in this process: checking a workbook (read its bytes with the bounded reader, locate, check) beside
 *    the least any reader must do — unzip every XML part with Node's zlib and pass over its text once. Aim: ≤ 2×.
 *    Alternated many times and the median taken, so a busy machine skews both sides alike. Then the same workbooks
 *    checked in headless Chromium by the offline page's worker, beside the same Node baseline.
 * 2. A folder of 1,000 received workbooks (sound, broken, retyped without our names, not workbooks at all) checked by
 *    `nianbao check` in a fresh process, as a supervisor runs it: files per second on one thread and on every core,
 *    and peak memory at 250 / 500 / 1,000 files (PSS of the process and its workers together; aim: flat, under 300 MB), beside the unzip-and-scan of the same files
 *    in a fresh process. Then 50 and 200 of them picked in headless Chromium, in the offline page and in the production
 *    pane's 审核 tab: the private memory of its renderers (page and workers; Chromium's own UI renderer left out) at its peak, aim under
 *    200 MB for 200 files.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { checkReport, type ReportData } from '../src/core';
import { readXlsxBytes } from '../src/workbook';
import { writeTemplateWorkbook } from '../src/xlsx/writeTemplate';
import { seeded, soundReport } from '../test/helpers/reports';
import { browserAvailable, browserBatchPeak, browserCheckTimes, paneBatchPeak } from './batchBrowser';
import { processMb, processTree, samplePeak } from './procMemory';
import { unzipAndScan } from './unzipScan';

const FILES = 1000;
const RATIO_AIM = 2;
const MEMORY_AIM_MB = 300;
/** Page (or pane) and its workers, 200 files picked. */
const BROWSER_MEMORY_AIM_MB = 200;

async function buffer(report: ReportData, keepNames = true): Promise<Buffer> {
  const wb = await writeTemplateWorkbook({ report: { ...report, meta: { ...report.meta, body: `第${Math.floor(Math.random() * 1e6)}单位` } } });
  if (!keepNames) (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Kind {
  name: string;
  bytes: Buffer;
}

/** Twenty distinct workbooks: a quarter broken in arithmetic, some with bad cells, some retyped without our names. */
async function makeKinds(): Promise<Kind[]> {
  const rand = seeded(7);
  const kinds: Kind[] = [];
  for (let i = 0; i < 20; i += 1) {
    const r = soundReport(rand, { withPrev: i % 2 === 0 });
    if (i % 4 === 1) r.values = { ...r.values, 't3.new.natural': Number(r.values['t3.new.natural']) + 1 };
    if (i % 4 === 2) r.values = { ...r.values, 't2.licensing': '三', 't4.reconsideration.total': '/' };
    const names = i % 5 !== 3;
    kinds.push({ name: `${names ? 'template' : 'labels'}-${i}`, bytes: await buffer(r, names) });
  }
  return kinds;
}

function checkBytes(bytes: Buffer): number {
  const r = readXlsxBytes(bytes);
  return r.ok ? checkReport(r.value.report).length + (r.value.findings?.length ?? 0) : -1;
}

/** Median milliseconds per call of each side, alternating the sides. */
function compare(bytes: Buffer, rounds = 40, inner = 5): { check: number; scan: number } {
  const check: number[] = [];
  const scan: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    checkBytes(bytes);
    unzipAndScan(bytes);
  }
  for (let r = 0; r < rounds; r += 1) {
    let t = performance.now();
    for (let i = 0; i < inner; i += 1) unzipAndScan(bytes);
    scan.push((performance.now() - t) / inner);
    t = performance.now();
    for (let i = 0; i < inner; i += 1) checkBytes(bytes);
    check.push((performance.now() - t) / inner);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { check: median(check), scan: median(scan) };
}

interface Measured {
  seconds: number;
  /** Peak resident memory of the command's own process. */
  peakMb: number;
  /** Peak resident memory of the largest of its worker processes (0 when it checked in-process). */
  workerPeakMb: number;
  /** Peak PSS of the process and all its workers, summed at each moment (shared pages split, not counted twice). */
  groupPssMb?: number;
  code: number;
}

/** Memory of a run: the process, and with workers the process plus each worker at the largest worker's peak. */
function memory(r: Measured, threads: number): string {
  const pss = r.groupPssMb ? `peak PSS ${r.groupPssMb.toFixed(0)} MB` : 'peak PSS not measured (no /proc)';
  if (!r.workerPeakMb) return `${pss}; peak RSS ${r.peakMb.toFixed(0)} MB`;
  const total = r.peakMb + threads * r.workerPeakMb;
  return `${pss} (process and workers together); RSS bound: ${r.peakMb.toFixed(0)} MB + ${threads} workers × ≤ ${r.workerPeakMb.toFixed(0)} MB = ≤ ${total.toFixed(0)} MB`;
}

/**
 * `nianbao check` (or, with `scan`, unzip-and-scan) in a fresh process: its own time, its peak resident memory and its
 * largest worker's (as the processes report them), and, sampled from outside every 50 ms, the peak PSS of the process
 * and its workers together.
 */
async function measure(files: readonly string[], threads: number, mode: 'check' | 'scan' = 'check'): Promise<Measured> {
  const child = spawn(process.execPath, [path.join(__dirname, 'checkChild.js'), mode], {
    env: { ...process.env, NIANBAO_WORKERS: String(threads) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? 0;
  const sampler = samplePeak(() => processTree(pid).reduce((sum, p) => sum + processMb(p, 'pss'), 0));
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  child.stdin.end(files.join('\n'));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const groupPssMb = sampler.stop();
  if (status !== 0 && status !== 1) throw new Error(`${mode} failed: ${err}`);
  return { ...(JSON.parse(out.trim().split('\n').pop() as string) as Measured), groupPssMb };
}

function line(label: string, n: number, seconds: number, extra = ''): void {
  process.stdout.write(`${label.padEnd(34)}${String(n).padStart(5)} files ${seconds.toFixed(2).padStart(7)} s ${(n / seconds).toFixed(1).padStart(7)} files/s${extra}\n`);
}

export async function run(): Promise<void> {
  const kinds = await makeKinds();
  process.stdout.write('per workbook, in one process (median of alternating runs):\n');
  let sumCheck = 0;
  let sumScan = 0;
  const scans = new Map<string, number>();
  for (const group of ['template', 'labels']) {
    const sample = kinds.filter((k) => k.name.startsWith(group));
    const times = sample.map((k) => compare(k.bytes));
    sample.forEach((k, i) => scans.set(k.name, times[i].scan));
    const check = times.reduce((a, t) => a + t.check, 0) / times.length;
    const scan = times.reduce((a, t) => a + t.scan, 0) / times.length;
    sumCheck += times.reduce((a, t) => a + t.check, 0);
    sumScan += times.reduce((a, t) => a + t.scan, 0);
    const kb = sample.reduce((a, k) => a + k.bytes.length, 0) / sample.length / 1024;
    process.stdout.write(
      `  ${group === 'template' ? 'template workbooks (by names)' : 'retyped, no names (by labels)'} ${String(sample.length).padStart(3)} × ${kb.toFixed(0)} KB: ` +
        `check ${check.toFixed(2)} ms, unzip-and-scan ${scan.toFixed(2)} ms, ratio ${(check / scan).toFixed(2)} (aim ≤ ${RATIO_AIM})\n`,
    );
  }
  process.stdout.write(`  all: ratio ${(sumCheck / sumScan).toFixed(2)} (aim ≤ ${RATIO_AIM})\n\n`);

  const missing = browserAvailable();
  if (missing) process.stdout.write(`in the browser: skipped, ${missing}\n\n`);
  else {
    process.stdout.write('in headless Chromium, the offline page\'s worker (median per check, message round trip included):\n');
    for (const group of ['template', 'labels']) {
      const sample = kinds.filter((k) => k.name.startsWith(group)).slice(0, 4);
      const { ms, heapMb } = await browserCheckTimes(sample.map((k) => k.bytes));
      const browser = ms.reduce((a, b) => a + b, 0) / ms.length;
      const scan = sample.reduce((a, k) => a + (scans.get(k.name) ?? 0), 0) / sample.length;
      process.stdout.write(
        `  ${group === 'template' ? 'template workbooks (by names)' : 'retyped, no names (by labels)'} ${String(sample.length).padStart(3)}: ` +
          `check ${browser.toFixed(2)} ms, Node unzip-and-scan ${scan.toFixed(2)} ms, ratio ${(browser / scan).toFixed(2)} (aim ≤ ${RATIO_AIM}); page heap ${heapMb.toFixed(0)} MB\n`,
      );
    }
    process.stdout.write('\n');
  }

  const cores = availableParallelism();
  process.stdout.write(`a folder of ${FILES} workbooks, each line a fresh process:\n`);
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-batch-'));
  try {
    for (let i = 0; i < FILES; i += 1) {
      // One in fifty is not a workbook at all.
      writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.xlsx`), i % 50 === 49 ? Buffer.from('这不是工作簿') : kinds[i % kinds.length].bytes);
    }
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const scan = await measure(files, 1, 'scan');
    line('unzip-and-scan, in-process', files.length, scan.seconds, `   ${memory(scan, 1)}`);
    const one = await measure(files, 0);
    line('nianbao check, in-process', files.length, one.seconds, `   ratio ${(one.seconds / scan.seconds).toFixed(2)}   ${memory(one, 0)}`);
    for (const n of [250, 500, 1000]) {
      const r = await measure(files.slice(0, n), cores);
      line(`nianbao check, ${cores} workers`, n, r.seconds, `   ${memory(r, cores)} (aim < ${MEMORY_AIM_MB}, flat)`);
    }
    process.stdout.write('(workers are processes, each file bounded in time and memory; process start-up is included on both sides)\n');
    if (!browserAvailable()) {
      // Page and workers: dedicated workers are threads of their page's renderer process.
      for (const [where, peakOf] of [
        ['offline page in Chromium', browserBatchPeak],
        ["pane's 审核 tab in Chromium", paneBatchPeak],
      ] as const) {
        for (const n of [50, 200]) {
          const r = await peakOf(files.slice(0, n));
          process.stdout.write(
            `${where.padEnd(28)}${String(n).padStart(4)} files picked: ${r.seconds.toFixed(2).padStart(6)} s, renderer private memory ${r.idleMb.toFixed(0)} MB loaded, ` +
              `${r.peakMb.toFixed(0)} MB at peak (aim < ${BROWSER_MEMORY_AIM_MB} for 200 files, flat)\n`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
