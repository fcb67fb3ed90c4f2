/** `nianbao check` on workbooks: --json with explanations, --summary, --annotate, --previous, progress, template, merge. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CheckResultSchema, type CheckResult, type ReportData } from '../../src/core';
import { describeWithPrograms } from '../helpers/system';
import { cli, soundReport, templateBuffer } from '../xlsx/make';

function tmp(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `nb-${name}-`));
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** 淮安市 with 自然人 new applications one too high: T3-BALANCE and T3-ROWSUM break. */
function brokenReport(body: string): ReportData {
  const r = soundReport(body);
  return { ...r, values: { ...r.values, 't3.new.natural': (r.values['t3.new.natural'] as number) + 1 } };
}

async function checkJson(args: string[]): Promise<{ code: number; result: CheckResult; err: string }> {
  const { code, out, err } = await cli(['check', ...args, '--json']);
  return { code, result: CheckResultSchema.strict().parse(JSON.parse(out)), err };
}

describe('nianbao check on workbooks', () => {
  const dir = tmp('batch');
  beforeAll(async () => {
    writeFileSync(path.join(dir, '甲.xlsx'), await templateBuffer(soundReport('甲县人民政府')));
    writeFileSync(
      path.join(dir, '乙.xlsx'),
      await templateBuffer(brokenReport('乙县人民政府'), [{ rule: 'T3-BALANCE', target: 'natural', text: '有一件申请跨年登记' }]),
    );
  });

  test('--json gives the §4 result with addresses and the workbook\'s explanations; exit 1 on errors', async () => {
    const { code, result } = await checkJson([dir]);
    expect(code).toBe(1);
    // Folders are walked in zh-CN order: 甲 (jiǎ) before 乙 (yǐ).
    expect(result.files.map((f) => [f.body, f.status])).toEqual([
      ['甲县人民政府', 'ok'],
      ['乙县人民政府', 'findings'],
    ]);
    const balance = result.files[1].findings.find((f) => f.rule === 'T3-BALANCE');
    expect(balance).toMatchObject({ target: 'natural', explanation: '有一件申请跨年登记' });
    expect(balance?.addresses).toContain('表三!D5');
    expect(result.summary.errors).toBeGreaterThan(0);
  });

  test('the default output is a readable summary per unit', async () => {
    const { out } = await cli(['check', dir]);
    expect(out).toContain('乙县人民政府');
    expect(out).toContain('说明：有一件申请跨年登记');
    expect(out).toContain('未发现问题');
  });

  test('--summary writes units, rules and every finding, with filters and frozen headers', async () => {
    const out = path.join(tmp('summary'), '审核结果.xlsx');
    await cli(['check', dir, '--summary', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位汇总', '规则汇总', '问题明细']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
    const units = wb.getWorksheet('单位汇总')!;
    expect(units.getRow(2).values).toEqual(expect.arrayContaining(['甲县人民政府', '未发现问题']));
    expect(units.getRow(3).values).toEqual(expect.arrayContaining(['乙县人民政府', '有错误']));
    const rules = wb.getWorksheet('规则汇总')!;
    const balanceRow = rules.getRows(2, rules.rowCount - 1)?.find((r) => r.getCell(1).value === 'T3-BALANCE');
    expect(balanceRow?.getCell(4).value).toBe(1);
    const detail = wb.getWorksheet('问题明细')!;
    const row = detail.getRows(2, detail.rowCount - 1)?.find((r) => r.getCell(4).value === 'T3-BALANCE');
    expect(row?.getCell(11).value).toBe('有一件申请跨年登记');
    expect(String(row?.getCell(6).value)).toContain('本年新收申请 / 自然人');
  });

  test('--annotate writes marked-up copies and never modifies the originals', async () => {
    const before = readdirSync(dir).map((f) => sha(path.join(dir, f)));
    const out = tmp('annotate');
    const { err } = await cli(['check', dir, '--annotate', out]);
    expect(err).toContain('2 个标注副本');
    expect(readdirSync(dir).map((f) => sha(path.join(dir, f)))).toEqual(before);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, '乙.xlsx'));
    expect(copy.getWorksheet('表三')!.getCell('D5').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(copy.getWorksheet('审核意见')).toBeTruthy();
    // exceljs writes notes but does not read them back: look in the file itself.
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, '乙.xlsx')));
    const comments = await Promise.all(Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(comments.join('')).toContain('本年新收');
  });

  test('--previous matches last year by body name and feeds the cross-year rules', async () => {
    const prevDir = tmp('prev');
    const last = soundReport('乙 县人民政府', 2023);
    // Last year 自然人 carried out 7 more than this year's 上年结转 says.
    writeFileSync(
      path.join(prevDir, '乙-2023.xlsx'),
      await templateBuffer({ ...last, values: { ...last.values, 't3.carried_out.natural': (last.values['t3.carried_in.natural'] as number) + 7 } }),
    );
    const { result } = await checkJson([path.join(dir, '乙.xlsx'), '--previous', prevDir]);
    const carry = result.files[0].findings.find((f) => f.rule === 'YOY-CARRY' && f.target === 'natural');
    expect(carry).toBeTruthy();
    const { result: without } = await checkJson([path.join(dir, '乙.xlsx')]);
    expect(without.files[0].findings.some((f) => f.rule === 'YOY-CARRY')).toBe(false);
  });

  test('a progress bar on a terminal for more than a few files, none otherwise', async () => {
    const many = tmp('many');
    const buf = await templateBuffer(soundReport());
    for (let i = 0; i < 7; i += 1) writeFileSync(path.join(many, `${i}.xlsx`), buf);
    const tty = await cli(['check', many], { isTty: true });
    expect(tty.err).toContain('7/7');
    const pipe = await cli(['check', many], { isTty: false });
    expect(pipe.err).not.toContain('7/7');
  });
});

describe('nianbao template', () => {
  test('writes the template, with --data filled in, readable by check', async () => {
    const out = path.join(tmp('template'), '年报模板.xlsx');
    const data = path.join(tmp('data'), 'r.json');
    writeFileSync(data, JSON.stringify(soundReport()));
    expect((await cli(['template', '-o', out, '--data', data])).code).toBe(0);
    const { result } = await checkJson([out]);
    expect(result.files[0]).toMatchObject({ body: '淮安市人民政府', status: 'ok' });
    expect((await cli(['template', '-o', out])).code).toBe(1);
    expect((await cli(['template'])).code).toBe(2);
  });
});

describe('nianbao merge and checking an aggregate', () => {
  test('merge sums the members; check finds AGGREGATE-SUM differences and missing members', async () => {
    const members = tmp('members');
    const bodies = ['一镇人民政府', '二镇人民政府', '三镇人民政府'];
    for (const b of bodies) writeFileSync(path.join(members, `${b}.xlsx`), await templateBuffer(soundReport(b)));
    const out = path.join(tmp('agg'), '汇总.xlsx');
    const merged = await cli(['merge', members, '-o', out, '--body', '某县人民政府', '--level', 'county_gov']);
    expect(merged.code).toBe(0);
    const { result } = await checkJson([out, '--members', members]);
    expect(result.files[0].findings.filter((f) => f.rule === 'AGGREGATE-SUM')).toEqual([]);
    expect(result.files[0].body).toBe('某县人民政府');

    // A member changed after merging: the sum no longer matches.
    writeFileSync(path.join(members, `${bodies[0]}.xlsx`), await templateBuffer(brokenReport(bodies[0])));
    const changed = await checkJson([out, '--members', members]);
    const sum = changed.result.files[0].findings.find((f) => f.rule === 'AGGREGATE-SUM' && f.target === 't3.new.natural');
    expect(sum).toMatchObject({ actual: 3 * (soundReport().values['t3.new.natural'] as number) });

    // Checked in one batch with its members beside it, minus one: that member is named as missing.
    const batch = tmp('batch-agg');
    writeFileSync(path.join(batch, '汇总.xlsx'), readFileSync(out));
    for (const b of bodies.slice(1)) writeFileSync(path.join(batch, `${b}.xlsx`), readFileSync(path.join(members, `${b}.xlsx`)));
    const missing = await checkJson([batch]);
    const agg = missing.result.files.find((f) => f.body === '某县人民政府');
    expect(agg?.findings.filter((f) => f.rule === 'AGGREGATE-SUM').map((f) => f.target)).toEqual([`member:${bodies[0]}`]);
  });

  test('merge refuses unreadable members rather than writing an incomplete sum', async () => {
    const members = tmp('members-bad');
    writeFileSync(path.join(members, 'a.xlsx'), await templateBuffer(soundReport('一镇')));
    writeFileSync(path.join(members, 'b.xlsx'), Buffer.from('not a workbook'));
    const out = path.join(tmp('agg-bad'), '汇总.xlsx');
    const r = await cli(['merge', members, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有写出汇总');
  });
});

describeWithPrograms('a real .xls saved by LibreOffice', ['soffice'], 'apt-get install -y libreoffice-calc', () => {
  test('is unreadable with the 另存为 .xlsx advice', async () => {
    const d = tmp('xls');
    writeFileSync(path.join(d, 'r.xlsx'), await templateBuffer(soundReport()));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${d}/profile`, '--convert-to', 'xls', '--outdir', path.join(d, 'out'), path.join(d, 'r.xlsx')], { stdio: 'ignore', timeout: 120000 });
    const { result } = await checkJson([path.join(d, 'out', 'r.xls')]);
    expect(result.files[0].status).toBe('unreadable');
    expect(result.files[0].error).toContain('另存为');
  });
});
