/**
 * Checking workbooks in the browser, as the offline page and the task pane's 审核 tab do: the page's own batch worker
 * (built by `--config-name audit-page`) in Debian's headless Chromium, one workbook posted to it again and again, the
 * median time per check taken inside the page; and the memory of a whole batch picked in the offline page and in the
 * production pane's 审核 tab (served from localhost, in the simulated Excel of test/e2e). Skipped, saying why, where
 * Chromium is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { ApiVersionWindow } from '../test/e2e/paneBuild';
import { commandLine, parentOf, pids, processMb, samplePeak } from './procMemory';

const CHROMIUM = '/usr/bin/chromium';
const REPO = resolve(__dirname, '..', '..', '..');
const OUT = join(REPO, 'build', 'bench-page');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
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
  let total = 0;
  for (const pid of pids()) {
    const command = commandLine(pid);
    // Chromium's own browser UI has a renderer too (--top-chrome-webui, about 37 MB here): not the page's, and a task
    // pane's webview has none. Every other renderer of this run counts (the page's, with its workers, and any spare).
    if (!command.includes('--type=renderer') || command.includes('--top-chrome-webui')) continue;
    // Renderers descend from the browser process we started (through its zygote).
    let ancestor = parentOf(pid);
    let ours = false;
    for (let i = 0; i < 4 && ancestor !== '0' && !ours; i += 1) {
      ours = commandLine(ancestor).includes(marker);
      ancestor = parentOf(ancestor);
    }
    if (ours) total += processMb(pid, 'private');
  }
  return total;
}

interface BatchPeak {
  seconds: number;
  idleMb: number;
  peakMb: number;
}

/**
 * A Chromium of its own (marked, so its renderers can be told apart), a page opened by `open`, then `files` picked by
 * `pick` and `done` awaited: the wall time of the batch, the renderers' private memory once the page is ready and at its
 * peak during the batch. Dedicated workers run as threads of their page's renderer, so that is page and workers.
 */
async function batchPeak(open: (browser: Browser) => Promise<Page>, pick: (page: Page) => Promise<void>, done: (page: Page) => Promise<void>): Promise<BatchPeak> {
  const { chromium } = await import('playwright-core');
  const marker = `--nianbao-bench=${process.pid}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, marker] });
  try {
    const tab = await open(browser);
    await tab.waitForTimeout(500);
    const idleMb = rendererPrivateMb(marker);
    const sampler = samplePeak(() => rendererPrivateMb(marker));
    const t = Date.now();
    let peakMb = idleMb;
    try {
      await pick(tab);
      await done(tab);
    } finally {
      peakMb = sampler.stop();
    }
    return { seconds: (Date.now() - t) / 1000, idleMb, peakMb };
  } finally {
    await browser.close();
  }
}

/** The offline page checking `files` picked with its file input: wall time, the renderer's private memory when the
 * page is loaded and at its peak during the batch. */
export async function browserBatchPeak(files: readonly string[]): Promise<BatchPeak> {
  const page = buildPage();
  return batchPeak(
    async (browser) => {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(page).href);
      return tab;
    },
    (tab) => tab.setInputFiles('#pick-files', [...files]),
    async (tab) => {
      await tab.waitForSelector('#results:not(.hidden)', { timeout: 600000 });
    },
  );
}

let paneBuild: Promise<{ dist: string; hostScript: string }> | null = null;

/** The production pane (as `npm run build`) and the simulated Excel host of test/e2e, built once per run. */
function buildPaneOnce(): Promise<{ dist: string; hostScript: string }> {
  paneBuild ??= (async () => {
    const { buildPaneIn, bundleHostPageOf } = await import('../test/e2e/paneBuild');
    const dist = join(REPO, 'build', 'bench-pane');
    buildPaneIn(REPO, dist);
    return { dist, hostScript: await bundleHostPageOf(REPO) };
  })();
  return paneBuild;
}

/**
 * The production pane's 审核 tab checking `files` picked with its file input, in a task-pane-sized page served from
 * localhost inside the simulated Excel (the tab opened, its chunk loaded, before the batch): wall time, the renderer's
 * private memory before the batch and at its peak.
 */
export async function paneBatchPeak(files: readonly string[]): Promise<BatchPeak> {
  const { dist, hostScript } = await buildPaneOnce();
  // Plain JavaScript of scripts/, loaded from the repository (the bench is compiled to another folder).
  const { createStaticServer, listen } = (await import(join(REPO, 'scripts', 'staticServer.js'))) as typeof import('../scripts/staticServer');
  const server = createStaticServer({ root: dist });
  const port = await listen(server, 0, '127.0.0.1');
  try {
    return await batchPeak(
      async (browser) => {
        const tab = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: 'zh-CN' });
        await tab.addInitScript(() => {
          (window as unknown as ApiVersionWindow).__EXCEL_API__ = '1.18';
        });
        await tab.addInitScript({ content: hostScript });
        await tab.goto(`http://127.0.0.1:${port}/taskpane.html`);
        await tab.getByRole('heading', { name: '年报助手' }).waitFor();
        await tab.getByRole('tab', { name: '审核', exact: true }).click();
        await tab.getByRole('button', { name: '选择文件（可多选）' }).waitFor();
        return tab;
      },
      (tab) => tab.locator('input[type=file][aria-label="选择收到的年报文件"]').setInputFiles([...files]),
      (tab) => tab.getByText('审核完成', { exact: true }).waitFor({ timeout: 600000 }),
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
