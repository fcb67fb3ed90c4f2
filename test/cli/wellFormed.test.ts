/**
 * Every output well-formed, or nothing written. A unit's name holding characters XML cannot carry (U+FFFE, U+FFFF,
 * C0 controls, lone surrogates) and counts beyond the range of a double used to make the batch summary, import -o
 * .xlsx, merge, template --data and draft -o .docx unreadable while the tool printed "已写入" and exited 0. Each output
 * is parsed here by saxes, a strict XML parser we did not write; LibreOffice opens the summary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { CheckResultSchema } from '../../src/core';
import { OutputGuard } from '../../src/cli/outputs';
import { validateOfficeBytes } from '../../src/cli/validateOutput';
import { templateBytes } from '../../src/xlsx/writeTemplate';
import { describeWithPrograms } from '../helpers/system';
import { cli, ROOT } from '../xlsx/make';
import { report, tmp, xmlProblems } from './files';

const HOSTILE_NAMES = ['坏\uFFFE单位', '坏\uFFFF单位', '坏\u0001单位\u001F', '坏\uD800单位', '坏\uDC00'];
const TEXT = readFileSync(path.join(ROOT, 'examples/收到的年报/沙坡头区某某局（网页文本）.txt'), 'utf8');

function jsonWith(dir: string, name: string, body: string, values: Record<string, unknown> = {}): string {
  const r = report(body);
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ ...r, values: { ...r.values, ...values } }));
  return file;
}

describe('characters XML cannot carry, in a unit name', () => {
  test.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n), n]))('%s: check --summary, template --data, merge, draft -o .docx are well-formed', async (_label, name) => {
    const dir = tmp('xmlchars');
    const data = jsonWith(dir, 'r.json', name);
    const other = jsonWith(dir, 's.json', '另一个单位');
    const out = tmp('xmlchars-out');

    const summary = path.join(out, '审核结果.xlsx');
    const checked = await cli(['check', data, other, '--summary', summary]);
    expect(checked.err).toContain('审核结果已写入');
    expect(xmlProblems(summary)).toEqual([]);

    const template = path.join(out, 't.xlsx');
    expect((await cli(['template', '--data', data, '-o', template])).code).toBe(0);
    expect(xmlProblems(template)).toEqual([]);
    // The name reads back with the character shown as an escape, never lost silently.
    const { out: json } = await cli(['check', template, '--json']);
    expect(CheckResultSchema.parse(JSON.parse(json)).files[0].body).toMatch(/^坏.*\\u[0-9A-F]{4}/);

    const merged = path.join(out, '汇总.xlsx');
    expect((await cli(['merge', data, other, '-o', merged])).code).toBe(0);
    expect(xmlProblems(merged)).toEqual([]);

    const docx = path.join(out, '正文.docx');
    expect((await cli(['draft', data, '-o', docx])).code).toBe(0);
    expect(xmlProblems(docx)).toEqual([]);
  });

  test('import -o .xlsx of a published text whose title holds U+FFFE', async () => {
    const dir = tmp('import-fffe');
    const text = path.join(dir, 'pub.txt');
    writeFileSync(text, TEXT.replace('淮安市洪泽区人民政府', '淮安市洪泽区\uFFFE人民政府\u0007'));
    const out = path.join(dir, 'pub.xlsx');
    const r = await cli(['import', text, '-o', out]);
    expect(r.err).toContain('已写入');
    expect(xmlProblems(out)).toEqual([]);
  });
});

describe('numbers beyond the range of a double', () => {
  test('merge of two members of 1e308 each: not summed, said so, no Infinity in the file', async () => {
    const dir = tmp('huge');
    const a = jsonWith(dir, 'a.json', '甲镇', { 't2.licensing': 1e308 });
    const b = jsonWith(dir, 'b.json', '乙镇', { 't2.licensing': 1e308 });
    const out = path.join(tmp('huge-out'), '汇总.xlsx');
    const r = await cli(['merge', a, b, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('超出了可以表示的范围');
    expect(xmlProblems(out)).toEqual([]);
  });

  test('template --data with a count of 1e309 (Infinity once parsed): the cell is #NUM!, which check reports', async () => {
    const dir = tmp('inf');
    const data = path.join(dir, 'r.json');
    writeFileSync(data, JSON.stringify(report('丙县人民政府')).replace(/"t2\.licensing":[0-9.]+/, '"t2.licensing":1e309'));
    const out = path.join(dir, 't.xlsx');
    expect((await cli(['template', '--data', data, '-o', out])).code).toBe(0);
    expect(xmlProblems(out)).toEqual([]);
    const { out: json } = await cli(['check', out, '--json']);
    const finding = CheckResultSchema.parse(JSON.parse(json)).files[0].findings.find((f) => f.target === 't2.licensing');
    expect(finding).toMatchObject({ rule: 'VALUE-COUNT' });
    expect(finding?.message).toContain('#NUM!');
  });
});

describe('a malformed output is never written', () => {
  async function malformed(edit: (parts: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
    const parts = unzipSync(await templateBytes({ report: report('丁县人民政府') }));
    edit(parts);
    return zipSync(parts);
  }

  test('the validator refuses raw U+FFFE, <v>Infinity</v>, a bad sheet name and a missing part, in Chinese', async () => {
    const cases: [string, (p: Record<string, Uint8Array>) => void, RegExp][] = [
      ['U+FFFE', (p) => (p['xl/sharedStrings.xml'] = strToU8(new TextDecoder().decode(p['xl/sharedStrings.xml']).replace('</t>', '\uFFFE</t>'))), /XML 不允许的字符/],
      ['Infinity', (p) => (p['xl/worksheets/sheet2.xml'] = strToU8(new TextDecoder().decode(p['xl/worksheets/sheet2.xml']).replace(/(<c r="[A-Z]+\d+"(?: s="\d+")?><v>)[\d.]+/, '$1Infinity'))), /不是 Excel 能读的数/],
      ['sheet name', (p) => (p['xl/workbook.xml'] = strToU8(new TextDecoder().decode(p['xl/workbook.xml']).replace('name="表二"', 'name="表二[1]"'))), /不允许的字符/],
      ['missing part', (p) => delete p['xl/workbook.xml'], /缺少部件/],
      ['shared string', (p) => (p['xl/worksheets/sheet1.xml'] = strToU8(new TextDecoder().decode(p['xl/worksheets/sheet1.xml']).replace(/(t="s"[^>]*><v>)\d+/, '$199999'))), /共享文字/],
    ];
    for (const [label, edit, why] of cases) {
      const v = validateOfficeBytes(await malformed(edit), 'xlsx');
      expect({ label, ok: v.ok }).toEqual({ label, ok: false });
      if (!v.ok) expect(v.error).toMatch(why);
    }
    expect(validateOfficeBytes(await templateBytes({ report: report('戊县人民政府') }), 'xlsx')).toEqual({ ok: true });
  });

  test('a write that fails validation leaves no file and says why', async () => {
    const dir = tmp('refuse');
    const target = path.join(dir, 'out.xlsx');
    const guard = new OutputGuard();
    expect(await guard.claim(target, 'out.xlsx', false)).toBeNull();
    const bytes = await malformed((p) => (p['xl/sharedStrings.xml'] = strToU8(new TextDecoder().decode(p['xl/sharedStrings.xml']).replace('</t>', '\u0001</t>'))));
    const w = await guard.write(target, 'out.xlsx', bytes, 'xlsx', false);
    expect(w).toMatchObject({ ok: false, code: 'invalid' });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describeWithPrograms('LibreOffice opens what we write', ['soffice'], 'apt-get install -y libreoffice-calc', () => {
  test('the summary of a unit named with U+FFFE and a control character converts to CSV', async () => {
    const dir = tmp('lo');
    const data = jsonWith(dir, 'r.json', '坏\uFFFE单位\u0001');
    const summary = path.join(dir, '审核结果.xlsx');
    await cli(['check', data, '--summary', summary]);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', path.join(dir, 'csv'), summary], { stdio: 'ignore', timeout: 120000 });
    const csv = readFileSync(path.join(dir, 'csv', '审核结果.csv'), 'utf8');
    expect(csv).toContain('坏\\uFFFE单位\\u0001');
  });
});
