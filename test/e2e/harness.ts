/**
 * Shared plumbing of the headless-Chromium tests: build the production bundle exactly as `npm run build` does (into a
 * directory of the test's own, so tests running in parallel never share one), serve it from localhost with the static
 * server `npm start` uses, launch Debian's Chromium through playwright-core (never a downloaded browser) and open the
 * pane with everything the page does recorded.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStaticServer, listen } from '../../scripts/staticServer';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';
export const REPO = join(__dirname, '..', '..');
/** Screenshots and builds of the e2e tests (git-ignored). */
export const E2E_OUT = join(REPO, 'test-output', 'e2e');

/** The production build of the pane into `outDir` (emptied first); throws with webpack's output when it fails. */
export function buildPane(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const build = spawnSync(
    process.execPath,
    [join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', outDir],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, OFFICE_JS: '', MANIFEST_BUILD: '1' } },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
}

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
