/**
 * The pane's 审核 tab as a supervisor uses it, in the PRODUCTION bundle in headless Chromium with Microsoft's office.js
 * over the simulated Excel host (as test/e2e/paneInExcel.test.ts): the tab's code is fetched only when the tab is
 * opened; fifty received files (test/e2e/received.ts) picked with the tab's real file input are checked in the
 * build's Web Worker with "第 n / 50 份" progress; every file then shows the same status and findings as
 * `nianbao check --json` on the same folder; 写入工作簿 writes 单位汇总, 规则汇总, 问题明细 and the native charts of
 * 审核图表 into the workbook; and nothing is requested outside the add-in's origin. A second session cancels a batch
 * and carries on. The screenshot of the tab after the batch (one unit open) goes to test-output/e2e/ and, with
 * UPDATE_SCREENSHOTS=1, to docs/screenshots/pane-audit.png.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SEVERITY_LABELS, STATUS_LABELS, buildSummary, summaryCharts, summaryRows, type CheckResult, type UnitStatus } from '../../src/core';
import { describeTotals } from '../../src/batch/summary';
import { describeWithPrograms } from '../helpers/system';
import { CHROMIUM, CHROMIUM_INSTALL_HINT, E2E_OUT, buildPane, bundleHostPage, expectCleanLog, expectNoHorizontalOverflow, launchChromium, openInExcel, records, screenshot, serve, type HookWindow, type PageLog, type Served } from './harness';
import { baseName, byFile, cliCheck, filesIn, receivedFolder } from './received';

const DIST = join(E2E_OUT, 'dist-pane-audit');
/** The 审核 tab's chunk, and the chunk that writes the summary into the workbook. */
const AUDIT_CHUNK = /\/audit\.[0-9a-f]+\.js$/;
const WRITE_CHUNK = /\/audit-excel\.[0-9a-f]+\.js$/;
const FILE_INPUT = 'input[type=file][aria-label="选择收到的年报文件"]';

/** The CLI's result with each file under the name a browser gives it. */
function byBaseName(result: CheckResult): CheckResult {
  return { ...result, files: result.files.map((f) => ({ ...f, file: baseName(f.file) })) };
}

/** A unit's status as the pane labels it, from the CLI's file result. */
function statusOf(file: CheckResult['files'][number]): UnitStatus {
  if (file.status === 'unreadable') return 'unreadable';
  for (const severity of ['error', 'warning', 'info'] as const) if (file.findings.some((f) => f.severity === severity)) return severity;
  return 'ok';
}

/** What the pane's accordion should show of a file: the header's status, and the panel's lines, sorted. */
function expectedUnit(file: CheckResult['files'][number]): { status: string; lines: string[] } {
  const status = statusOf(file);
  const n = (s: string): number => file.findings.filter((f) => f.severity === s).length;
  const tally = status === 'unreadable' || status === 'ok' ? '' : [n('error') && `错误 ${n('error')}`, n('warning') && `核实 ${n('warning')}`, n('info') && `提示 ${n('info')}`].filter(Boolean).join('，');
  const lines =
    status === 'unreadable'
      ? [`无法读取：${file.error ?? '原因不明'}`]
      : file.findings.length === 0
        ? ['未发现问题。']
        : file.findings.map(
            (f) => `[${SEVERITY_LABELS[f.severity]}] ${f.rule} ${f.message}${f.addresses?.length ? `〔${f.addresses.join('、')}〕` : ''}${f.explanation ? `说明：${f.explanation}` : ''}`,
          );
  return { status: `${STATUS_LABELS[status]}${tally ? `：${tally}` : ''}`, lines: lines.sort() };
}

/** Every text the progress line showed from now on (a MutationObserver in the page, so none is missed however fast). */
async function watchProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: string[] };
    w.__progressSeen = [];
    const look = (): void => {
      for (const el of document.querySelectorAll('[role="status"]')) {
        const text = el.textContent ?? '';
        if (/^第 \d+ \/ \d+ 份/.test(text) && w.__progressSeen.at(-1) !== text) w.__progressSeen.push(text);
      }
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
}

/** The pane's 审核 tab opened, its chunk fetched by that click and not before. */
async function openAuditTab(page: Page, log: PageLog): Promise<void> {
  await page.getByRole('heading', { name: '年报助手' }).waitFor();
  await page.getByText('模板未安装').waitFor();
  const paths = (): string[] => log.requests.map((u) => new URL(u).pathname);
  expect(paths().filter((p) => AUDIT_CHUNK.test(p) || WRITE_CHUNK.test(p))).toEqual([]);
  await page.getByRole('tab', { name: '审核', exact: true }).click();
  await page.getByRole('button', { name: '选择文件（可多选）' }).waitFor();
  expect(paths().filter((p) => AUDIT_CHUNK.test(p))).toHaveLength(1);
  expect(paths().filter((p) => WRITE_CHUNK.test(p))).toEqual([]);
}

describeWithPrograms("the pane's 审核 tab in the production bundle, with office.js over a simulated Excel, in headless Chromium", [CHROMIUM], CHROMIUM_INSTALL_HINT, () => {
  let served: Served;
  let browser: Browser;
  let hostScript: string;
  let folder: string;
  let files: string[];
  let expected: CheckResult;

  beforeAll(async () => {
    buildPane(DIST);
    hostScript = await bundleHostPage();
    folder = await receivedFolder();
    files = filesIn(folder);
    expected = byBaseName(await cliCheck(folder));
    served = await serve(DIST);
    browser = await launchChromium();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('fifty files: progress, the same findings as nianbao check file by file, then sheets and charts written', async () => {
    // Not vacuous: fifty files, of every status, some of them with findings the pane must list.
    expect(files).toHaveLength(50);
    expect(expected.files).toHaveLength(50);
    expect(new Set(expected.files.map(statusOf))).toEqual(new Set(['unreadable', 'error', 'warning', 'ok']));

    const { page, log } = await openInExcel(browser, served.origin, hostScript, '1.18');
    await openAuditTab(page, log);
    const progressSeen = await watchProgress(page);

    await page.locator(FILE_INPUT).setInputFiles(files);
    await page.getByText('审核完成', { exact: true }).waitFor({ timeout: 180000 });
    const seen = await progressSeen();
    expect(seen.some((t) => /^第 [1-9]\d* \/ 50 份：/.test(t))).toBe(true);
    expect(seen.every((t) => /^第 \d+ \/ 50 份/.test(t))).toBe(true);
    await expect(page.getByText(/^第 \d+ \/ \d+ 份/).count()).resolves.toBe(0);

    // The totals, as the command line's result makes them.
    const cliSummary = buildSummary(expected);
    const totals = await page.locator('.fui-MessageBarBody', { hasText: '审核完成' }).textContent();
    expect(totals).toBe(`审核完成${describeTotals(cliSummary)}`);

    // One section per file, under the names picked.
    const units = page.locator('[data-unit]');
    await expect(units.count()).resolves.toBe(50);
    const names = await units.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit') ?? ''));
    expect([...names].sort()).toEqual(expected.files.map((f) => f.file).sort());

    // The screenshot: the batch done, one unit with errors open.
    const broken = expected.files.find((f) => statusOf(f) === 'error' && f.findings.length >= 2) ?? expected.files[0];
    const shown = page.locator(`[data-unit="${broken.file}"]`);
    await shown.getByRole('button').first().click();
    await shown.locator('li').first().waitFor();
    await page.getByRole('button', { name: '写入工作簿' }).scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'pane-audit.png', { docs: true });

    // Every section opened: the status and the findings of each file are the command line's.
    for (const file of expected.files) {
      const unit = page.locator(`[data-unit="${file.file}"]`);
      const header = unit.getByRole('button').first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await expect(header.getAttribute('aria-expanded')).resolves.toBe('true');
    }
    const shownUnits = await units.evaluateAll((els) =>
      els.map((e) => {
        const panel = e.querySelector('[role="region"]') ?? e.lastElementChild;
        const items = panel ? [...panel.querySelectorAll('li')].map((li) => li.textContent ?? '') : [];
        const header = e.querySelector('button')?.textContent ?? '';
        return { file: e.getAttribute('data-unit') ?? '', header, lines: items.length ? items : [panel?.textContent ?? ''] };
      }),
    );
    for (const file of expected.files) {
      const want = expectedUnit(file);
      const got = shownUnits.find((u) => u.file === file.file);
      expect({ file: file.file, status: got?.header.endsWith(want.status) ? want.status : got?.header, lines: [...(got?.lines ?? [])].sort() }).toEqual({ file: file.file, ...want });
    }
    const findingsShown = shownUnits.reduce((n, u) => n + u.lines.filter((l) => l.startsWith('[')).length, 0);
    expect(findingsShown).toBe(expected.files.reduce((n, f) => n + f.findings.length, 0));
    expect(findingsShown).toBeGreaterThan(20);

    // 写入工作簿: the three sheets and the charts through office.js.
    await page.getByRole('button', { name: '写入工作簿' }).click();
    await page.getByText('已写入工作簿', { exact: true }).waitFor({ timeout: 60000 });
    expect(log.requests.filter((u) => WRITE_CHUNK.test(new URL(u).pathname))).toHaveLength(1);
    const rec = await records(page);
    expect(rec.sheets).toEqual(expect.arrayContaining(['单位汇总', '规则汇总', '问题明细', '审核图表']));
    const table = (name: string): Promise<unknown[][] | null> => page.evaluate((n) => (window as unknown as HookWindow).__excelHost.table(n), name);

    // 单位汇总: one row per file, each with the command line's unit, status, counts and reason (the figures come from
    // the reports' values, which the command line's JSON does not carry).
    const unitsSheet = (await table('单位汇总')) ?? [];
    expect(unitsSheet).toHaveLength(51);
    const pick = (row: unknown[]): unknown[] => [0, 1, 2, 3, 4, 5, 6, 7, 12].map((c) => (row[c] === null ? '' : row[c]));
    const byName = (rows: unknown[][]): unknown[][] => rows.map(pick).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byName(unitsSheet.slice(1))).toEqual(byName(summaryRows(cliSummary, 'units').rows));
    // 问题明细: the command line's findings, file by file.
    const findingsSheet = (await table('问题明细')) ?? [];
    expect(findingsSheet).toHaveLength(1 + findingsShown);
    expect(byFile(findingsSheet.slice(1).map((r) => ({ file: String(r[0]), rule: String(r[3]), target: String(r[4]), message: String(r[9]) })))).toEqual(
      byFile(expected.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, rule: x.rule, target: x.target, message: x.message })))),
    );
    // 规则汇总: one row per rule broken.
    const rulesSheet = (await table('规则汇总')) ?? [];
    expect(rulesSheet.slice(1).map((r) => r[0]).sort()).toEqual(cliSummary.rules.map((r) => r.rule).sort());
    // The native charts of 审核图表, each with the series and categories the summary gives.
    const charts = summaryCharts(cliSummary);
    expect(rec.charts).toEqual(charts.map((c) => ({ sheet: '审核图表', title: c.title, type: c.stacked ? 'BarStacked' : 'BarClustered', series: c.series.map((x) => ({ name: x.name, values: c.categories.length })) })));
    await page.getByText(`图表 ${charts.length} 张`, { exact: false }).waitFor();

    await expect(page.getByText('未完成').count()).resolves.toBe(0);
    expectCleanLog(log, served.origin);
    await page.close();
  });

  test('cancelled part way: 审核已取消, the files checked so far listed, and the tab checks the next batch', async () => {
    const { page, log } = await openInExcel(browser, served.origin, hostScript, '1.18');
    await openAuditTab(page, log);
    await page.locator(FILE_INPUT).setInputFiles(files);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByText('审核已取消', { exact: true }).waitFor({ timeout: 60000 });
    await expect(page.locator('.fui-MessageBarBody', { hasText: '审核已取消' }).textContent()).resolves.toMatch(/^审核已取消（已取消，只列出已检查的文件）共检查 \d+ 个文件/);
    const listed = await page.locator('[data-unit]').count();
    expect(listed).toBeLessThan(50);
    await expect(page.getByRole('button', { name: '取消' }).count()).resolves.toBe(0);

    // Still usable: the picker is enabled and the next batch runs to the end.
    const choose = page.getByRole('button', { name: '选择文件（可多选）' });
    await expect(choose.isEnabled()).resolves.toBe(true);
    await page.locator(FILE_INPUT).setInputFiles(files.slice(0, 3));
    await page.getByText('审核完成', { exact: true }).waitFor({ timeout: 60000 });
    await expect(page.locator('[data-unit]').count()).resolves.toBe(3);
    await expect(page.getByText('审核已取消', { exact: true }).count()).resolves.toBe(0);
    // Workers stopped while they were still fetching their script: those fetches, and only those, were aborted.
    const worker = log.failed.filter((f) => / net::ERR_ABORTED$/.test(f) && !/\/(taskpane|vendor|audit)\.[0-9a-f]+\.js /.test(f));
    expect(new Set(worker.map((f) => f.split(' ')[0])).size).toBeLessThanOrEqual(1);
    expectCleanLog({ ...log, failed: log.failed.filter((f) => !worker.includes(f)) }, served.origin);
    await page.close();
  });
});
