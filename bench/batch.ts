/**
 * The supervisor's batch: a folder of 1,000 received workbooks (sound, arithmetic errors, bad cells, hand-retyped
 * without our names, corrupt files) checked by `nianbao check`, beside a bare exceljs load of the same files in the same
 * run. Prints files per second, the ratio to the bare load on one thread (aim < 1.3: checking adds under 30% to
 * reading), the speed-up from worker threads, and peak memory at 250 / 500 / 1000 files (aim: flat, under 300 MB).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
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

interface Measured {
  seconds: number;
  peakMb: number;
  code: number;
}

/** `nianbao check` (or, with `bare`, an exceljs load) in a fresh process: its own time and peak memory. */
function measure(files: readonly string[], threads: number, mode: 'check' | 'bare' = 'check'): Measured {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'checkChild.js'), mode], {
    input: files.join('\n'),
    env: { ...process.env, NIANBAO_WORKERS: String(threads) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Measured;
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
    const sample = files.slice(0, 300);
    const bare = measure(sample, 1, 'bare');
    const one = measure(sample, 1);
    line('bare exceljs load, 1 thread', sample.length, bare.seconds, `   peak RSS ${bare.peakMb.toFixed(0)} MB`);
    line('nianbao check, 1 thread', sample.length, one.seconds, `   ratio ${(one.seconds / bare.seconds).toFixed(2)} (aim < ${RATIO_AIM})   peak RSS ${one.peakMb.toFixed(0)} MB`);
    for (const n of [250, 500, 1000]) {
      const r = measure(files.slice(0, n), cores);
      line(`nianbao check, ${cores} threads`, n, r.seconds, `   peak RSS ${r.peakMb.toFixed(0)} MB (aim < ${MEMORY_AIM_MB})`);
    }
    const bareAll = measure(files, 1, 'bare');
    const oneAll = measure(files, 1);
    line('bare exceljs load, 1 thread', files.length, bareAll.seconds, `   peak RSS ${bareAll.peakMb.toFixed(0)} MB`);
    line('nianbao check, 1 thread', files.length, oneAll.seconds, `   ratio ${(oneAll.seconds / bareAll.seconds).toFixed(2)}   peak RSS ${oneAll.peakMb.toFixed(0)} MB`);
    process.stdout.write('(every line is a fresh process, as a supervisor runs it; "threads" = worker threads of one process)\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
