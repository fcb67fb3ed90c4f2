/**
 * Inputs are read-only, provably: every command and option that writes (check --summary, check --annotate,
 * template -o, merge -o, import -o, draft -o) is run where its output would land on an input — the same path, a link
 * to it, a hard link, a name taken in the same folder — and the sha256 of every input is compared before and after.
 * Existing files are replaced only with --force; what is written is well-formed.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, ROOT } from '../xlsx/make';
import { expectUnchanged, report, sha, snapshot, tmp, workbook, xmlProblems } from './files';

const TEXT = path.join(ROOT, 'examples/收到的年报/沙坡头区某某局（网页文本）.txt');

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('check --annotate never replaces an input', () => {
  test('甲.xlsx and 甲.xlsm annotated into their own folder: both kept, copies named apart', async () => {
    const dir = tmp('same');
    writeFileSync(path.join(dir, '甲.xlsx'), await workbook('甲县人民政府', 1));
    writeFileSync(path.join(dir, '甲.xlsm'), await workbook('甲县人民政府（宏）', 2));
    const before = snapshot([dir]);
    const r = await cli(['check', dir, '--annotate', dir]);
    expect(r.code).toBe(0);
    expectUnchanged(before);
    const copies = readdirSync(dir).filter((f) => !before.has(path.join(dir, f))).sort();
    expect(copies).toEqual(['甲(2).xlsx', '甲(3).xlsx']);
    for (const c of copies) expect(xmlProblems(path.join(dir, c))).toEqual([]);
    expect(r.err).toContain('写出 2 个标注副本（原文件未改动）');
  });

  test('check A B --annotate B, both holding 乙.xlsx: B/乙.xlsx kept', async () => {
    const root = tmp('ab');
    const [a, b] = [path.join(root, 'A'), path.join(root, 'B')];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(path.join(a, '乙.xlsx'), await workbook('乙县人民政府', 3));
    writeFileSync(path.join(b, '乙.xlsx'), await workbook('乙县人民政府', 4));
    const before = snapshot([a, b]);
    const r = await cli(['check', a, b, '--annotate', b]);
    expect(r.code).toBe(0);
    expectUnchanged(before);
    expect(readdirSync(b).sort()).toEqual(['乙(2).xlsx', '乙(3).xlsx', '乙.xlsx']);
  });

  test('an existing copy is replaced only with --force; the annotate folder is not read as input', async () => {
    const root = tmp('again');
    const dir = path.join(root, '收到');
    const out = path.join(dir, '标注');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '丙.xlsx'), await workbook('丙县人民政府', 5));
    expect((await cli(['check', dir, '--annotate', out])).code).toBe(0);
    writeFileSync(path.join(out, '丙.xlsx'), 'edited by the supervisor');
    const before = snapshot([dir]);
    const again = await cli(['check', dir, '--annotate', out, '--json']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在，没有覆盖；如要覆盖，请加 --force');
    expect(again.out).toBe('');
    expectUnchanged(before);
    expect(sha(path.join(out, '丙.xlsx'))).toBe(before.get(path.join(out, '丙.xlsx')));
    const forced = await cli(['check', dir, '--annotate', out, '--force', '--json']);
    expect(forced.code).toBe(0);
    // The copy in 收到/标注 was not checked as a received report.
    expect(JSON.parse(forced.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['丙.xlsx']);
    expect(xmlProblems(path.join(out, '丙.xlsx'))).toEqual([]);
    expect(sha(path.join(dir, '丙.xlsx'))).toBe(before.get(path.join(dir, '丙.xlsx')));
  });
});

describe('check --summary', () => {
  test('on its own input: refused, exit 2, input unchanged, nothing checked', async () => {
    const dir = tmp('self');
    const x = path.join(dir, 'x.xlsx');
    writeFileSync(x, await workbook('丁县人民政府'));
    const before = snapshot([dir]);
    const r = await cli(['check', x, '--summary', x]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是本次读取的输入文件');
    expect(r.out).toBe('');
    expectUnchanged(before);
    // --force does not change that.
    expect((await cli(['check', x, '--summary', x, '--force'])).code).toBe(2);
    expectUnchanged(before);
  });

  test('through a symbolic link, a hard link, or a file found in an input folder: refused even with --force', async () => {
    const dir = tmp('links');
    const x = path.join(dir, 'x.xlsx');
    writeFileSync(x, await workbook('戊县人民政府'));
    const out = tmp('links-out');
    symlinkSync(x, path.join(out, 'soft.xlsx'));
    linkSync(x, path.join(out, 'hard.xlsx'));
    const before = snapshot([dir]);
    for (const target of ['soft.xlsx', 'hard.xlsx']) {
      const r = await cli(['check', x, '--summary', path.join(out, target), '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('是本次读取的输入文件');
      expectUnchanged(before);
    }
    const inFolder = await cli(['check', dir, '--summary', x, '--force']);
    expect(inFolder.code).toBe(2);
    expectUnchanged(before);
  });

  test('an existing file is replaced only with --force, and then well-formed', async () => {
    const dir = tmp('exists');
    writeFileSync(path.join(dir, 'a.xlsx'), await workbook('己县人民政府'));
    const out = path.join(tmp('exists-out'), '审核结果.xlsx');
    writeFileSync(out, 'earlier');
    const before = snapshot([dir, out]);
    const r = await cli(['check', dir, '--summary', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已存在，没有覆盖；如要覆盖，请加 --force');
    expectUnchanged(before);
    const forced = await cli(['check', dir, '--summary', out, '--force']);
    expect(forced.code).toBe(0);
    expectUnchanged(new Map([...before].filter(([f]) => f !== out)));
    expect(await sheetNames(out)).toEqual(['单位汇总', '规则汇总', '问题明细']);
    expect(xmlProblems(out)).toEqual([]);
  });

  test('the summary and an annotated copy may not be the same file', async () => {
    const dir = tmp('dup');
    writeFileSync(path.join(dir, 'a.xlsx'), await workbook('庚县人民政府'));
    const out = tmp('dup-out');
    const r = await cli(['check', dir, '--annotate', out, '--summary', path.join(out, 'A.XLSX')]);
    // On a case-sensitive file system A.XLSX and a.xlsx are two files; on a case-insensitive one, one.
    if (existsSync(path.join(out, 'a.xlsx')) && existsSync(path.join(out, 'A.XLSX'))) {
      expect(r.code).toBe(0);
    } else {
      expect(r.code).toBe(2);
    }
    const same = await cli(['check', dir, '--annotate', out, '--summary', path.join(out, 'a(9).xlsx'), '--force']);
    expect(same.code).toBe(0);
  });
});

describe('template, merge, import and draft', () => {
  test('template -o onto its --data file (directly or through a link): refused', async () => {
    const dir = tmp('template');
    const data = path.join(dir, 'data.xlsx');
    writeFileSync(data, await workbook('辛县人民政府'));
    symlinkSync(data, path.join(dir, 'link.xlsx'));
    const before = snapshot([dir]);
    expect((await cli(['template', '--data', data, '-o', data, '--force'])).code).toBe(2);
    expect((await cli(['template', '--data', data, '-o', path.join(dir, 'link.xlsx'), '--force'])).code).toBe(2);
    expectUnchanged(before);
    const out = path.join(dir, 'out.xlsx');
    expect((await cli(['template', '--data', data, '-o', out])).code).toBe(0);
    expect((await cli(['template', '--data', data, '-o', out])).code).toBe(1);
    expectUnchanged(before);
    expect(xmlProblems(out)).toEqual([]);
  });

  test('merge -o onto one of its members: refused even with --force; members unchanged', async () => {
    const dir = tmp('merge');
    writeFileSync(path.join(dir, '一镇.xlsx'), await workbook('一镇人民政府', 1));
    writeFileSync(path.join(dir, '二镇.xlsx'), await workbook('二镇人民政府', 2));
    const before = snapshot([dir]);
    const r = await cli(['merge', dir, '-o', path.join(dir, '一镇.xlsx'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是本次读取的输入文件');
    expectUnchanged(before);
    const out = path.join(tmp('merge-out'), '汇总.xlsx');
    expect((await cli(['merge', dir, '-o', out])).code).toBe(0);
    expect((await cli(['merge', dir, '-o', out])).code).toBe(1);
    expectUnchanged(before);
    expect(xmlProblems(out)).toEqual([]);
  });

  test('import -o replaces an existing file only with --force, never its input', async () => {
    const dir = tmp('import');
    const text = path.join(dir, 'pub.txt');
    copyFileSync(TEXT, text);
    const json = path.join(dir, 'pub.json');
    writeFileSync(json, 'earlier');
    const before = snapshot([dir]);
    // An input named .json cannot be its own output, --force or not.
    expect((await cli(['import', json, '-o', json, '--force'])).code).toBe(2);
    expectUnchanged(before);
    const r = await cli(['import', text, '-o', json]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已存在，没有覆盖');
    expectUnchanged(before);
    const forced = await cli(['import', text, '-o', json, '--force']);
    expect([0, 1]).toContain(forced.code);
    expect(sha(text)).toBe(before.get(text));
    expect(JSON.parse(readFileSync(json, 'utf8')).meta.body).toContain('沙坡头区某某局');
    const xlsx = path.join(dir, 'pub.xlsx');
    expect([0, 1]).toContain((await cli(['import', text, '-o', xlsx])).code);
    expect(xmlProblems(xlsx)).toEqual([]);
  });

  test('draft pub.txt -o pub.txt: refused, the text unchanged; an existing .docx kept without --force', async () => {
    const dir = tmp('draft');
    const text = path.join(dir, 'pub.txt');
    copyFileSync(TEXT, text);
    const before = snapshot([dir]);
    const r = await cli(['draft', text, '-o', text]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是本次读取的输入文件');
    expectUnchanged(before);
    const docx = path.join(dir, '正文.docx');
    expect((await cli(['draft', text, '-o', docx])).code).toBe(0);
    expect(xmlProblems(docx)).toEqual([]);
    const again = await cli(['draft', text, '-o', docx]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在，没有覆盖');
    expect((await cli(['draft', text, '-o', docx, '--force'])).code).toBe(0);
    expectUnchanged(before);
  });
});

describe('writing is atomic', () => {
  test('no temporary file is left behind, and a failed write leaves the target as it was', async () => {
    const dir = tmp('atomic');
    const data = path.join(dir, 'r.json');
    writeFileSync(data, JSON.stringify(report('壬县人民政府')));
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // A folder where the file should go: the write fails, in Chinese, and nothing else appears.
    mkdirSync(path.join(out, 't.xlsx'));
    const r = await cli(['template', '--data', data, '-o', path.join(out, 't.xlsx'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是一个文件夹');
    expect(readdirSync(out)).toEqual(['t.xlsx']);
    expect((await cli(['template', '--data', data, '-o', path.join(out, 'ok.xlsx')])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['ok.xlsx', 't.xlsx']);
  });
});
