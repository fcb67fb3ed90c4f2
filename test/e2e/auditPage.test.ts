/**
 * The offline audit page (年报审核.html) as a supervisor without the add-in uses it: the production build opened from
 * disk (file://) in headless Chromium, fifty received files picked with a real file input (sound, broken, hand-made,
 * published texts, corrupt), checked in its Web Workers. It must show the same findings as `nianbao check` on the same files, download
 * the same three sheets, make no request at all (only the file itself and its worker's blob), and stay within the
 * syntax and APIs of the Chromium 90 engines of 信创 machines.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vm from 'node:vm';
import { parse } from 'acorn';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { SUMMARY_SHEETS, type CheckResult } from '../../src/core';
import { describeWithPrograms } from '../helpers/system';
import { CHROMIUM, CHROMIUM_INSTALL_HINT, E2E_OUT, REPO, launchChromium } from './harness';
import { baseName, byFile, cliCheck, filesIn, receivedFolder } from './received';

const OUT = join(E2E_OUT, 'page');
const PAGE = join(OUT, '年报审核.html');
const SCREENSHOTS = join(REPO, 'docs', 'screenshots');

function build(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--config-name', 'audit-page', '--output-path', OUT], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}

describeWithPrograms('the offline audit page in headless Chromium, from file://', [CHROMIUM], CHROMIUM_INSTALL_HINT, () => {
  let browser: Browser;
  let folder: string;
  let files: string[];
  let expected: CheckResult;

  beforeAll(async () => {
    build();
    folder = await receivedFolder();
    files = filesIn(folder);
    expected = await cliCheck(folder);
    browser = await launchChromium();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('fifty files picked: the same findings as nianbao check, the same three sheets downloaded, no request', async () => {
    const page = await browser.newPage({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(PAGE).href);
    await page.setInputFiles('#pick-files', files);
    await page.waitForSelector('#results:not(.hidden)', { timeout: 120000 });
    expect(await page.textContent('#progress-text')).toMatch(new RegExp(`^第 ${files.length} / ${files.length} 份：`));
    const totals = (await page.textContent('#totals')) ?? '';
    const s = expected.summary;
    expect(totals).toContain(`共检查 ${files.length} 个文件`);
    expect(totals).toContain(`合计错误 ${s.errors} 项、核实 ${s.warnings} 项、提示 ${s.infos} 项`);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(OUT, 'audit-page.png'), fullPage: false });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-page.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = join(OUT, '审核结果.xlsx');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('审核结果.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SUMMARY_SHEETS));
    const detail = wb.getWorksheet(SUMMARY_SHEETS.findings) as ExcelJS.Worksheet;
    const rows: { file: string; rule: string; target: string; message: string }[] = [];
    detail.eachRow((row, n) => {
      if (n > 1) rows.push({ file: String(row.getCell(1).value), rule: String(row.getCell(4).value), target: String(row.getCell(5).value), message: String(row.getCell(10).value) });
    });
    const cliRows = expected.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, rule: x.rule, target: x.target, message: x.message })));
    expect(byFile(rows)).toEqual(byFile(cliRows));
    const units = wb.getWorksheet(SUMMARY_SHEETS.units) as ExcelJS.Worksheet;
    const unreadable: Record<string, string> = {};
    units.eachRow((row, n) => {
      if (n > 1 && row.getCell(4).value === '无法读取') unreadable[String(row.getCell(1).value)] = String(row.getCell(13).value);
    });
    expect(unreadable).toEqual(Object.fromEntries(expected.files.filter((f) => f.status === 'unreadable').map((f) => [baseName(f.file), f.error])));

    expect(problems).toEqual([]);
    const pageUrl = pathToFileURL(PAGE).href;
    expect(requests.filter((u) => u !== pageUrl && !u.startsWith('blob:null/'))).toEqual([]);
    await page.close();
  });

  test('cancelled part way: the files checked so far are shown and the page says it was cancelled', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(pathToFileURL(PAGE).href);
    await page.setInputFiles('#pick-files', [...files, ...files, ...files]);
    await page.waitForFunction(() => /第 [1-9]\d* \//.test(document.getElementById('progress-text')?.textContent ?? ''));
    await page.click('#cancel');
    await page.waitForSelector('#results:not(.hidden)');
    expect(await page.textContent('#totals')).toContain('已取消');
    await page.close();
  });

  test('one self-contained file: no external script, a policy that allows no connection, Chromium 90 syntax', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const codes = scripts.map((code) => {
      if (!code.includes('__BATCH_WORKER_SOURCE__=')) return code;
      const win: { __BATCH_WORKER_SOURCE__?: string } = {};
      vm.runInNewContext(code, { window: win });
      return win.__BATCH_WORKER_SOURCE__ ?? '';
    });
    expect(codes.length).toBeGreaterThanOrEqual(2);
    for (const code of codes) {
      // ES2020 is what Chromium 90 runs; newer syntax (class static blocks, `#x in o`) would fail to parse there.
      expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
      // Library calls newer than Chromium 90, unless behind a fallback (core-js's `Object.hasOwn||…`).
      expect(code.match(/structuredClone\(|\.findLast(Index)?\(|Object\.hasOwn(?!\|\|)/g)).toBeNull();
    }
  });
});
