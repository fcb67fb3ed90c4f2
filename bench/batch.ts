/**
 * The supervisor's batch: a folder of 1,000 received workbooks (sound, arithmetic errors, bad cells, hand-retyped
 * without our names, corrupt files) checked by `nianbao check`, beside a bare exceljs load of the same files in the same
 * run. Prints files per second, the ratio to the bare load on one thread (aim < 1.3: checking adds under 30% to
 * reading), the speed-up from worker threads, and peak memory at 250 / 500 / 1000 files (aim: flat, under 300 MB).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportData } from '../src/core';
import { spawnSync } from 'node:child_process';
import { writeTemplateWorkbook } from '../src/xlsx/writeTemplate';
import { seeded, soundReport } from '../test/helpers/reports';

const FILES = 1000;
const RATIO_AIM = 1.3;
const MEMORY_AIM_MB = 300;

async function buffer(report: ReportData, keepNames = true): Promise<Buffer> {
  const wb = await writeTemplateWorkbook({ report: { ...report, meta: { ...report.meta, body: `第${Math.floor(Math.random() * 1e6)}单位` } } });
  if (!keepNames) (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Twenty distinct workbooks repeated to 1,000 files: a quarter broken in arithmetic, some bad cells, some retyped. */
async function makeFolder(n: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-batch-'));
  const rand = seeded(7);
  const kinds: Buffer[] = [];
  for (let i = 0; i < 20; i += 1) {
    const r = soundReport(rand, { withPrev: i % 2 === 0 });
    if (i % 4 === 1) r.values = { ...r.values, 't3.new.natural': Number(r.values['t3.new.natural']) + 1 };
    if (i % 4 === 2) r.values = { ...r.values, 't2.licensing': '三', 't4.reconsideration.total': '/' };
    kinds.push(await buffer(r, i % 5 !== 3));
  }
  for (let i = 0; i < n; i += 1) {
    const name = path.join(dir, `${String(i).padStart(4, '0')}.xlsx`);
    // One in fifty is not a workbook at all.
    writeFileSync(name, i % 50 === 49 ? Buffer.from('这不是工作簿') : kinds[i % kinds.length]);
  }
  return dir;
}

function peakSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1048576;
    },
  };
}

let lastBarePeakMb = 0;

async function bareLoad(files: readonly string[]): Promise<number> {
  const sampler = peakSampler();
  const t0 = performance.now();
  for (const f of files) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(f);
    } catch {
      // the corrupt ones fail here too
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  lastBarePeakMb = sampler.stop();
  return seconds;
}

/** `nianbao check` in a fresh process (see checkChild.ts): its own time and peak memory, nothing of this one's. */
async function check(files: readonly string[], threads: number): Promise<{ seconds: number; peakMb: number; code: number }> {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'checkChild.js')], {
    input: files.join('\n'),
    env: { ...process.env, NIANBAO_WORKERS: String(threads) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(`check failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as { seconds: number; peakMb: number; code: number };
}

function line(label: string, n: number, seconds: number, extra = ''): void {
  process.stdout.write(`${label.padEnd(34)}${String(n).padStart(5)} files ${seconds.toFixed(2).padStart(7)} s ${(n / seconds).toFixed(1).padStart(7)} files/s${extra}\n`);
}

export async function run(): Promise<void> {
  const cores = availableParallelism();
  process.stdout.write(`generating ${FILES} workbooks…\n`);
  const dir = await makeFolder(FILES);
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  try {
    // Warm both paths once so the comparison is not about JIT.
    await bareLoad(files.slice(0, 20));
    await check(files.slice(0, 20), 1);

    const sample = files.slice(0, 300);
    const bare = await bareLoad(sample);
    const one = await check(sample, 1);
    line('bare exceljs load, 1 thread', sample.length, bare);
    line('nianbao check, 1 thread', sample.length, one.seconds, `   ratio ${(one.seconds / bare).toFixed(2)} (aim < ${RATIO_AIM}; fresh process)   peak RSS ${one.peakMb.toFixed(0)} MB`);

    for (const n of [250, 500, 1000]) {
      const r = await check(files.slice(0, n), cores);
      line(`nianbao check, ${cores} threads`, n, r.seconds, `   peak RSS ${r.peakMb.toFixed(0)} MB (aim < ${MEMORY_AIM_MB}; fresh process)`);
    }
    const bareAll = await bareLoad(files);
    line('bare exceljs load, 1 thread', files.length, bareAll, `   peak RSS ${lastBarePeakMb.toFixed(0)} MB (this process, generator included)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
