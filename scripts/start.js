#!/usr/bin/env node
'use strict';
/**
 * `npm start`: build the add-in and serve it on this machine, no network needed.
 *   1. HTTPS certificates in .certs/ (scripts/certs.js); if none can be made, plain HTTP on localhost with a warning.
 *   2. A production build whose manifest points at this server (dist/manifest.xml).
 *   3. The static server on https://localhost:3000.
 *   4. Sideloading where a file copy does it (Excel for Mac's wef folder); everywhere else, exact steps in Chinese.
 * Options: --port N (default 3000; 0 = any free port), --no-build (serve the existing dist/), --dist DIR,
 * --certs DIR, --http (skip certificates).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureCertificates } = require('./certs');
const { findSchemas, schemaSkippedMessage } = require('./manifest');
const { createStaticServer, listen } = require('./staticServer');

const REPO = path.resolve(__dirname, '..');

function parseOptions(argv) {
  const o = { port: 3000, build: true, dist: path.join(REPO, 'dist'), certs: path.join(REPO, '.certs'), http: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`选项 ${a} 缺少取值`);
      return v;
    };
    if (a === '--port') {
      o.port = Number(value());
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`端口号无效：${argv[i]}`);
    } else if (a === '--no-build') o.build = false;
    else if (a === '--dist') o.dist = path.resolve(value());
    else if (a === '--certs') o.certs = path.resolve(value());
    else if (a === '--http') o.http = true;
    else throw new Error(`不认识的选项：${a}（可用：--port N、--no-build、--dist 目录、--certs 目录、--http）`);
  }
  return o;
}

function build(dist, baseUrl) {
  process.stdout.write(`正在构建加载项（网址 ${baseUrl}）…\n`);
  // webpack's own report goes to stdout, shown only when the build fails; the schema note is said here, once.
  const schemas = findSchemas();
  if (!schemas.found && !schemas.explicit) process.stdout.write(`${schemaSkippedMessage(schemas.dir)}\n`);
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', dist], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, ADDIN_BASE_URL: baseUrl },
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout || '');
    throw new Error('构建失败，请查看上面的错误信息。');
  }
}

/** Where Excel for Mac looks for sideloaded manifests. */
function macWefFolder(home = os.homedir()) {
  return path.join(home, 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
}

/** Copy the manifest where Excel for Mac picks it up; null when Excel for Mac is not installed for this user. */
function sideloadMac(manifest, home = os.homedir()) {
  const container = path.join(home, 'Library', 'Containers', 'com.microsoft.Excel');
  if (!fs.existsSync(container)) return null;
  const wef = macWefFolder(home);
  fs.mkdirSync(wef, { recursive: true });
  const target = path.join(wef, 'nianbao-manifest.xml');
  fs.copyFileSync(manifest, target);
  return target;
}

/** The Chinese instructions for loading the manifest on each platform. */
function loadingSteps({ platform, manifest, baseUrl, secure, ca, sideloaded }) {
  const lines = [];
  lines.push('', `加载项已在 ${baseUrl}/taskpane.html 提供服务。`, `加载项清单：${manifest}`, '');
  if (!secure) {
    lines.push(
      '⚠ 警告：未能生成 HTTPS 证书，现以 HTTP 提供服务。Office 只从 HTTPS 加载加载项，',
      '  因此 Excel 无法加载本服务器上的年报助手；此模式只适合在浏览器中查看窗格。',
      '  请安装 openssl 后重新运行 npm start。',
      '',
    );
  } else if (ca) {
    lines.push(`证书由本机生成的开发用根证书签发：${ca}`);
    lines.push('Excel 所在的电脑需要信任这张根证书，否则窗格会显示证书错误：');
    if (platform === 'win32') lines.push(`  Windows：在命令提示符中运行 certutil -user -addstore Root "${ca}"，在弹出的对话框中点「是」。`);
    else if (platform === 'darwin') lines.push(`  macOS：在终端运行 sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${ca}"`);
    else lines.push('  Linux 上没有 Excel 桌面版：请把这张根证书导入要使用的电脑或浏览器（Chrome：设置 → 隐私和安全 → 管理证书 → 授权机构 → 导入）。');
    lines.push('');
  } else {
    lines.push('证书为自签名证书（openssl 生成）。Excel 所在的电脑需要信任它，否则窗格会显示证书错误。', '');
  }
  lines.push('在 Excel 中加载年报助手：');
  if (platform === 'darwin') {
    if (sideloaded) lines.push(`  Mac 版 Excel：已把清单复制到 ${sideloaded}。请重启 Excel，在「插入 → 我的加载项」中选择「年报助手」。`);
    else lines.push(`  Mac 版 Excel：把清单复制到 ${macWefFolder()}（没有 wef 文件夹就新建一个），重启 Excel，在「插入 → 我的加载项」中选择「年报助手」。`);
  }
  if (platform === 'win32') {
    lines.push(
      '  Windows 版 Excel（共享文件夹目录）：',
      `    1. 新建一个文件夹并共享（右键 → 属性 → 共享），把 ${manifest} 复制进去；`,
      '    2. Excel：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，',
      '       在「目录 URL」中填写共享路径（如 \\\\本机名\\共享名），点「添加目录」，勾选「显示在菜单中」，确定后重启 Excel；',
      '    3. 插入 → 我的加载项 → 共享文件夹 → 年报助手 → 添加。',
    );
  }
  if (platform !== 'win32' && platform !== 'darwin') {
    lines.push('  本机没有 Excel 桌面版，无法自动加载。可以：');
    lines.push(
      '  · Windows 版 Excel：把清单放到共享文件夹，在「文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录」',
      '    中添加该共享路径并勾选「显示在菜单中」，重启 Excel 后在「插入 → 我的加载项 → 共享文件夹」中添加年报助手；',
      `  · Mac 版 Excel：把清单复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef，重启 Excel；`,
    );
  }
  lines.push(
    '  · 网页版 Excel：打开工作簿，「插入 → 加载项 → 上传我的加载项」（或「开始 → 加载项 → 更多加载项 → 上传我的加载项」），选择清单文件。',
    '',
    '加载后，在「开始」选项卡点击「年报助手」按钮打开窗格。',
    '清单中的网址是 localhost：Excel 须与本服务器在同一台电脑上。给其他电脑使用请按 docs/deployment.md 部署。',
    '按 Ctrl+C 停止服务。',
  );
  return lines.join('\n');
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  let tls = null;
  let ca = null;
  if (!o.http) {
    const certs = await ensureCertificates(o.certs);
    if (certs.failed) {
      process.stderr.write(`⚠ 无法生成 HTTPS 证书，改用 HTTP（仅限本机）：\n  ${certs.reasons.join('\n  ')}\n`);
    } else {
      tls = { key: certs.key, cert: certs.cert };
      ca = certs.ca;
    }
  }
  const scheme = tls ? 'https' : 'http';
  const server = createStaticServer({ root: o.dist, tls });
  // Bind first: with --port 0 the port is only known now, and the manifest must carry it.
  let port;
  try {
    port = await listen(server, o.port, 'localhost');
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') throw new Error(`端口 ${o.port} 已被占用。请关闭占用它的程序，或用 npm start -- --port 其他端口。`);
    throw e;
  }
  const baseUrl = `${scheme}://localhost:${port}`;
  if (o.build) build(o.dist, baseUrl);
  const manifest = path.join(o.dist, 'manifest.xml');
  if (!fs.existsSync(manifest)) throw new Error(`找不到 ${manifest}：请先运行 npm run build，或去掉 --no-build。`);
  if (!fs.readFileSync(manifest, 'utf8').includes(`${baseUrl}/taskpane.html`)) {
    process.stderr.write(`⚠ ${manifest} 中的网址不是 ${baseUrl}：Excel 会去别处加载窗格。请去掉 --no-build 重新构建。\n`);
  }
  const sideloaded = process.platform === 'darwin' && tls ? sideloadMac(manifest) : null;
  process.stdout.write(`${loadingSteps({ platform: process.platform, manifest, baseUrl, secure: Boolean(tls), ca, sideloaded })}\n`);
  process.stdout.write(`SERVING ${baseUrl}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

module.exports = { parseOptions, loadingSteps, sideloadMac, macWefFolder };
