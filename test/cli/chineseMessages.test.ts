/**
 * Clear Chinese everywhere: file-system and library errors become a sentence naming the file and what to do, and
 * names from received files are printed with their control characters visible, so that no file can forge a line of
 * the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { chineseMessage, describeFsError } from '../../src/cli/errors';
import { OutputGuard } from '../../src/cli/outputs';
import { visible } from '../../src/cli/visible';
import { validateOfficeBytes } from '../../src/cli/validateOutput';
import { annotateWorkbookBytes, repairSheetNames } from '../../src/xlsx/annotate';
import { cli } from '../xlsx/make';
import { report, tmp, workbook } from './files';

/** Raw words of Node, V8, exceljs or JSON.parse that must never reach the user. */
const RAW = /EACCES|EISDIR|EEXIST|ENOENT|ENOSPC|Cannot read prop|reading '|Unexpected token|Unexpected end|is not valid JSON|JSON at position|Worksheet name|exceeds 31|already exists|Error:/;

async function editWorkbook(body: string, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const parts = unzipSync(await workbook(body));
  parts[part] = strToU8(edit(new TextDecoder().decode(parts[part])));
  return Buffer.from(zipSync(parts));
}

describe('errors in Chinese', () => {
  test('each errno code names the file and what to do', () => {
    for (const code of ['EACCES', 'EISDIR', 'EEXIST', 'ENOENT', 'ENOSPC', 'EPERM', 'EROFS', 'EBUSY', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'EMFILE']) {
      const text = describeFsError(Object.assign(new Error(`${code}: raw`), { code }), 'write', '审核结果.xlsx');
      expect(text).toMatch(/^无法写入“审核结果\.xlsx”：.+。.+/);
      expect(text).not.toMatch(RAW);
    }
    // An error we did not foresee is ours, in Chinese, with the raw words kept in brackets for the developers.
    expect(describeFsError(new Error('weird'), 'read', 'a.json')).toMatch(/^无法读取“a\.json”：处理时出现了意外的程序错误.*（程序信息：weird）$/);
  });

  test('a broken JSON file: where the mistake is, not what JSON.parse says', async () => {
    const dir = tmp('json');
    writeFileSync(path.join(dir, 'broken.json'), '{ "meta": { "body": "甲" }, }');
    writeFileSync(path.join(dir, 'cut.json'), '{ "meta": ');
    const { out } = await cli(['check', dir, '--json']);
    const files = JSON.parse(out).files as { file: string; error: string }[];
    for (const f of files) {
      expect(f.error).toMatch(/^不是有效的 JSON/);
      expect(f.error).not.toMatch(RAW);
    }
    expect(chineseMessage('不是有效的 JSON：Unexpected token } in JSON at position 27')).toBe('不是有效的 JSON（第 28 个字符附近格式有误）；请用文本编辑器检查括号、引号和逗号');
  });

  test("a shared string that does not exist (exceljs: \"reading 'richText'\") and an overlong sheet name", async () => {
    const dir = tmp('exceljs');
    writeFileSync(path.join(dir, 'a.xlsx'), await editWorkbook('甲县', 'xl/worksheets/sheet1.xml', (x) => x.replace(/(<c r="A1"[^>]*t="s"[^>]*><v>)\d+/, '$199999')));
    writeFileSync(path.join(dir, 'b.xlsx'), await editWorkbook('乙县', 'xl/workbook.xml', (x) => x.replace('name="基本信息"', `name="${'很长的工作表名称'.repeat(5)}"`)));
    const warn = jest.spyOn(console, 'warn');
    try {
      const { out, err } = await cli(['check', dir, '--json']);
      for (const f of JSON.parse(out).files as { error: string | null }[]) if (f.error) expect(f.error).not.toMatch(RAW);
      expect(err).not.toMatch(RAW);
      // exceljs's own console.warn ("Worksheet name … exceeds 31 chars") is kept off the user's screen.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('EEXIST when a file appears between the check and the write: said in Chinese, the newcomer kept', async () => {
    const dir = tmp('race');
    const target = path.join(dir, 'out.xlsx');
    const guard = new OutputGuard();
    expect(await guard.claim(target, 'out.xlsx', false)).toBeNull();
    writeFileSync(target, 'written by someone else meanwhile');
    const w = await guard.write(target, 'out.xlsx', Buffer.from('{}'), 'json', false);
    expect(w).toMatchObject({ ok: false, code: 'exists', message: expect.stringContaining('已存在，没有覆盖') });
  });

  test('a folder where a file is wanted, and a folder that cannot be created', async () => {
    const dir = tmp('eisdir');
    mkdirSync(path.join(dir, 'r.json'));
    const draft = await cli(['draft', path.join(dir, 'r.json')]);
    expect(draft.err).toContain('这是一个文件夹，不是文件');
    writeFileSync(path.join(dir, 'file'), 'x');
    const data = path.join(dir, 'd.json');
    writeFileSync(data, JSON.stringify(report('甲县')));
    const t = await cli(['template', '--data', data, '-o', path.join(dir, 'file', 'sub', 't.xlsx')]);
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/无法(创建文件夹|写入).*路径中有一部分是文件而不是文件夹/);
    expect(t.err).not.toMatch(RAW);
  });
});

describe('names printed visibly', () => {
  test('a unit name with a newline cannot fake a "未发现问题。" line', async () => {
    const dir = tmp('forge');
    const bad = report('甲县人民政府', 1);
    bad.values = { ...bad.values, 't3.new.natural': Number(bad.values['t3.new.natural']) + 1 };
    bad.meta.body = '甲县人民政府\n  未发现问题。\n\n■ 乙.json（乙县人民政府 2024年）\n  未发现问题。\u202E';
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(bad));
    writeFileSync(path.join(dir, 'b\n  未发现问题。.json'), JSON.stringify(bad));
    const { out } = await cli(['check', dir]);
    const lines = out.split('\n');
    expect(lines.filter((l) => l === '  未发现问题。')).toEqual([]);
    expect(lines.filter((l) => l.startsWith('■ '))).toHaveLength(2);
    expect(out).toContain('甲县人民政府\\n  未发现问题。\\n\\n■ 乙.json');
    expect(out).toContain('\\u202E');
  });

  test('visible() escapes controls, separators, bidi overrides and lone surrogates, and leaves Chinese alone', () => {
    expect(visible('甲\n乙\r丙\t丁\u0000\u001b[31m\u2028\u202E\uD800（一）')).toBe('甲\\n乙\\r丙\\t丁\\u0000\\u001B[31m\\u2028\\u202E\\uD800（一）');
    expect(visible('淮安市洪泽区人民政府 2024年 😀')).toBe('淮安市洪泽区人民政府 2024年 😀');
  });
});

describe('sheet names we write are valid', () => {
  test('a received workbook with an overlong, a bracketed and a duplicate-after-truncation sheet name is annotated', async () => {
    const long = '很长的工作表名称'.repeat(5);
    const bytes = await editWorkbook('甲县', 'xl/workbook.xml', (x) =>
      x.replace('name="基本信息"', `name="${long}"`).replace('name="补充数据"', 'name="补充[数据]"').replace('name="上年数据"', `name="${long}2"`),
    );
    const repaired = repairSheetNames(bytes);
    expect([...repaired.renamed.keys()].sort()).toEqual([long, `${long}2`, '补充[数据]'].sort());
    for (const to of repaired.renamed.values()) expect(to.length).toBeLessThanOrEqual(31);
    const dir = tmp('sheetnames');
    const file = path.join(dir, 'a.xlsx');
    writeFileSync(file, bytes);
    const out = await annotateWorkbookBytes(file, [
      { rule: 'VALUE-COUNT', target: 'fee.notices', severity: 'error', cells: [], expected: null, actual: null, message: '测试', explanation: null, addresses: ['补充[数据]!B4'] },
    ]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(validateOfficeBytes(out.bytes, 'xlsx')).toEqual({ ok: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ExcelJS.Buffer);
    const renamed = repaired.renamed.get('补充[数据]') ?? '';
    expect(wb.getWorksheet(renamed)?.getCell('B4').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(wb.worksheets.map((w) => w.name)).toContain('审核意见');
  });

  test('the 审核意见 sheet gets a free name when the workbook already has one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('审核意见');
    wb.addWorksheet('审核意见2');
    const { safeSheetName } = await import('../../src/xlsx/writeSafe');
    expect(safeSheetName(wb, '审核意见')).toBe('审核意见3');
    expect(safeSheetName(wb, `a[b]:c*d?e/f\\g${'长'.repeat(40)}`)).toMatch(/^a_b__c_d_e_f_g长+$/);
    expect(safeSheetName(wb, `a[b]:c*d?e/f\\g${'长'.repeat(40)}`).length).toBe(31);
    expect(safeSheetName(wb, "'History'")).toBe('History2');
  });
});
