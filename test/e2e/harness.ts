/**
 * Shared plumbing of the headless-Chromium tests: build the production bundle exactly as `npm run build` does (into a
 * directory of the test's own, so tests running in parallel never share one), serve it from localhost with the static
 * server `npm start` uses, launch Debian's Chromium through playwright-core (never a downloaded browser) and open the
 * pane with everything the page does recorded.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStaticServer, listen } from '../../scripts/staticServer';
import type { ExcelHostHook, HostRecords } from './excelHostPage';
import { buildPaneIn, bundleHostPageOf, type ApiVersionWindow } from './paneBuild';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';
export const REPO = join(__dirname, '..', '..');
/** Screenshots and builds of the e2e tests (git-ignored). */
export const E2E_OUT = join(REPO, 'test-output', 'e2e');

/** The production build of the pane into `outDir` (emptied first); throws with webpack's output when it fails. */
export const buildPane = (outDir: string): void => buildPaneIn(REPO, outDir);

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

/** `root` served on an ephemeral localhost port. */
export async function serve(root: string): Promise<Served> {
  const server: Server = createStaticServer({ root });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Everything a page did that a test may want to refuse. */
export interface PageLog {
  requests: string[];
  consoleProblems: string[];
  pageErrors: string[];
  failed: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Runs before navigation: init scripts, routes. */
  setup?: (page: Page) => Promise<void>;
}

/** A new page on `${origin}/taskpane.html`, its requests, console errors/warnings, page errors and failures logged. */
export async function openPane(browser: Browser, origin: string, options: OpenOptions = {}): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 360, height: 760 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
  });
  const log: PageLog = { requests: [], consoleProblems: [], pageErrors: [], failed: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  if (options.setup) await options.setup(page);
  await page.goto(`${origin}/taskpane.html`);
  return { page, log };
}

/** Requests that left `origin`. */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return log.requests.filter((u) => !u.startsWith(`${origin}/`));
}

/** The README's screenshots. */
export const DOCS_SCREENSHOTS = join(REPO, 'docs', 'screenshots');
/** A page the size of an Excel task pane (380 px wide), device scale 2. */
export const TASK_PANE = { viewport: { width: 380, height: 900 }, deviceScaleFactor: 2 };

/** test/e2e/excelHostPage.ts as one classic script, run before the page's own (no eval). */
export const bundleHostPage = (): Promise<string> => bundleHostPageOf(REPO);

/** The window of a pane opened with `openInExcel`: the ExcelApi version asked for and the host's test hook. */
export interface HookWindow extends ApiVersionWindow {
  __excelHost: ExcelHostHook;
}

/**
 * The pane in a task-pane-sized page on `${origin}/taskpane.html`, in a simulated Excel on Windows (`hostScript`, from
 * bundleHostPage) that reports ExcelApi `apiVersion`.
 */
export function openInExcel(browser: Browser, origin: string, hostScript: string, apiVersion: string): Promise<{ page: Page; log: PageLog }> {
  return openPane(browser, origin, {
    ...TASK_PANE,
    setup: async (page) => {
      await page.addInitScript((v) => {
        (window as unknown as HookWindow).__EXCEL_API__ = v;
      }, apiVersion);
      await page.addInitScript({ content: hostScript });
    },
  });
}

/** What the simulated host saw and holds (see excelHostPage.ts). */
export const records = (page: Page): Promise<HostRecords> => page.evaluate(() => (window as unknown as HookWindow).__excelHost.records());

/** A screenshot into test-output/e2e/, and into docs/screenshots/ when UPDATE_SCREENSHOTS=1 and `docs` is set. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
  const path = join(E2E_OUT, name);
  await page.mouse.move(0, 0); // no button left in its hover colour
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  if (options.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, name));
  }
}

/** No page error, no console error or warning, no failed request, nothing sent outside `origin`. */
export function expectCleanLog(log: PageLog, origin: string): void {
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleProblems).toEqual([]);
  expect(log.failed).toEqual([]);
  expect(foreignRequests(log, origin)).toEqual([]);
}

/** Nothing wider than the task pane: no horizontal scroll bar at its width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}
