/**
 * The task pane's download: the production bundle (JS + CSS in dist/, office.js excluded) compressed with gzip -9,
 * beside a baseline from the same build — the Office runtime every Excel-on-the-web user downloads anyway (office.js
 * plus excel-web-16.00.js). Budget: 250 KB gzip for the pane, so a first open over a 1 Mbit/s county intranet link
 * costs about two seconds on top of Office's own runtime. Builds into build/bench-pane so dist/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 250 * 1024;
const REPO = resolve(__dirname, '..', '..', '..');
const OUT = join(REPO, 'build', 'bench-pane');

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

function size(file: string): Sized {
  const data = readFileSync(file);
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const cli = join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const build = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', OUT], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, OFFICE_JS: '', MANIFEST_BUILD: '0' },
  });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);

  const pane = readdirSync(OUT)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()
    .map((f) => size(join(OUT, f)));
  const officeDir = join(OUT, 'office', readdirSync(join(OUT, 'office'))[0]);
  const runtime = ['office.js', 'excel-web-16.00.js'].map((f) => size(join(officeDir, f)));

  const total = (xs: Sized[]): { raw: number; gzip: number } =>
    xs.reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip }), { raw: 0, gzip: 0 });
  const paneTotal = total(pane);
  const runtimeTotal = total(runtime);

  const rows: Array<[string, string, string]> = [['file', 'raw', 'gzip -9']];
  for (const x of pane) rows.push([x.file.slice(OUT.length + 1), kb(x.raw), kb(x.gzip)]);
  rows.push(['pane total (JS + CSS)', kb(paneTotal.raw), kb(paneTotal.gzip)]);
  rows.push(['baseline: office.js + excel-web-16.00.js', kb(runtimeTotal.raw), kb(runtimeTotal.gzip)]);
  const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}\n`);
  const ratio = paneTotal.gzip / BUDGET_GZIP_BYTES;
  process.stdout.write(
    `pane gzip / budget ${kb(BUDGET_GZIP_BYTES)}: ${ratio.toFixed(2)} (${ratio <= 1 ? 'within budget' : 'OVER BUDGET'})\n` +
      `pane gzip / Office runtime gzip: ${(paneTotal.gzip / runtimeTotal.gzip).toFixed(2)}\n`,
  );
  if (ratio > 1) process.exitCode = 1;
}
