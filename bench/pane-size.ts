/**
 * The task pane's download, compressed with gzip -9, split the way a user meets it:
 *
 * - **the clerk's path**: what the pane loads when it opens (the scripts and styles taskpane.html names, office.js
 *   excluded) plus every chunk the build may load later that is not one of the tabs listed in LATER below. Template,
 *   check and draft must all live here. Budget: 169 KB, the size of Microsoft's hello-world React task pane (issue 13).
 * - **loaded later**: the 导入 and 审核 tabs' chunks, fetched when the tab is first opened, and the batch's Web Worker.
 * - **baseline**: the Office runtime every Excel-on-the-web user downloads anyway (office.js + excel-web-16.00.js).
 *
 * A chunk group the bench does not know counts against the clerk, so a new lazy chunk cannot slip past the budget.
 * Builds into build/bench-pane so dist/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLERK_BUDGET_GZIP_BYTES = 169 * 1024;
/** Chunk groups (webpackChunkName) that only the 导入 and 审核 tabs load. */
const LATER: Record<string, string> = {
  import: '「导入已发布报告」标签',
  'import-text': '导入：读取粘贴的文本',
  audit: '「审核」标签',
  'audit-excel': '审核：写入工作表和图表',
};
const REPO = resolve(__dirname, '..', '..', '..');
const OUT = join(REPO, 'build', 'bench-pane');

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

interface Stats {
  namedChunkGroups: Record<string, { assets: Array<{ name: string } | string> }>;
}

const sizes = new Map<string, Sized>();
function size(file: string): Sized {
  let s = sizes.get(file);
  if (!s) {
    const data = readFileSync(join(OUT, file));
    s = { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    sizes.set(file, s);
  }
  return s;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const total = (xs: Sized[]): { raw: number; gzip: number } => xs.reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip }), { raw: 0, gzip: 0 });
const code = (f: string): boolean => /\.(js|css)$/.test(f);

export async function run(): Promise<void> {
  const cli = join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const statsFile = join(REPO, 'build', 'bench-pane-stats.json');
  const build = spawnSync(process.execPath, [cli, '--mode', 'production', '--config-name', 'taskpane', '--output-path', OUT, '--json', statsFile], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, OFFICE_JS: '', MANIFEST_BUILD: '0' },
  });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  const raw = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats & { children?: Stats[] };
  const stats = raw.children?.[0] ?? raw;
  const groupFiles = (name: string): string[] => stats.namedChunkGroups[name].assets.map((a) => (typeof a === 'string' ? a : a.name)).filter(code);

  // What opens with the pane: the page's own script and style tags (office.js is Office's, not ours).
  const html = readFileSync(join(OUT, 'taskpane.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)=["']?([^"' >]+)/g)].map((m) => m[1]).filter((f) => code(f) && !f.startsWith('office/'));
  const clerk = new Set(tags);
  const later = new Map<string, Set<string>>();
  for (const name of Object.keys(stats.namedChunkGroups)) {
    if (LATER[name]) later.set(name, new Set(groupFiles(name).filter((f) => !clerk.has(f))));
    else for (const f of groupFiles(name)) clerk.add(f);
  }
  // Files no chunk group names: the batch's Web Worker (and whatever it splits off), loaded by the 审核 tab.
  const grouped = new Set([...clerk, ...[...later.values()].flatMap((s) => [...s])]);
  const worker = readdirSync(OUT).filter((f) => code(f) && !grouped.has(f));

  const rows: Array<[string, string, string]> = [['file', 'raw', 'gzip -9']];
  const section = (title: string, files: string[]): { raw: number; gzip: number } => {
    const sized = files.sort().map(size);
    for (const x of sized) rows.push([`  ${x.file}`, kb(x.raw), kb(x.gzip)]);
    const t = total(sized);
    rows.push([title, kb(t.raw), kb(t.gzip)]);
    return t;
  };
  const clerkTotal = section("clerk's path: pane opens, template, check, draft", [...clerk]);
  for (const [name, files] of later) section(`loaded later: ${name} (${LATER[name]})`, [...files]);
  section('loaded later: batch Web Worker (审核)', worker);

  const officeVersion = readdirSync(join(OUT, 'office'))[0];
  const runtime = ['office.js', 'excel-web-16.00.js'].map((f) => size(join('office', officeVersion, f)));
  const runtimeTotal = total(runtime);
  rows.push(['baseline: office.js + excel-web-16.00.js', kb(runtimeTotal.raw), kb(runtimeTotal.gzip)]);

  const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}\n`);
  const ratio = clerkTotal.gzip / CLERK_BUDGET_GZIP_BYTES;
  // A chunk shared by two tabs is downloaded once.
  const all = total([...sizes.values()].filter((x) => !x.file.startsWith('office'))).gzip;
  process.stdout.write(
    `clerk's path gzip / budget ${kb(CLERK_BUDGET_GZIP_BYTES)} (Microsoft's hello-world React task pane): ${ratio.toFixed(3)} (${ratio <= 1 ? 'within budget' : 'OVER BUDGET'})\n` +
      `clerk's path gzip / Office runtime gzip: ${(clerkTotal.gzip / runtimeTotal.gzip).toFixed(2)}\n` +
      `everything the pane may load (all tabs and the worker): ${kb(all)} gzip\n`,
  );
  if (ratio > 1) process.exitCode = 1;
}
