/**
 * Checking workbooks in the browser, as the offline page and the task pane's 审核 tab do: the page's own batch worker
 * (built by `--config-name audit-page`) in Debian's headless Chromium, one workbook posted to it again and again, the
 * median time per check taken inside the page. Skipped, saying why, where Chromium is missing.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const REPO = resolve(__dirname, '..', '..', '..');
const OUT = join(REPO, 'build', 'bench-page');

export function browserAvailable(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install -y chromium)`;
}

function buildPage(): string {
  mkdirSync(OUT, { recursive: true });
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--config-name', 'audit-page', '--output-path', OUT], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
  return join(OUT, '年报审核.html');
}

/** Median milliseconds per check of each workbook in the page's worker, and the page's JS heap after all of them. */
export async function browserCheckTimes(workbooks: readonly Buffer[], rounds = 60): Promise<{ ms: number[]; heapMb: number }> {
  const { chromium } = await import('playwright-core');
  const page = buildPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    const ms: number[] = [];
    for (const bytes of workbooks) {
      const times = await tab.evaluate(
        async ({ data, rounds: n }) => {
          const source = (window as unknown as { __BATCH_WORKER_SOURCE__: string }).__BATCH_WORKER_SOURCE__;
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
          const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          const once = (): Promise<number> =>
            new Promise((done) => {
              const copy = bin.slice().buffer;
              const t = performance.now();
              worker.onmessage = () => done(performance.now() - t);
              worker.postMessage({ id: 0, name: 'bench.xlsx', bytes: copy }, [copy]);
            });
          for (let i = 0; i < 5; i += 1) await once();
          const out: number[] = [];
          for (let i = 0; i < n; i += 1) out.push(await once());
          worker.terminate();
          return out;
        },
        { data: bytes.toString('base64'), rounds },
      );
      times.sort((a, b) => a - b);
      ms.push(times[Math.floor(times.length / 2)]);
    }
    const heapMb = await tab.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);
    return { ms, heapMb };
  } finally {
    await browser.close();
  }
}

/**
 * Private memory (what the page costs the machine, as Chrome's task manager counts it; shared library pages left out)
 * of the renderer processes — a page and its workers live in one — of the Chromium run with `marker`, in MB.
 */
function rendererPrivateMb(marker: string): number {
  const read = (pid: string, what: string): string => {
    try {
      return readFileSync(`/proc/${pid}/${what}`, 'utf8');
    } catch {
      return '';
    }
  };
  const parent = (pid: string): string => /PPid:\s+(\d+)/.exec(read(pid, 'status'))?.[1] ?? '0';
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (!read(pid, 'cmdline').includes('--type=renderer')) continue;
    // Renderers descend from the browser process we started (through its zygote).
    let ancestor = parent(pid);
    let ours = false;
    for (let i = 0; i < 4 && ancestor !== '0' && !ours; i += 1) {
      ours = read(ancestor, 'cmdline').includes(marker);
      ancestor = parent(ancestor);
    }
    const smaps = read(pid, 'smaps_rollup');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(smaps)?.[1] ?? 0);
    if (ours) total += (kb('Private_Clean') + kb('Private_Dirty')) / 1024;
  }
  return total;
}

/** The offline page checking `files` picked with its file input: wall time, the renderer's private memory when the
 * page is loaded and at its peak during the batch. */
export async function browserBatchPeak(files: readonly string[]): Promise<{ seconds: number; idleMb: number; peakMb: number }> {
  const { chromium } = await import('playwright-core');
  const page = buildPage();
  const marker = `--nianbao-bench=${process.pid}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', marker] });
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForTimeout(500);
    const idleMb = rendererPrivateMb(marker);
    let peak = idleMb;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rendererPrivateMb(marker));
    }, 50);
    const t = Date.now();
    await tab.setInputFiles('#pick-files', [...files]);
    await tab.waitForSelector('#results:not(.hidden)', { timeout: 600000 });
    const seconds = (Date.now() - t) / 1000;
    clearInterval(sampler);
    return { seconds, idleMb, peakMb: peak };
  } finally {
    await browser.close();
  }
}
