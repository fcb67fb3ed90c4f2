/**
 * The PRODUCTION bundle in headless Chromium: built with webpack exactly as `npm run build` does (into test-output),
 * served from localhost by the same static server `npm start` uses, loaded with playwright-core (never downloads a
 * browser). Outside Office, Office.onReady reports no host: the pane must explain where it belongs, with no console
 * error, no failed request and no request leaving our origin. A screenshot is kept in test-output/e2e/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parse } from 'acorn';
import { chromium, type Browser, type Page } from 'playwright-core';
import { validateManifest } from '../../scripts/manifest';
import { createStaticServer, listen } from '../../scripts/staticServer';
import { describeWithPrograms } from '../helpers/system';

const CHROMIUM = '/usr/bin/chromium';
const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'e2e');
const DIST = join(OUT, 'dist');

interface PageLog {
  requests: string[];
  consoleProblems: string[];
  pageErrors: string[];
  failed: string[];
}

describeWithPrograms('production pane in headless Chromium', [CHROMIUM], 'apt-get install -y chromium', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(DIST, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const build = spawnSync(
      process.execPath,
      [join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', DIST],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, OFFICE_JS: '', MANIFEST_BUILD: '1' } },
    );
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
    server = createStaticServer({ root: DIST });
    const port = await listen(server, 0, '127.0.0.1');
    origin = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function openPane(setup?: (page: Page) => Promise<void>): Promise<{ page: Page; log: PageLog }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 760 }, locale: 'zh-CN' });
    const log: PageLog = { requests: [], consoleProblems: [], pageErrors: [], failed: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => log.pageErrors.push(e.message));
    if (setup) await setup(page);
    await page.goto(`${origin}/taskpane.html`);
    return { page, log };
  }

  test('outside Office: explains it must run inside Excel; clean console; nothing leaves our origin', async () => {
    const { page, log } = await openPane();
    await page.getByRole('heading', { name: '年报助手' }).waitFor();
    await page.getByText('请在 Excel 中打开年报助手').waitFor();
    // office.js schedules its telemetry frame three seconds after load: wait past it, so a leak would be seen.
    await page.waitForTimeout(4000);
    await page.screenshot({ path: join(OUT, 'pane-outside-excel.png'), fullPage: true });

    expect(await page.getByText('网页版 Excel：「插入 → 加载项 → 上传我的加载项」，选择 manifest.xml。').count()).toBe(1);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleProblems).toEqual([]);
    expect(log.failed).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    // office.js came from our own build, by a relative path, with the files it loads for a plain browser.
    const paths = log.requests.map((u) => new URL(u).pathname);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^\/office\/[\d.]+\/office\.js$/)]));
    expect(paths.some((p) => /^\/vendor\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/taskpane\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
    await page.close();
  });

  test('a host too old for the bundle gets the plain Chinese message', async () => {
    const { page, log } = await openPane(async (p) => {
      await p.addInitScript(() => {
        // What the IE11 webview lacks, among much else.
        delete (Promise as unknown as { allSettled?: unknown }).allSettled;
      });
    });
    await page.getByText('您使用的 Excel 版本过旧，无法显示年报助手窗格。').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByText('请在 Excel 中打开年报助手').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'pane-legacy-host.png') });
    expect(log.pageErrors).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    await page.close();
  });

  test('the build: CSP allows only our origin, content-hashed names, ES5 legacy script, valid manifest', async () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script>[^<]/); // no inline script: script-src 'self' would block it
    const files = readdirSync(DIST);
    const legacy = files.find((f) => /^legacy\.[0-9a-f]{8}\.js$/.test(f));
    expect(legacy).toBeDefined();
    expect(() => parse(readFileSync(join(DIST, legacy as string), 'utf8'), { ecmaVersion: 5 })).not.toThrow();
    const manifest = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.1<\/Version>/);
    expect((await validateManifest(manifest)).valid).toBe(true);
  });
});
