/**
 * The PRODUCTION bundle in headless Chromium: built with webpack exactly as `npm run build` does (into test-output),
 * served from localhost by the same static server `npm start` uses, loaded with playwright-core (never downloads a
 * browser). Outside Office, Office.onReady reports no host: the pane must explain where it belongs, with no console
 * error, no failed request and no request leaving our origin. A screenshot is kept in test-output/e2e/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import type { Browser, Page } from 'playwright-core';
import { findSchemas, validateManifest } from '../../scripts/manifest';
import { describeWithPrograms } from '../helpers/system';
import { CHROMIUM, CHROMIUM_INSTALL_HINT, E2E_OUT as OUT, buildPane, foreignRequests, launchChromium, openPane as open, serve, type PageLog, type Served } from './harness';

const DIST = join(OUT, 'dist');

describeWithPrograms('production pane in headless Chromium', [CHROMIUM], CHROMIUM_INSTALL_HINT, () => {
  let served: Served;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    buildPane(DIST);
    served = await serve(DIST);
    origin = served.origin;
    browser = await launchChromium();
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  function openPane(setup?: (page: Page) => Promise<void>): Promise<{ page: Page; log: PageLog }> {
    return open(browser, origin, { setup });
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
    expect(foreignRequests(log, origin)).toEqual([]);
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
    expect(foreignRequests(log, origin)).toEqual([]);
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
    // Structural checks with the icons as built; the XSD too where its files are beside the repo (always in CI).
    const validation = await validateManifest(manifest, { root: DIST });
    expect(validation.errors).toEqual([]);
    expect(validation.schemaChecked).toBe(findSchemas().found);
  });
});
