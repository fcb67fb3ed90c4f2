/**
 * Checked against Chromium, which we did not write:
 * - the browser copy of the layout corpus (test/import/layouts/browser.ts) is what Chromium's selection of the page
 *   gives as plain text (what select-all and copy put on the clipboard);
 * - the grid columns and spans src/text/html.ts gives every table cell are those of Chromium's table layout (cells
 *   of one column share their left edge);
 * - src/text and core, bundled for a browser Web Worker with no Node modules and no DOM, run in a real Worker in
 *   Chromium and read a GBK-encoded web page exactly as Node does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import type { Browser, Page } from 'playwright-core';
import { htmlDocument } from '../../src/text';
import { importDocument } from '../../src/core/importText';
import { layoutCase } from '../import/layouts/data';
import { browserText } from '../import/layouts/browser';
import { pageHtml, type HtmlOptions } from '../import/layouts/html';
import { pageOf } from '../import/layouts/page';
import type { T4Style } from '../import/layouts/official';
import { CHROMIUM, CHROMIUM_INSTALL_HINT, launchChromium } from '../e2e/harness';
import { describeWithPrograms } from '../helpers/system';
import { encodeGbk } from './encode';

describeWithPrograms('text reading checked in Chromium', [CHROMIUM], CHROMIUM_INSTALL_HINT, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  const variants: [number, T4Style, boolean, boolean][] = [
    [1, 'official', false, false],
    [2, 'official', true, false],
    [3, 'split', false, false],
    [4, 'split', true, false],
    [5, 'official', true, false],
    [6, 'official', false, true],
    [7, 'split', true, true],
    [3, 'split', false, true],
  ];

  test.each(variants)('seed %i, table 四 %s, labels broken with <br>: %s, cells as paragraphs: %s — the copy is Chromium\'s', async (seed, t4, breaks, messy) => {
    const c = layoutCase(seed);
    const o: HtmlOptions = { messy, layoutTable: false, breaks };
    const report = pageOf(c, t4);
    await page.setContent(pageHtml(report, o, c.rand));
    const copied = await page.evaluate(() => {
      const selection = getSelection();
      if (!selection) return '';
      selection.selectAllChildren(document.body);
      return selection.toString();
    });
    const title = report.blocks[0].kind === 'heading' ? report.blocks[0].text : '';
    expect(copied.slice(copied.indexOf(title)).replace(/\n+$/, '')).toBe(browserText(report, o));
  });

  test.each([1, 6])('seed %i: grid columns and spans are those of Chromium\'s table layout', async (seed) => {
    const c = layoutCase(seed);
    const html = pageHtml(pageOf(c), { messy: true, layoutTable: true, breaks: true }, c.rand);
    await page.setContent(html);
    const laidOut = await page.evaluate(() =>
      [...document.querySelectorAll('table')]
        .filter((t) => !t.querySelector('table'))
        .map((t) => {
          const cells = [...t.querySelectorAll('td, th')].map((td) => {
            const r = td.getBoundingClientRect();
            return { left: Math.round(r.left), right: Math.round(r.right), text: (td as HTMLElement).innerText.trim() };
          });
          const edges = [...new Set(cells.map((x) => x.left))].sort((a, b) => a - b);
          return cells.map((x) => `${edges.indexOf(x.left)}:${edges.filter((e) => e >= x.left && e < x.right).length}`);
        }),
    );
    const ours = htmlDocument(html).blocks.flatMap((b) =>
      b.kind === 'table' ? [b.table.rows.flatMap((row) => row.cells.map((cell) => `${cell.col}:${cell.colSpan ?? 1}`))] : [],
    );
    expect(ours).toEqual(laidOut);
  });

  test('src/text and core run in a Web Worker and read a GBK page as Node does', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'nianbao-worker-'));
    const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
      webpack(
        {
          mode: 'production',
          target: 'webworker',
          entry: path.join(__dirname, 'workerEntry.ts'),
          output: { path: out, filename: 'worker.js' },
          resolve: { extensions: ['.ts', '.js'] },
          module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } } }] },
          performance: { hints: false },
        },
        (err, s) => (err ? reject(err) : resolve(s)),
      ),
    );
    // No Node module may be needed: webpack 5 adds no polyfills, so one would fail the build.
    expect(stats?.hasErrors() ? stats.toString('errors-only') : '').toBe('');
    const bundle = readFileSync(path.join(out, 'worker.js'), 'utf8');
    rmSync(out, { recursive: true, force: true });

    const c = layoutCase(9);
    const html = pageHtml(pageOf(c), { messy: true, layoutTable: true, breaks: true }, c.rand);
    const bytes = [...encodeGbk(html.replace(/&nbsp;/g, ' '))];
    await page.setContent('<p>worker</p>');
    const fromWorker = await page.evaluate(
      ({ code, data }) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage(new Uint8Array(data));
        }),
      { code: bundle, data: bytes },
    );
    const doc = htmlDocument(html.replace(/&nbsp;/g, ' '));
    expect(fromWorker).toEqual({ encoding: 'GB18030/GBK', doc, result: JSON.parse(JSON.stringify(importDocument(doc))) });
  }, 180000);
});
