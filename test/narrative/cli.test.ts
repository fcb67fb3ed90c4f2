/** `nianbao draft` end to end: stdout, the three output formats, Chinese errors and exit codes. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { FACTS, ROOT } from './seedText';

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTty: false, cwd };
  const code = await run(args, io);
  return { code, out, err };
}

const SEED_000 = 'test/fixtures/seeds/000.json';

describe('nianbao draft', () => {
  test('--help explains the command in Chinese', async () => {
    const { code, out } = await cli(['draft', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('用法：nianbao draft <报告文件>');
    expect(out).toContain('【请补充：…】');
  });

  test('the command list names it', async () => {
    const { out } = await cli(['--help']);
    expect(out).toMatch(/draft\s+根据报告数据起草年报正文/);
  });

  test('without -o the text goes to stdout', async () => {
    const { code, out, err } = await cli(['draft', SEED_000]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toBe('沙坡头区人民政府办公室2024年政府信息公开工作年度报告');
    expect(out).toContain('本年度制发行政规范性文件9件，废止行政规范性文件11件，现行有效行政规范性文件24件。');
    expect(out).toContain('本年度未发出信息处理费收费通知，未收取信息处理费。');
  });

  test('-o writes .txt, .md and .docx', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-draft-'));
    for (const name of ['正文.txt', '正文.md', '正文.docx']) {
      const { code, out } = await cli(['draft', path.join(ROOT, SEED_000), '-o', name], dir);
      expect(code).toBe(0);
      expect(out).toContain(`已生成“${name}”`);
      expect(out).toMatch(/其中有 \d+ 处【请补充：…】需要补写/);
      expect(existsSync(path.join(dir, name))).toBe(true);
    }
    expect(readFileSync(path.join(dir, '正文.md'), 'utf8').startsWith('# 沙坡头区人民政府办公室2024年')).toBe(true);
    const docx = readFileSync(path.join(dir, '正文.docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.length).toBeGreaterThan(5000);
  });

  test('a report whose tables have errors is drafted, with a warning', async () => {
    // Fixture 002 prints 行政复议 总计 0 beside 10 + 1 (T4-TOTAL).
    const { code, err } = await cli(['draft', path.join(FACTS, 'reports/002/expected.json')]);
    expect(code).toBe(0);
    expect(err).toMatch(/表格有 \d+ 个错误/);
  });

  test('usage errors exit 2 with a Chinese message', async () => {
    expect(await cli(['draft'])).toMatchObject({ code: 2, err: expect.stringContaining('请给出报告文件') });
    expect(await cli(['draft', SEED_000, '-o', '正文.pdf'])).toMatchObject({ code: 2, err: expect.stringContaining('扩展名应为 .docx、.md 或 .txt') });
    expect(await cli(['draft', SEED_000, SEED_000])).toMatchObject({ code: 2, err: expect.stringContaining('一次只能起草一份报告') });
  });

  test('unreadable input and unwritable output exit 1 saying why', async () => {
    const missing = await cli(['draft', 'no/such/file.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('无法读取“no/such/file.json”');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-draft-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    const bad = await cli(['draft', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('不是有效的 JSON');
    const noDir = await cli(['draft', path.join(ROOT, SEED_000), '-o', 'missing-dir/正文.docx'], dir);
    expect(noDir.code).toBe(1);
    expect(noDir.err).toContain('所在文件夹不存在');
  });
});
