/**
 * `npm start` (scripts/start.js): certificates made offline, the pane served over HTTPS that verifies against the
 * generated CA, HTTP with a clear warning when asked or when no certificate can be made, and loading steps in Chinese
 * for each platform.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadingSteps, parseOptions, sideloadMac } from '../../scripts/start';

const START = join(__dirname, '..', '..', 'scripts', 'start.js');

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dist, 'taskpane.html'), '<!doctype html><title>年报助手</title>');
  writeFileSync(join(dist, 'manifest.xml'), '<OfficeApp/>');
  return dist;
}

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [START, '--port', '0', '--no-build', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      const m = out.match(/SERVING (\S+)/);
      if (m) resolve({ child, url: m[1], out: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start.js exited ${code}:\n${out}`)));
  });
}

function fetchText(url: string, ca?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const done = (res: import('node:http').IncomingMessage): void => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    };
    const req = url.startsWith('https:') ? httpsGet(url, { ca }, done) : httpGet(url, done);
    req.on('error', reject);
  });
}

describe('npm start', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  test('HTTPS with certificates generated offline; the CA verifies the connection', async () => {
    const certs = mkdtempSync(join(tmpdir(), 'certs-'));
    const { child, url, out } = await startServer(['--dist', fakeDist(), '--certs', certs]);
    children.push(child);
    expect(url).toMatch(/^https:\/\/localhost:\d+$/);
    const res = await fetchText(`${url}/taskpane.html`, readFileSync(join(certs, 'ca.crt')));
    expect(res.status).toBe(200);
    expect(res.body).toContain('年报助手');
    expect(out()).toContain('网页版 Excel：打开工作簿，「插入 → 加载项 → 上传我的加载项」');
    // The fake dist's manifest does not point at this server: start.js says so.
    expect(out()).toContain('中的网址不是');
    expect((await fetchText(`${url}/../../etc/passwd`, readFileSync(join(certs, 'ca.crt')))).status).toBe(404);
  });

  test('--http: serves on localhost with a Chinese warning that Excel needs HTTPS', async () => {
    const { child, url, out } = await startServer(['--dist', fakeDist(), '--http']);
    children.push(child);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await fetchText(`${url}/taskpane.html`)).status).toBe(200);
    expect(out()).toContain('Office 只从 HTTPS 加载加载项');
  });

  test('options: bad ones are refused in Chinese', () => {
    expect(parseOptions(['--port', '8443', '--no-build'])).toMatchObject({ port: 8443, build: false });
    expect(() => parseOptions(['--port', 'x'])).toThrow('端口号无效');
    expect(() => parseOptions(['--watch'])).toThrow('不认识的选项：--watch');
  });

  test('loading steps per platform', () => {
    const base = { manifest: '/x/manifest.xml', baseUrl: 'https://localhost:3000', secure: true, ca: '/x/ca.crt', sideloaded: null };
    const linux = loadingSteps({ ...base, platform: 'linux' });
    expect(linux).toContain('本机没有 Excel 桌面版');
    expect(linux).toContain('受信任的加载项目录');
    expect(linux).toContain('Documents/wef');
    const win = loadingSteps({ ...base, platform: 'win32' });
    expect(win).toContain('certutil -user -addstore Root "/x/ca.crt"');
    expect(win).toContain('插入 → 我的加载项 → 共享文件夹');
    const mac = loadingSteps({ ...base, platform: 'darwin', sideloaded: '/Users/a/wef/nianbao-manifest.xml' });
    expect(mac).toContain('已把清单复制到 /Users/a/wef/nianbao-manifest.xml');
  });

  test('Mac sideload: copies into the wef folder only when Excel for Mac is there', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const manifest = join(fakeDist(), 'manifest.xml');
    expect(sideloadMac(manifest, home)).toBeNull();
    mkdirSync(join(home, 'Library', 'Containers', 'com.microsoft.Excel'), { recursive: true });
    const target = sideloadMac(manifest, home);
    expect(target).toBe(join(home, 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef', 'nianbao-manifest.xml'));
    expect(readFileSync(target as string, 'utf8')).toBe('<OfficeApp/>');
  });
});
