/** `nianbao check` on report-data JSON: the fixtures, the seeds, exit codes and the §4 result shape. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CheckResultSchema, type CheckResult } from '../../src/core';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

const ROOT = path.resolve(__dirname, '../..');
/** The numbers of the published fixtures (facts kept in the repo; test/corpus/facts.test.ts keeps them equal to ../shared). */
const FIXTURES = path.resolve(ROOT, 'test/fixtures/reports');
const ARITHMETIC = new Set(['T3-BALANCE', 'T3-HANDLED', 'T3-ROWSUM', 'T4-TOTAL', 'YOY-CARRY', 'YOY-IN-FORCE', 'AGGREGATE-SUM']);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTty: false, cwd: ROOT };
  const code = await run(args, io);
  return { code, out, err };
}

async function checkJson(files: string[]): Promise<{ code: number; result: CheckResult }> {
  const { code, out } = await cli(['check', ...files, '--json']);
  return { code, result: CheckResultSchema.strict().parse(JSON.parse(out)) };
}

describe('nianbao check on report data', () => {
  test('fixture 001 (淮安市 2024) gives no arithmetic finding', async () => {
    const { result } = await checkJson([path.join(FIXTURES, '001/expected.json')]);
    expect(result.files[0]).toMatchObject({ body: '淮安市人民政府', year: 2024, format: '2021', error: null });
    expect(result.files[0].findings.filter((f) => ARITHMETIC.has(f.rule))).toEqual([]);
  });

  test('fixture 002 (洪泽区 2023) gives T4-TOTAL for reconsideration and litigation_after, and exits 1', async () => {
    const { code, result } = await checkJson([path.join(FIXTURES, '002/expected.json')]);
    expect(code).toBe(1);
    const t4 = result.files[0].findings.filter((f) => f.rule === 'T4-TOTAL');
    expect(t4.map((f) => f.target).sort()).toEqual(['litigation_after', 'reconsideration']);
    expect(t4.find((f) => f.target === 'reconsideration')).toMatchObject({ expected: 11, actual: 0, severity: 'error' });
    expect(result.files[0].findings.filter((f) => ARITHMETIC.has(f.rule) && f.rule !== 'T4-TOTAL')).toEqual([]);
  });

  test('fixtures 002 and 003 publish （六）其他处理 as one row: checked with its numbers, reported as FORMAT-VERSION', async () => {
    const { result } = await checkJson([path.join(FIXTURES, '002/expected.json'), path.join(FIXTURES, '003/expected.json')]);
    for (const file of result.files) {
      expect(file.format).toBe('2019');
      expect(file.findings.filter((f) => f.rule === 'FORMAT-VERSION').map((f) => f.target)).toEqual(['t3']);
      expect(file.findings.filter((f) => f.rule === 'VALUE-EMPTY')).toEqual([]);
    }
    expect(result.files[1].findings.map((f) => f.rule)).toEqual(['FORMAT-VERSION']);
  });

  test('the two seeds check clean', async () => {
    const { code, result } = await checkJson(['test/fixtures/seeds/000.json', 'test/fixtures/seeds/004.json']);
    expect(code).toBe(0);
    expect(result.summary).toEqual({ files: 2, errors: 0, warnings: 0, infos: 0 });
    expect(result.files.map((f) => f.status)).toEqual(['ok', 'ok']);
  });

  test('default output is a readable Chinese list per unit', async () => {
    const { code, out } = await cli(['check', path.join(FIXTURES, '002/expected.json')]);
    expect(code).toBe(1);
    expect(out).toContain('淮安市洪泽区人民政府 2023年');
    expect(out).toContain('[错误] T4-TOTAL 表四「行政复议」：总计填报 0，但 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，相差 11。');
    expect(out).toMatch(/合计错误 3 项/);
  });

  test('an unreadable input is reported in its own result, the batch goes on, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(path.join(dir, 'broken.json'), '{ "meta": ');
    writeFileSync(path.join(dir, 'wrong.json'), JSON.stringify({ values: [1, 2] }));
    const { code, result } = await checkJson([path.join(dir, 'broken.json'), path.join(dir, 'wrong.json'), 'test/fixtures/seeds/000.json', path.join(dir, 'absent.json')]);
    expect(code).toBe(1);
    const byName = new Map(result.files.map((f) => [path.basename(f.file), f]));
    expect([...byName.keys()].sort()).toEqual(['000.json', 'absent.json', 'broken.json', 'wrong.json']);
    expect(byName.get('000.json')?.status).toBe('ok');
    expect(byName.get('broken.json')).toMatchObject({ status: 'unreadable', error: expect.stringMatching(/不是有效的 JSON/) });
    expect(byName.get('wrong.json')).toMatchObject({ status: 'unreadable', error: expect.stringMatching(/values 处应为对象，实际是列表/) });
    expect(byName.get('absent.json')).toMatchObject({ status: 'unreadable', error: expect.stringMatching(/不存在/) });
  });

  test('warnings alone exit 0; explanations in the report data are shown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
    const report = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/seeds/000.json'), 'utf8'));
    report.values['fee.notified'] = 100;
    report.values['fee.collected'] = 200;
    report.explanations = { 'FEE-COLLECTED:fee.collected': '含上年通知本年收取的 100 元' };
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(report));
    const { code, result } = await checkJson([path.join(dir, 'r.json')]);
    expect(code).toBe(0);
    expect(result.files[0].findings).toEqual([expect.objectContaining({ rule: 'FEE-COLLECTED', severity: 'warning', explanation: '含上年通知本年收取的 100 元' })]);
  });

  test('bad usage exits 2 with a Chinese message', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check'])).err).toContain('请给出要检查的文件或文件夹');
    const unknown = await cli(['check', 'x.json', '--jsno']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('不认识的选项 --jsno');
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('nianbao <命令>');
  });
});
