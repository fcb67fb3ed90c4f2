/**
 * The attack suite: every hostile file of hostileFiles.ts, in one folder, through every command and every option
 * that reads or writes — run as a supervisor runs it, the built command line in its own process with its worker
 * processes, so that time and memory bounds are the real ones. For every run:
 *
 * - it ends (no hang), with exit 0, 1 or 2, never killed by a signal;
 * - no raw Node/V8/exceljs message and no "出错了" (our catch-all: a bug) reaches the user;
 * - every input is byte for byte what it was;
 * - every .xlsx/.docx written parses (saxes, every part) and holds only finite numbers; every .json reads back;
 * - the text report has one "■" line per file, and no line a file could forge.
 *
 * The silent wrong values of item 5 (a missing shared-strings part, a date cell, a hex number, a duplicated part, GBK
 * JSON) are each asserted to be named or read right.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckResultSchema, type CheckResult } from '../../src/core';
import { validateOfficeBytes } from '../../src/cli/validateOutput';
import { ROOT } from '../xlsx/make';
import { expectUnchanged, snapshot, tmp, xmlProblems } from '../cli/files';
import { buildHostileFolder, type HostileCase } from './hostileFiles';

/** Raw words of Node, V8, exceljs or JSON.parse, our catch-all, a V8 crash. */
const RAW = /EACCES|EISDIR|EEXIST|ENOENT|ENOSPC|ELOOP|ENXIO|Cannot read prop|reading '|Unexpected token|is not valid JSON|JSON at position|Worksheet name|exceeds 31|already exists|Error:|出错了|FATAL|程序信息|heap out of memory/;

const SECONDS_PER_FILE = '5';
/** Each run of the suite may take minutes on a machine shared with others. */
const RUN_MS = 15 * 60 * 1000;

let build: string;
let folder: string;
let out: string;
let cases: HostileCase[];
let before: Map<string, string>;

/** Built outside the repository: node_modules found through NODE_PATH (worker processes inherit it). */
function env(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NIANBAO_FILE_SECONDS: SECONDS_PER_FILE, NIANBAO_WORKERS: '2' };
}

function node(args: string[], options: { uid?: number } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, args, {
    cwd: folder,
    env: env(),
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  return r;
}

/**
 * The other user must load the command line's libraries. A clone inside a private folder (root's home, a mkdtemp
 * folder) hides the repository's node_modules from it: then the production dependencies (as `npm ls` lists them) are
 * copied beside the build, where Node finds them before NODE_PATH.
 */
function reachableModules(uid: number): void {
  const probe = node(['-e', "require('fflate'); require('saxes'); require('exceljs')"], { uid });
  if (probe.status === 0) return;
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const modules = path.join(build, '..', 'node_modules');
  const top = path.join(ROOT, 'node_modules') + path.sep;
  for (const dir of ls.stdout.split('\n').filter((d) => d.startsWith(top))) {
    cpSync(dir, path.join(modules, dir.slice(top.length)), { recursive: true, dereference: true });
  }
  const again = node(['-e', "require('fflate'); require('saxes'); require('exceljs')"], { uid });
  expect({ uid, stderr: again.stderr, status: again.status }).toEqual({ uid, stderr: '', status: 0 });
}

/** The built command line, as `nianbao <args>`, in the hostile folder. */
function nianbao(args: string[], options: { uid?: number } = {}): { code: number; out: string; err: string } {
  const r = node([path.join(build, 'cli', 'main.js'), ...args], options);
  expect({ args, signal: r.signal, error: r.error?.message }).toEqual({ args, signal: null, error: undefined });
  expect([0, 1, 2]).toContain(r.status);
  expect(r.stdout + r.stderr).not.toMatch(RAW);
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Many runs of the command line, in two processes side by side (their reading still bounded in worker processes). */
async function nianbaoEach(jobs: string[][]): Promise<{ argv: string[]; code: number; out: string; err: string }[]> {
  const halves = [jobs.filter((_, i) => i % 2 === 0), jobs.filter((_, i) => i % 2 === 1)];
  const runs = await Promise.all(
    halves.map(
      (half, h) =>
        new Promise<{ argv: string[]; code: number; out: string; err: string }[]>((resolve, reject) => {
          const file = path.join(out, `jobs-${h}-${Date.now()}.json`);
          writeFileSync(file, JSON.stringify(half));
          const child = spawn(process.execPath, [path.join(build, 'driver.js'), file], { cwd: folder, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
          child.on('error', reject);
          child.on('close', (code, signal) => {
            if (code !== 0 || signal) reject(new Error(`driver ended with ${signal ?? code}: ${stderr.slice(0, 2000)}`));
            else resolve(JSON.parse(stdout) as { argv: string[]; code: number; out: string; err: string }[]);
          });
        }),
    ),
  );
  // Back in the order given.
  const results = jobs.map((_, i) => runs[i % 2][Math.floor(i / 2)]);
  for (const x of results) {
    expect({ argv: x.argv, code: [0, 1, 2].includes(x.code) }).toEqual({ argv: x.argv, code: true });
    expect({ argv: x.argv, text: x.out + x.err }).not.toEqual({ argv: x.argv, text: expect.stringMatching(RAW) });
  }
  return results;
}

/** Every file written under `dir`: .xlsx/.docx well-formed, .json readable. */
function expectWellFormed(dir: string): number {
  let n = 0;
  const visit = (p: string): void => {
    for (const e of readdirSync(p, { withFileTypes: true })) {
      const f = path.join(p, e.name);
      if (e.isDirectory()) visit(f);
      else if (/\.(xlsx|docx)$/.test(e.name)) {
        n += 1;
        expect({ f, problems: xmlProblems(f) }).toEqual({ f, problems: [] });
        expect({ f, v: validateOfficeBytes(readFileSync(f), e.name.endsWith('.docx') ? 'docx' : 'xlsx') }).toEqual({ f, v: { ok: true } });
      } else if (e.name.endsWith('.json') && !e.name.startsWith('jobs-')) {
        n += 1;
        expect(() => JSON.parse(readFileSync(f, 'utf8'))).not.toThrow();
      }
    }
  };
  visit(dir);
  return n;
}

function checkResult(json: string): CheckResult {
  return CheckResultSchema.strict().parse(JSON.parse(json));
}

function resultFor(result: CheckResult, name: string): CheckResult['files'][number] | undefined {
  return result.files.find((f) => path.basename(f.file) === name);
}

let checked: CheckResult;

beforeAll(async () => {
  const root = tmp('attacks');
  chmodSync(root, 0o755);
  build = path.join(root, 'build');
  folder = path.join(root, '收到的文件');
  out = path.join(root, 'out');
  mkdirSync(out);
  chmodSync(out, 0o777);
  // The command line as it ships: compiled, with its worker script beside it.
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', build], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  writeFileSync(
    path.join(build, 'driver.js'),
    `const { run } = require('./cli/main.js');
const jobs = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
(async () => {
  const results = [];
  for (const argv of jobs) {
    let out = '', err = '', code;
    const io = { out: (t) => (out += t), err: (t) => (err += t), isTty: false, cwd: process.cwd() };
    try { code = await run(argv, io); } catch (e) { code = 'threw: ' + e; }
    results.push({ argv, code, out, err });
  }
  process.stdout.write(JSON.stringify(results));
})();
`,
  );
  cases = await buildHostileFolder(folder);
  before = snapshot([folder].filter(existsSync));
  // The locked folder is not in the snapshot (no one may read it); it is checked apart below.
  const r = nianbao(['check', '.', '--json']);
  checked = checkResult(r.out);
}, 15 * 60 * 1000);

afterAll(() => {
  if (folder && existsSync(path.join(folder, 'special-locked'))) chmodSync(path.join(folder, 'special-locked'), 0o755);
  if (folder) rmSync(path.dirname(folder), { recursive: true, force: true });
});

describe('the attack suite', () => {
  test('check <folder> --json: every file its own result, unreadable ones with a Chinese reason; inputs unchanged', () => {
    const listed = new Set(checked.files.map((f) => path.basename(f.file)));
    for (const c of cases) {
      if (c.name === 'special-folder.json') expect(listed.has('inner.json')).toBe(true);
      // Root may open the locked folder (its file is then listed); anyone else gets a finding for the folder.
      else if (c.name === 'special-locked') expect(listed.has('special-locked') || listed.has('hidden.json')).toBe(true);
      else expect({ name: c.name, listed: listed.has(c.name) }).toEqual({ name: c.name, listed: true });
    }
    for (const f of checked.files) {
      if (f.status === 'unreadable') expect({ file: f.file, error: f.error }).toEqual({ file: f.file, error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    // What each special file became.
    expect(resultFor(checked, 'special-fifo.txt')?.error).toContain('命名管道');
    expect(resultFor(checked, 'special-zero.txt')?.error).toContain('指向所给文件夹之外');
    expect(resultFor(checked, 'special-passwd.json')?.error).toContain('指向所给文件夹之外');
    expect(resultFor(checked, 'special-loop.json')?.error).toContain('链接循环');
    expect(resultFor(checked, 'box-sparse.xlsx')?.error).toContain('文件过大');
    expect(JSON.stringify(checked)).not.toContain('root:x:0:0');
    // The sound files are checked as usual.
    for (const n of ['sound-甲.xlsx', 'sound-乙.json', 'sound-pub.txt']) expect(resultFor(checked, n)?.status).not.toBe('unreadable');
    expectUnchanged(before);
  }, RUN_MS);

  test('check <folder>: the text report cannot be forged', () => {
    const r = nianbao(['check', '.']);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('■ '))).toHaveLength(checked.files.length);
    // Each "未发现问题。" line follows a "■" line of a clean file.
    lines.forEach((l, i) => {
      if (l === '  未发现问题。') expect(lines[i - 1]).toMatch(/^■ /);
    });
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expectUnchanged(before);
  }, RUN_MS);

  test('check --summary --annotate --force: every output well-formed, no original touched', () => {
    const dest = path.join(out, 'check');
    const r = nianbao(['check', '.', '--summary', path.join(dest, '审核结果.xlsx'), '--annotate', path.join(dest, '标注'), '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('审核结果已写入');
    expect(r.err).toMatch(/写出 \d+ 个标注副本（原文件未改动）/);
    expect(expectWellFormed(dest)).toBeGreaterThan(5);
    // Run again into the same places: refused without --force (before any reading), then replaced.
    const again = nianbao(['check', '.', '--summary', path.join(dest, '审核结果.xlsx'), '--annotate', path.join(dest, '标注')]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('没有进行检查，也没有写出任何文件');
    const forced = nianbao(['check', 'sound-甲.xlsx', 'name-fffe.json', '--summary', path.join(dest, '审核结果.xlsx'), '--annotate', path.join(dest, '标注'), '--force']);
    expect(forced.err).toContain('审核结果已写入');
    expectWellFormed(dest);
    // Annotating into the received folder itself: every copy takes a free name.
    const self = nianbao(['check', 'sound-甲.xlsx', 'name-bidi.xlsx', '--annotate', '.']);
    expect(self.err).toContain('写出 2 个标注副本');
    expectUnchanged(before);
    const copies = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && !before.has(path.join(folder, e.name)) && e.name.endsWith('.xlsx'));
    expect(copies.map((e) => e.name).sort()).toEqual(['name-bidi(2).xlsx', 'sound-甲(2).xlsx']);
    for (const { name: f } of copies) {
      expect(xmlProblems(path.join(folder, f))).toEqual([]);
      rmSync(path.join(folder, f));
    }
  }, RUN_MS);

  test('check with the hostile folder as --previous and as --members', () => {
    const r = nianbao(['check', 'sound-甲.xlsx', 'sound-乙.json', '--previous', '.', '--members', '.', '--json']);
    expect(checkResult(r.out).files).toHaveLength(2);
    expect(r.err).toMatch(/上年报告无法读取|上年报告/);
    expectUnchanged(before);
  }, RUN_MS);

  test('merge: refused for the whole folder (unreadable members); the readable hostile reports make a well-formed aggregate', () => {
    const dest = path.join(out, 'merge');
    const all = nianbao(['merge', '.', '-o', path.join(dest, '汇总.xlsx')]);
    expect(all.code).toBe(1);
    expect(all.err).toContain('没有写出汇总');
    expect(existsSync(path.join(dest, '汇总.xlsx'))).toBe(false);
    const readable = cases.filter((c) => c.report && !c.text && c.name !== 'special-new\nline.json').map((c) => c.name);
    const some = nianbao(['merge', '-o', path.join(dest, '汇总.xlsx'), '--', ...readable]);
    expect([0, 1]).toContain(some.code);
    if (existsSync(path.join(dest, '汇总.xlsx'))) expectWellFormed(dest);
    expectUnchanged(before);
  }, RUN_MS);

  test('template --data, draft -o .docx and .md, import -o .xlsx and .json on every file', async () => {
    const dest = path.join(out, 'each');
    mkdirSync(dest);
    const files = cases.filter((c) => c.name !== 'special-locked').map((c) => c.name);
    const jobs: string[][] = [];
    // `--data=` and `--`: a file may be called "-o.json".
    files.forEach((f, i) => {
      jobs.push(['template', `--data=${f}`, '-o', path.join(dest, `t${i}.xlsx`)]);
      jobs.push(['draft', '-o', path.join(dest, `d${i}.docx`), '--', f]);
    });
    cases.filter((c) => c.text || c.name.endsWith('.txt')).forEach((c, i) => {
      jobs.push(['import', '-o', path.join(dest, `i${i}.xlsx`), '--', c.name]);
      jobs.push(['import', '-o', path.join(dest, `i${i}.json`), '--', c.name]);
      jobs.push(['draft', '-o', path.join(dest, `m${i}.md`), '--', c.name]);
    });
    // Each command onto its own input: refused.
    jobs.push(['draft', 'sound-pub.txt', '-o', 'sound-pub.txt', '--force']);
    jobs.push(['template', '--data', 'sound-甲.xlsx', '-o', 'sound-甲.xlsx', '--force']);
    jobs.push(['import', 'sound-乙.json', '-o', 'sound-乙.json', '--force']);
    const results = await nianbaoEach(jobs);
    expect(results.slice(-3).map((r) => r.code)).toEqual([2, 2, 2]);
    // What a command says it wrote exists and is well-formed; what it did not write is absent.
    for (const r of results) {
      const target = r.argv[r.argv.indexOf('-o') + 1];
      if (!target.startsWith(dest)) continue;
      const said = r.code !== 2 && /已写入|已生成“/.test(r.out + r.err);
      expect({ argv: r.argv, exists: existsSync(target) }).toEqual({ argv: r.argv, exists: said });
    }
    expect(expectWellFormed(dest)).toBeGreaterThan(20);
    expectUnchanged(before);
  }, RUN_MS);

  test('a folder that cannot be opened, as a user without root: a finding, the rest checked', () => {
    if (process.platform === 'win32') return;
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    chmodSync(folder, 0o755);
    if (uid !== undefined) reachableModules(uid);
    const r = nianbao(['check', '.', '--json'], { uid });
    const result = checkResult(r.out);
    expect(resultFor(result, 'special-locked')?.error).toContain('无法打开文件夹：没有访问权限');
    expect(resultFor(result, 'sound-乙.json')?.status).not.toBe('unreadable');
    expectUnchanged(before);
  }, RUN_MS);
});

/** No silent wrong value (issue 12, item 5): each of these was read as a wrong number before the bounded reader. */
describe('no silent wrong value', () => {
  const expectations: Record<string, (f: CheckResult['files'][number]) => void> = {
    'silent-no-shared.xlsx': (f) => {
      expect(f.body ?? '').not.toMatch(/^\d+$/);
      expect(f.status === 'unreadable' || f.findings.some((x) => x.target === 't2.licensing')).toBe(true);
    },
    'silent-date.xlsx': (f) => expect(f.status === 'unreadable' || f.findings.some((x) => x.target === 't2.licensing')).toBe(true),
    'silent-hex.xlsx': (f) => expect(f.status === 'unreadable' || f.findings.some((x) => x.target === 't2.licensing')).toBe(true),
    'silent-duplicate.xlsx': (f) => expect(f.status === 'unreadable' || JSON.stringify(f).includes('sheet2.xml')).toBe(true),
    'silent-gbk.json': (f) => expect(f.body).toBe('甲县人民政府'),
  };
  for (const [name, expectation] of Object.entries(expectations)) {
    test(name, () => {
      const f = resultFor(checked, name);
      expect(f).toBeDefined();
      if (f) expectation(f);
    });
  }
});
