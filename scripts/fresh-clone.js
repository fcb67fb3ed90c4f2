#!/usr/bin/env node
'use strict';
/**
 * `node scripts/fresh-clone.js [--keep]`: meet the project the way a newcomer does. Clones the current commit into an
 * empty temporary folder (nothing beside it: no ../shared), then, with CI and the corpus/schema variables unset:
 *   npm ci                      and then: `npx nianbao --help`, `node bin/nianbao.js --help` (built by `prepare`)
 *   the README's test command   (its `npm test` part; prints the tests skipped for want of the corpus, by name)
 *   npm run build               (must say once that the manifest schema check was skipped)
 *   npm run validate            (the project's structural checks alone)
 *   npm start --no-build        (serves the build over HTTPS; taskpane.html fetched with the generated CA)
 *   the README's first command  (check the example folder: exit 1, "errors found", and the summary workbook)
 * and reports each step with its exit code and time. Exit 0 when every step did what it should. Uncommitted changes
 * are not part of the check (it says so). The temporary folder is removed unless --keep or a step failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const https = require('node:https');
const { spawn, spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const keep = process.argv.includes('--keep');

function git(args, cwd = REPO) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} 失败：${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The environment of a newcomer: no CI flag, no corpus or schema folder named. */
function newcomerEnv() {
  const env = { ...process.env };
  for (const k of ['CI', 'NIANBAO_CORPUS', 'NIANBAO_MANIFEST_SCHEMAS', 'npm_config_prefix']) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k.startsWith('JEST_')) delete env[k];
  return env;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} 秒`;

/** Run a shell command in `cwd`, echoing nothing; resolves { code, out, ms }. */
function run(command, cwd, env) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

/** The README's commands: the first (check the example folder) and the test command. */
function readmeCommands(readme) {
  const check = /^npm ci && npm run nianbao -- (check [^\n]+)$/m.exec(readme);
  const test = /^npm ci && (npm test[^\n]*)$/m.exec(readme);
  if (!check || !test) throw new Error('README.md 中找不到“两条命令”');
  return { check: `npm run nianbao -- ${check[1]}`, test: test[1] };
}

function fetchWithCa(url, ca) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

/** `npm start -- --port 0 --no-build`: wait for the URL, fetch the pane with the generated CA, stop it. */
async function tryStart(cwd, env) {
  const started = Date.now();
  const child = spawn('npm', ['start', '--', '--port', '0', '--no-build'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const url = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 60000);
    const onData = (d) => {
      out += d;
      const m = /SERVING (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', () => resolve(null));
  });
  let ok = false;
  let detail = '没有启动';
  if (url) {
    try {
      const res = await fetchWithCa(`${url}/taskpane.html`, fs.readFileSync(path.join(cwd, '.certs', 'ca.crt')));
      ok = res.status === 200 && res.body.includes('<script');
      detail = `${url}/taskpane.html → HTTP ${res.status}`;
    } catch (e) {
      detail = `${url}/taskpane.html → ${e.message}`;
    }
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  return { code: ok ? 0 : 1, out: `${out}\n${detail}`, ms: Date.now() - started, detail };
}

/** The files of the README's sample folder, every one of which the first command must check. */
function exampleCount(dir) {
  return fs.readdirSync(path.join(dir, 'examples', '收到的年报')).filter((f) => !f.startsWith('.')).length;
}

async function main() {
  const t0 = Date.now();
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = git(['status', '--porcelain']);
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const commands = readmeCommands(readme);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fresh-'));
  const dir = path.join(base, 'p');
  const env = newcomerEnv();
  const say = (s) => process.stdout.write(`${s}\n`);

  say(`检验提交 ${commit.slice(0, 12)}（${git(['log', '-1', '--format=%s'])}）`);
  if (dirty) say('注意：工作区有未提交的改动，它们不在这次检验之内。');
  git(['clone', '--quiet', '--no-hardlinks', REPO, dir], base);
  git(['checkout', '--quiet', '--detach', commit], dir);
  const beside = fs.readdirSync(base);
  say(`克隆到 ${dir}（旁边：${beside.filter((f) => f !== 'p').join('、') || '什么也没有'}；../shared ${fs.existsSync(path.join(base, 'shared')) ? '存在' : '不存在'}）`);

  const steps = [];
  const logs = path.join(base, 'logs');
  fs.mkdirSync(logs);
  /** `command` is a shell command, or [what to show, a function that runs it]. */
  const step = async (name, command, expect, check = () => null) => {
    const shown = Array.isArray(command) ? command[0] : command;
    process.stdout.write(`… ${name}：${shown}\n`);
    const r = Array.isArray(command) ? await command[1]() : await run(command, dir, env);
    const problem = r.code !== expect ? `退出码 ${r.code}，应为 ${expect}` : check(r.out);
    const log = path.join(logs, `${steps.length + 1}.log`);
    fs.writeFileSync(log, `$ ${shown}\n${r.out}`);
    steps.push({ name, command: shown, code: r.code, ms: r.ms, problem, out: r.out, log });
    say(`${problem ? '✗' : '✓'} ${name}：退出码 ${r.code}，${seconds(r.ms)}${r.detail ? `（${r.detail}）` : ''}${problem ? `——${problem}` : ''}`);
    return r;
  };

  await step('安装', 'npm ci --no-audit --no-fund', 0, () => (fs.existsSync(path.join(dir, 'build', 'cli', 'main.js')) ? null : 'prepare 没有编译命令行'));
  await step('npx nianbao --help', 'npx --no-install nianbao --help', 0, (out) => (/用法：nianbao/.test(out) ? null : '没有打印用法'));
  await step('node bin/nianbao.js --help', 'node bin/nianbao.js --help', 0, (out) => (/用法：nianbao/.test(out) ? null : '没有打印用法'));
  const test = await step('README 的测试命令', commands.test, 0, (out) => (/Tests:\s+.*passed/.test(out) ? null : '没有看到 jest 的结果'));
  await step('构建', 'npm run build', 0, (out) => {
    const notes = (out.match(/已跳过架构校验/g) || []).length;
    return notes === 1 ? null : `“已跳过架构校验”出现 ${notes} 次，应为 1 次`;
  });
  await step('校验清单', 'npm run validate', 0, (out) => (/清单结构检查通过（未做架构校验）/.test(out) && /已跳过架构校验/.test(out) ? null : '没有只做结构检查'));
  await step('启动', ['npm start -- --port 0 --no-build（取 taskpane.html）', () => tryStart(dir, env)], 0, () => null);
  await step('README 的第一条命令', commands.check, 1, (out) =>
    new RegExp(`共检查 ${exampleCount(dir)} 个文件`).test(out) && fs.existsSync(path.join(dir, '审核结果.xlsx')) ? null : '没有检查样例文件夹的每个文件，或没有写出审核结果工作簿',
  );

  // What the tests skipped for want of the corpus, by name, and jest's summary.
  const skipped = [...new Set((test.out.match(/skipped "[^"]+": missing [^\n]+/g) || []).map((l) => l.trim()))];
  const summary = (test.out.match(/^(Test Suites|Tests):.*$/gm) || []).join('\n');
  say('');
  say(`没有仓库旁的语料或系统程序而跳过的测试（${skipped.length} 组）：`);
  for (const s of skipped) say(`  ${s}`);
  say(summary);
  say('');
  const failed = steps.filter((s) => s.problem);
  say(`总用时 ${seconds(Date.now() - t0)}；${failed.length ? `${failed.length} 步未通过：${failed.map((s) => s.name).join('、')}` : '全部通过'}。`);
  for (const s of failed) {
    // For jest, the names of the failed tests; otherwise the end of the output. The whole output is in the log.
    const failedTests = [...new Set((s.out.match(/^\s*● .+ › .+$/gm) || []).map((l) => l.trim()))];
    const shownOut = failedTests.length ? failedTests.join('\n') : s.out.split('\n').slice(-40).join('\n');
    say(`\n── ${s.name}（${s.command}）${failedTests.length ? '未通过的测试' : '的输出，末尾 40 行'}（全部输出：${s.log}）：\n${shownOut}`);
  }
  if (failed.length || keep) say(`临时文件夹保留在 ${base}`);
  else fs.rmSync(base, { recursive: true, force: true });
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
