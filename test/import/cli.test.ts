/**
 * The command line on published texts: `nianbao check report.txt` in UTF-8, GBK, UTF-16 and HTML; `nianbao import`
 * to JSON and to the template; files that are not text get a clear Chinese reason.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CheckResultSchema, keyAddress, parseReportData } from '../../src/core';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { decodeText } from '../../src/cli/readers/textReader';
import { describeWithCorpus } from '../helpers/corpus';
import { encodeGbk } from '../text/encode';
import { CASE_FILES, cases, tableValues } from './cases';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-import-'));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTty: false, cwd: dir };
  const code = await run(args, io);
  return { code, out, err };
}

const all = cases();
const seed000 = all[0];
const fixture001 = all[2];

describe('decoding text files', () => {
  const text = '沙坡头区人民政府办公室2024年政府信息公开工作年度报告';

  test.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'UTF-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'UTF-8（带 BOM）'],
    ['GBK', encodeGbk(text), 'GB18030/GBK'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16LE'],
  ])('%s', (_name, bytes, encoding) => {
    const d = decodeText(bytes);
    expect(d).toEqual({ ok: true, text, encoding });
  });

  test.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj', 'latin1'), /PDF 文件.*pdftotext/],
    ['a Word file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Office 文档/],
    ['binary data', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x80, 0x00, 0x00, 0x9c]), /不是文本文件/],
  ])('%s is named, not read', (_name, bytes, reason) => {
    const d = decodeText(bytes);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(reason);
  });
});

describeWithCorpus('nianbao check on a published text', CASE_FILES, () => {
  test('UTF-8 and GBK files of the same report check alike', async () => {
    const utf8 = path.join(dir, 'utf8.txt');
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(utf8, seed000.text, 'utf8');
    writeFileSync(gbk, encodeGbk(seed000.text));
    const a = await cli(['check', utf8, '--json']);
    const b = await cli(['check', gbk, '--json']);
    const ra = CheckResultSchema.parse(JSON.parse(a.out));
    const rb = CheckResultSchema.parse(JSON.parse(b.out));
    expect(ra.files[0]).toMatchObject({ body: '沙坡头区人民政府办公室', year: 2024, format: '2021', status: expect.any(String) });
    expect(rb.files[0].findings).toEqual(ra.files[0].findings);
    expect(rb.files[0].body).toBe(ra.files[0].body);
  });

  test('a 2019-style report is checked with format 2019', async () => {
    const { out } = await cli(['check', all[3].source, '--json']);
    const r = CheckResultSchema.parse(JSON.parse(out));
    expect(r.files[0].format).toBe('2019');
    expect(r.files[0].findings.map((f) => f.rule)).toContain('FORMAT-VERSION');
  });

  test('a web page of the report reads the same numbers', async () => {
    const html = [
      '<html><head><meta charset="utf-8"><style>p{}</style></head><body>',
      ...all[1].text.split('\n').map((line) =>
        line.includes('\t') ? `<table><tr>${line.split('\t').map((c) => `<td>${c.replace(/&/g, '&amp;')}</td>`).join('')}</tr></table>` : `<p>${line}</p>`,
      ),
      '</body></html>',
    ].join('\n');
    const file = path.join(dir, 'page.html');
    writeFileSync(file, html, 'utf8');
    const out = path.join(dir, 'page.json');
    const res = await cli(['import', file, '-o', out]);
    expect(res.code).toBe(0);
    const parsed = parseReportData(JSON.parse(readFileSync(out, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(tableValues(parsed.report.values)).toEqual(tableValues(all[1].expected.values));
  });

  test('a PDF given as .txt is unreadable with the reason', async () => {
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, Buffer.from('%PDF-1.4\n', 'latin1'));
    const { code, out } = await cli(['check', file, '--json']);
    const r = CheckResultSchema.parse(JSON.parse(out));
    expect(code).toBe(1);
    expect(r.files[0]).toMatchObject({ status: 'unreadable' });
    expect(r.files[0].error).toMatch(/PDF/);
  });
});

describeWithCorpus('nianbao import', CASE_FILES, () => {
  test('to JSON: the report data of the text, with a summary on stderr', async () => {
    const out = path.join(dir, '001.json');
    const res = await cli(['import', fixture001.source, '-o', out]);
    expect(res.code).toBe(0);
    expect(res.err).toContain('淮安市人民政府');
    expect(res.err).toContain('表三 175/175 项');
    const parsed = parseReportData(JSON.parse(readFileSync(out, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(tableValues(parsed.report.values)).toEqual(tableValues(fixture001.expected.values));
    expect(parsed.report.meta).toMatchObject({ body: '淮安市人民政府', year: 2024 });
    expect(parsed.report.narrative?.['六']).toContain('3940');
  });

  test('an existing output is kept unless --force', async () => {
    const out = path.join(dir, 'keep.json');
    writeFileSync(out, '{}');
    const res = await cli(['import', fixture001.source, '-o', out]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('{}');
    expect((await cli(['import', fixture001.source, '-o', out, '--force'])).code).toBe(0);
  });

  test('without -o the report data goes to stdout; problems are listed and exit 1', async () => {
    const file = path.join(dir, 'broken.txt');
    writeFileSync(file, fixture001.text.replace(/一、本年新收政府信息公开申请数量\s+3001\s+53\s+0\s+0\s+61\s+4\s+3119/, '一、本年新收政府信息公开申请数量 3001530061 4 3119'), 'utf8');
    const res = await cli(['import', file]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('导入时发现');
    expect(res.err).toContain('本年新收申请');
    expect(JSON.parse(res.out).meta.body).toBe('淮安市人民政府');
  });

  test('bad usage exits 2', async () => {
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['import', fixture001.source, '-o', 'x.docx'])).code).toBe(2);
  });

  test('to the template .xlsx: the numbers land in their cells', async () => {
    const out = path.join(dir, '001.xlsx');
    const res = await cli(['import', fixture001.source, '-o', out]);
    expect(res.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const key of ['t3.new.natural', 't3.handled_total.total', 't2.fees', 't4.reconsideration.total']) {
      const address = keyAddress(key);
      if (!address) throw new Error(`no address for ${key}`);
      const [sheet, cell] = address.split('!');
      expect(wb.getWorksheet(sheet)?.getCell(cell).value).toBe(fixture001.expected.values[key]);
    }
  });
});
