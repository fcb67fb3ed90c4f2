/**
 * Capabilities come from the library that is actually loaded as well as from the host. The proof of issue 10 item 1:
 * office.js 1.1.110 (the npm package, no notes) on a Microsoft 365 host that reports ExcelApi 1.18 checks a broken
 * report without an error, marking with threaded comments (or fill only where the user has comments of their own);
 * the outcome says which, and the pane words it (CheckPanel's MARKING). A host-only check — what the adapter did
 * before — reaches `workbook.notes` on a library that has none and fails.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { detectCapabilities } from '../../src/excel/capabilities';
import { npmOfficeJsDir } from '../../src/excel/testing/officeJsVm';
import { addressOf, closeAll, fillClean, fillColorOf, noteOf, openExcel, spoil } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own list of the files it self-hosts
const { OFFICE_JS_FILES, officeJsVersion } = require('../../scripts/officeJs') as { OFFICE_JS_FILES: string[]; officeJsVersion: (dir?: string) => string };

afterAll(closeAll);

interface WebpackConfig {
  plugins: object[];
}
/** The pane's configuration (the build also makes the offline page, by a configuration of its own). */
const buildConfig = (): WebpackConfig => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own build configuration
  const configs = (require('../../webpack.config.js') as (env: object, argv: object) => (WebpackConfig & { name?: string })[])({}, { mode: 'production' });
  const pane = configs.find((c) => c.name === 'taskpane');
  if (!pane) throw new Error('no taskpane configuration');
  return pane;
};

function withEnv<T>(vars: Record<string, string>, f: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Always the npm package's office.js (1.1.110), whatever OFFICE_JS_DIR says: this is the proof about that copy. */
async function installedBroken(options: Parameters<typeof openExcel>[0]): Promise<Awaited<ReturnType<typeof openExcel>>> {
  const s = await openExcel({ officeJsDir: npmOfficeJsDir(), ...options });
  await s.services.installTemplate();
  fillClean(s.model);
  spoil(s.model, 3);
  return s;
}

describe('office.js 1.1.110 on a host that reports ExcelApi 1.18', () => {
  test('the gate sees the host report notes and the library lack them', async () => {
    const { office } = await openExcel({ apiVersion: '1.18', officeJsDir: npmOfficeJsDir() });
    expect(office.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect('notes' in office.Excel.Workbook.prototype).toBe(false);
    const caps = detectCapabilities((n, v) => office.Office.context.requirements.isSetSupported(n, v), office.Excel);
    expect(caps).toMatchObject({ notes: false, comments: true, fillDetails: true, pageLayout: true, delayForCellEdit: true });
    expect(caps.missingInLibrary).toEqual(['ExcelApi 1.18（批注）']);
  });

  test.each(['win32', 'web'] as const)('校验 of a broken report works and marks with threaded comments (%s)', async (platform) => {
    const { model, services } = await installedBroken({ platform, apiVersion: '1.18' });
    const outcome = await services.check();
    expect(outcome.findings).toHaveLength(3);
    expect(outcome.marking).toBe('comments');
    expect(model.comments).toHaveLength(3);
    expect(noteOf(model, 't3.new.natural')).toBeUndefined();
    await services.clearMarks();
    expect(model.comments).toHaveLength(0);
  });

  test('where the user has comments of their own: fill only, and the outcome says so', async () => {
    const { model, services } = await installedBroken({ apiVersion: '1.18' });
    model.addComment('表三', 'H20', '请核对这一格');
    const outcome = await services.check();
    expect(outcome.marking).toBe('fill');
    expect(fillColorOf(model, 't3.new.natural')).toBe('#FFC7CE');
    expect(model.comments.map((c) => c.content)).toEqual(['请核对这一格']);
  });

  test('a check that trusts the host alone reaches workbook.notes on this library and fails', async () => {
    // What the adapter did before the gate: the library is described as having everything the host reports.
    const everything = new Proxy({}, { get: () => ({ prototype: new Proxy({}, { has: () => true }) }) });
    const { services } = await installedBroken({ apiVersion: '1.18', deps: { library: everything } });
    await expect(services.check()).rejects.toMatchObject({ code: 'api-missing', message: expect.stringContaining('notes') });
  });

  test('with a library that has notes (as the CDN copy does), the same host gets notes', async () => {
    const { model, services } = await installedBroken({ apiVersion: '1.18', notesLibrary: true });
    const outcome = await services.check();
    expect(outcome.marking).toBe('notes');
    expect(noteOf(model, 't3.new.natural')).toMatch(/^【年报助手】/);
    expect(model.comments).toHaveLength(0);
  });

  test('hosts below the sets: ExcelApi 1.8 marks by fill, without exact fill details', async () => {
    const { office, model, services } = await installedBroken({ apiVersion: '1.8' });
    const caps = detectCapabilities((n, v) => office.Office.context.requirements.isSetSupported(n, v), office.Excel);
    expect(caps).toMatchObject({ notes: false, comments: false, fillDetails: false, pageLayout: false, delayForCellEdit: false });
    expect(caps.missingInLibrary).toEqual([]);
    expect((await services.check()).marking).toBe('fill');
    expect(fillColorOf(model, 't3.new.natural')).toBe('#FFC7CE');
  });
});

describe('a newer office.js folder (OFFICE_JS_DIR)', () => {
  test('the files the build self-hosts are all office.js needs, for both builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-officejs-'));
    try {
      for (const f of OFFICE_JS_FILES) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        copyFileSync(join(npmOfficeJsDir(), f), join(dir, f));
      }
      for (const platform of ['win32', 'web'] as const) {
        const s = await openExcel({ platform, officeJsDir: dir });
        await s.services.installTemplate();
        expect(s.model.findSheet('表三')).toBeDefined();
        expect(addressOf('t3.new.natural').sheet).toBe('表三');
      }
      // A folder that is not the npm package is named after office.js's build number and its content.
      expect(officeJsVersion(dir)).toMatch(/^16\.0\.\d+\.\d+-[0-9a-f]{8}$/);
      expect(officeJsVersion()).toBe('1.1.110');

      // The build copies that folder under its own name, and refuses a folder that lacks a file.
      const config = withEnv({ OFFICE_JS_DIR: dir }, () => buildConfig());
      const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin') as { patterns: { from: string; to: string }[] } | undefined;
      const office = copy?.patterns.filter((p) => p.to.startsWith('office/')) ?? [];
      expect(office.map((p) => p.from).sort()).toEqual(OFFICE_JS_FILES.map((f) => join(dir, f)).sort());
      expect(office[0].to).toBe(`office/${officeJsVersion(dir)}/office.js`);
      rmSync(join(dir, 'excel-web-16.00.js'));
      expect(() => withEnv({ OFFICE_JS_DIR: dir }, () => buildConfig())).toThrow(/缺少以下文件：excel-web-16\.00\.js/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
