/**
 * The command line on report texts our own code renders in the published layouts (repo only; the same commands on
 * the published texts themselves are in cli.test.ts, where the corpus is present): `nianbao check` on UTF-8, GBK,
 * web pages and Markdown; `nianbao import` to JSON and to the template.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CheckResultSchema, keyAddress, parseReportData, type ReportData } from '../../src/core';
import { cli as cliIn } from '../xlsx/make';
import { encodeGbk } from '../text/encode';
import { LAYOUT_EXTENSION, factSet, renderPublished, type Layout } from '../helpers/publishedText';
import { tableValues } from './cases';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-import-rendered-'));

const cli = (args: string[]): ReturnType<typeof cliIn> => cliIn(args, { cwd: dir });

/** The report rendered in a layout and saved under the extension the layout is published with. */
function saved(name: string, report: ReportData, layout: Layout, seed = 1): string {
  const file = path.join(dir, `${name}${LAYOUT_EXTENSION[layout]}`);
  writeFileSync(file, renderPublished(report, layout, { seed, variants: true, leadIn: false, pageChrome: true }), 'utf8');
  return file;
}

function readData(file: string): ReportData {
  const parsed = parseReportData(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.report;
}

const seed000 = factSet('seeds/000.json');
const fixture001 = factSet('reports/001/expected.json');
const fixture002 = factSet('reports/002/expected.json');

describe('nianbao check on a rendered report text', () => {
  test('UTF-8 and GBK files of the same PDF text check alike', async () => {
    const text = renderPublished(seed000, 'pdf', { seed: 4, leadIn: false });
    const utf8 = path.join(dir, 'utf8.txt');
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(utf8, text, 'utf8');
    writeFileSync(gbk, encodeGbk(text));
    const ra = CheckResultSchema.parse(JSON.parse((await cli(['check', utf8, '--json'])).out));
    const rb = CheckResultSchema.parse(JSON.parse((await cli(['check', gbk, '--json'])).out));
    expect(ra.files[0]).toMatchObject({ body: '沙坡头区人民政府办公室', year: 2024, format: '2021', status: 'ok' });
    expect(rb.files[0].findings).toEqual(ra.files[0].findings);
    expect(rb.files[0].body).toBe(ra.files[0].body);
  });

  test('a report printing （六） as one row is checked with format 2019', async () => {
    const { out } = await cli(['check', saved('2019', fixture002, 'web-text'), '--json']);
    const r = CheckResultSchema.parse(JSON.parse(out));
    expect(r.files[0].format).toBe('2019');
    expect(r.files[0].findings.map((f) => f.rule)).toContain('FORMAT-VERSION');
  });

  test.each(['html', 'markdown', 'web-text', 'pdf'] as const)('a %s file reads the same numbers', async (layout) => {
    const out = path.join(dir, `${layout}.json`);
    const res = await cli(['import', saved(`page-${layout}`, fixture001, layout, 7), '-o', out]);
    expect(res.err).not.toContain('导入时发现');
    expect(res.code).toBe(0);
    expect(tableValues(readData(out).values)).toEqual(tableValues(fixture001.values));
  });
});

describe('nianbao import of a rendered report text', () => {
  const source = (): string => saved('001', fixture001, 'pdf', 3);

  test('to JSON: the report data of the text, with a summary on stderr', async () => {
    const out = path.join(dir, '001.json');
    const res = await cli(['import', source(), '-o', out]);
    expect(res.code).toBe(0);
    expect(res.err).toContain('淮安市人民政府');
    expect(res.err).toContain('表三 175/175 项');
    const report = readData(out);
    expect(tableValues(report.values)).toEqual(tableValues(fixture001.values));
    expect(report.meta).toMatchObject({ body: '淮安市人民政府', year: 2024 });
    expect(report.narrative?.['一（二）']).toContain('3119');
  });

  test('an existing output is kept unless --force', async () => {
    const out = path.join(dir, 'keep.json');
    writeFileSync(out, '{}');
    const res = await cli(['import', source(), '-o', out]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('{}');
    expect((await cli(['import', source(), '-o', out, '--force'])).code).toBe(0);
  });

  test('without -o the report data goes to stdout; problems are listed and exit 1', async () => {
    const file = path.join(dir, 'broken.txt');
    const text = renderPublished(fixture001, 'web-text', { leadIn: false });
    const fused = text.replace(/(一、本年新收政府信息公开申请数量)\t3001\t53\t0\t0\t61\t4\t3119/, '$1 3001530061 4 3119');
    expect(fused).not.toBe(text);
    writeFileSync(file, fused, 'utf8');
    const res = await cli(['import', file]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('导入时发现');
    expect(res.err).toContain('本年新收申请');
    expect(JSON.parse(res.out).meta.body).toBe('淮安市人民政府');
  });

  test('bad usage exits 2', async () => {
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['import', source(), '-o', 'x.docx'])).code).toBe(2);
  });

  test('to the template .xlsx: the numbers land in their cells', async () => {
    const out = path.join(dir, '001.xlsx');
    const res = await cli(['import', source(), '-o', out]);
    expect(res.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const key of ['t3.new.natural', 't3.handled_total.total', 't2.fees', 't4.reconsideration.total']) {
      const address = keyAddress(key);
      if (!address) throw new Error(`no address for ${key}`);
      const [sheet, cell] = address.split('!');
      expect(wb.getWorksheet(sheet)?.getCell(cell).value).toBe(fixture001.values[key]);
    }
  });
});

describe('pages as they are copied and reports as we draft them', () => {
  // A web page copied from its top starts with the site's breadcrumb ("首页>政务公开>…"): not part of the unit's name.
  test('a web page copied with its breadcrumb line above the title reads the body name', async () => {
    const file = path.join(dir, 'breadcrumb.txt');
    writeFileSync(file, renderPublished(seed000, 'web-text', { leadIn: false, pageChrome: true, breadcrumb: true }), 'utf8');
    const r = CheckResultSchema.parse(JSON.parse((await cli(['check', file, '--json'])).out));
    expect(r.files[0].body).toBe('沙坡头区人民政府办公室');
  });

  // Our draft writes a lead-in under 四 that states the figures ("…行政复议351件，其中结果维持72件…具体情况见下表"):
  // the sentence's numbers are not table cells.
  test('a report drafted by nianbao draft with review cases reads back (the lead-in to 四 states its figures)', async () => {
    const file = path.join(dir, 'drafted.txt');
    writeFileSync(file, renderPublished(fixture001, 'web-text', { leadIn: true }), 'utf8');
    const out = path.join(dir, 'drafted.json');
    const res = await cli(['import', file, '-o', out]);
    expect(res.err).not.toContain('导入时发现');
    expect(tableValues(readData(out).values)).toEqual(tableValues(fixture001.values));
  });
});
