/**
 * One file never stops the batch: units named like Object.prototype members, folders that cannot be opened, named
 * pipes and devices, links out of the folders given, files that take too long. Each becomes that file's finding,
 * in Chinese, and every other file is still checked.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckResultSchema, type CheckResult } from '../../src/core';
import { registerReader } from '../../src/cli/inputs';
import { cli } from '../xlsx/make';
import { report, tmp } from './files';

async function checkJson(args: string[]): Promise<{ code: number; result: CheckResult; err: string }> {
  const r = await cli(['check', ...args, '--json']);
  return { code: r.code, result: CheckResultSchema.strict().parse(JSON.parse(r.out)), err: r.err };
}

function byName(result: CheckResult): Map<string, CheckResult['files'][number]> {
  return new Map(result.files.map((f) => [path.basename(f.file), f]));
}

/** Run `work` without root's power to read anything (seteuid to nobody when we are root), so EACCES is real. */
async function withoutRoot<T>(work: () => Promise<T>): Promise<T> {
  const root = process.getuid?.() === 0;
  if (root) {
    process.setegid?.(65534);
    process.seteuid?.(65534);
  }
  try {
    return await work();
  } finally {
    if (root) {
      process.seteuid?.(0);
      process.setegid?.(0);
    }
  }
}

describe('units named like members of Object.prototype', () => {
  test('toString without a year, __proto__, constructor: every file checked, --previous matched only where it exists', async () => {
    const dir = tmp('proto');
    const prev = tmp('proto-prev');
    const names = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];
    const withPrevious = new Set(['__proto__', 'constructor']);
    names.forEach((n, i) => {
      const r = report(n, i + 1);
      if (n === 'toString') delete r.meta.year;
      writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(r));
      if (!withPrevious.has(n)) return;
      // Last year's report: carried out differs from this year's carried in, so YOY-CARRY fires where matched.
      const last = report(n, i + 1, 2023);
      last.values = { ...last.values, 't3.carried_out.natural': Number(r.values['t3.carried_in.natural']) + 5 };
      writeFileSync(path.join(prev, `${i}.json`), JSON.stringify(last));
    });
    const { result, err } = await checkJson([dir, '--previous', prev]);
    expect(result.files.map((f) => f.body)).toEqual(names);
    expect(result.files.every((f) => f.status !== 'unreadable')).toBe(true);
    for (const f of result.files) expect([f.body, f.findings.some((x) => x.rule === 'YOY-CARRY')]).toEqual([f.body, withPrevious.has(f.body ?? '')]);
    expect(err).toContain('没有找到“toString”的上年报告');
    expect(err).not.toMatch(/Cannot convert|出错了/);
  });

  test('merge of members named __proto__ and toString sums both', async () => {
    const dir = tmp('proto-merge');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report('__proto__', 1)));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(report('toString', 2)));
    const out = path.join(tmp('proto-merge-out'), '汇总.xlsx');
    const r = await cli(['merge', dir, '-o', out]);
    expect(r.code).toBe(0);
    const { result } = await checkJson([out, '--members', dir]);
    expect(result.files[0].findings.filter((f) => f.rule === 'AGGREGATE-SUM')).toEqual([]);
  });
});

describe('files and folders that cannot be read', () => {
  test('an unreadable subfolder is a finding naming it; the other files are checked', async () => {
    const dir = tmp('no-access');
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report('甲县')));
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'b.json'), JSON.stringify(report('乙县')));
    writeFileSync(path.join(dir, 'secret.json'), JSON.stringify(report('丙县')));
    chmodSync(path.join(dir, 'locked'), 0o000);
    chmodSync(path.join(dir, 'secret.json'), 0o000);
    try {
      const { code, result, err } = await withoutRoot(() => checkJson([dir]));
      expect(code).toBe(1);
      const files = byName(result);
      expect(files.get('a.json')?.body).toBe('甲县');
      expect(files.get('locked')).toMatchObject({ status: 'unreadable', error: expect.stringContaining('无法打开文件夹：没有访问权限') });
      expect(files.get('secret.json')).toMatchObject({ status: 'unreadable', error: expect.stringContaining('没有访问权限') });
      expect(JSON.stringify(result) + err).not.toMatch(/EACCES|permission denied/i);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
      chmodSync(path.join(dir, 'secret.json'), 0o644);
    }
  });

  test('a FIFO named *.txt, in a folder or named directly, is refused without waiting', async () => {
    const dir = tmp('fifo');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report('甲县')));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const { result } = await checkJson([dir, path.join(dir, 'pipe.txt')]);
    const pipes = result.files.filter((f) => f.file.endsWith('pipe.txt'));
    expect(pipes).toHaveLength(2);
    for (const p of pipes) expect(p).toMatchObject({ status: 'unreadable', error: expect.stringContaining('命名管道') });
    expect(byName(result).get('a.json')?.status).toBe('ok');
    // import and draft too.
    expect((await cli(['import', path.join(dir, 'pipe.txt')])).err).toContain('命名管道');
    expect((await cli(['draft', path.join(dir, 'pipe.txt')])).err).toContain('命名管道');
  });

  test('links leaving the folder (to /etc/passwd, to /dev/zero) are not followed, and the finding says so', async () => {
    const dir = tmp('links');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report('甲县')));
    symlinkSync('/etc/passwd', path.join(dir, 'passwd.json'));
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const { result, err } = await checkJson([dir]);
    const files = byName(result);
    for (const name of ['passwd.json', 'zero.txt']) {
      expect(files.get(name)).toMatchObject({ status: 'unreadable', error: expect.stringContaining('指向所给文件夹之外') });
    }
    expect(JSON.stringify(result) + err).not.toContain('root:x:0:0');
    // Named directly, the link is the user's choice, but a device is still not read.
    const direct = await checkJson([path.join(dir, 'zero.txt')]);
    expect(direct.result.files[0]).toMatchObject({ status: 'unreadable', error: expect.stringContaining('设备') });
  });

  test('a link inside the folder is followed; a loop of links ends with a finding', async () => {
    const dir = tmp('inside');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'a.json'), JSON.stringify(report('甲县')));
    symlinkSync(path.join(dir, 'sub', 'a.json'), path.join(dir, 'b.json'));
    symlinkSync(path.join(dir, 'loop1.json'), path.join(dir, 'loop2.json'));
    symlinkSync(path.join(dir, 'loop2.json'), path.join(dir, 'loop1.json'));
    symlinkSync(dir, path.join(dir, 'sub', 'up'));
    const { result } = await checkJson([dir]);
    const files = byName(result);
    expect(files.get('b.json')?.body).toBe('甲县');
    expect(files.get('loop1.json')).toMatchObject({ status: 'unreadable', error: expect.stringContaining('链接循环') });
    // sub/up leads back to the folder itself: walked once only.
    expect(result.files.filter((f) => f.body === '甲县')).toHaveLength(2);
  });

  test('a folder given where a file is expected, and a missing file, are said in Chinese', async () => {
    const dir = tmp('eisdir');
    mkdirSync(path.join(dir, 'r.json'));
    const draft = await cli(['draft', path.join(dir, 'r.json')]);
    expect(draft.code).toBe(1);
    expect(draft.err).toContain('这是一个文件夹');
    const missing = await checkJson([path.join(dir, 'absent.json')]);
    expect(missing.result.files[0].error).toContain('文件或文件夹不存在');
  });
});

describe('a time bound per file', () => {
  const stalled: string[] = [];
  beforeAll(() => {
    // A reader for a type of file that never finishes reading (as a stalled network share would).
    registerReader({ extensions: ['.stall'], description: 'test', read: (file) => (stalled.push(file), new Promise(() => undefined)) });
  });

  test('a file that takes longer than the bound is refused by name with the bound; the batch goes on', async () => {
    const dir = tmp('stall');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report('甲县')));
    writeFileSync(path.join(dir, 'b.stall'), 'x');
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify(report('丙县', 3)));
    process.env.NIANBAO_FILE_SECONDS = '0.5';
    try {
      const { result } = await checkJson([dir]);
      const files = byName(result);
      expect(files.get('b.stall')).toMatchObject({ status: 'unreadable', error: expect.stringContaining('0.5 秒的上限') });
      expect(files.get('a.json')?.status).toBe('ok');
      expect(files.get('c.json')?.status).toBe('ok');
      expect(stalled).toHaveLength(1);
    } finally {
      delete process.env.NIANBAO_FILE_SECONDS;
    }
  });
});
