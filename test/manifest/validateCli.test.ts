/**
 * `npm run validate` (scripts/validate.js): exit 0 when every check that ran passed, 1 on a broken manifest with the
 * reason, and — in a checkout with nothing beside it — the structural checks alone, saying once that the schema
 * check was skipped and how to enable it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaDir } from '../../scripts/manifest';
import { describeWithCorpus } from '../helpers/corpus';

const REPO = join(__dirname, '..', '..');
const SCRIPT = join(REPO, 'scripts', 'validate.js');
const MANIFEST = join(REPO, 'manifest.xml');

function run(script: string, args: string[], env: Record<string, string | undefined> = {}, cwd = REPO): { status: number | null; out: string; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd });
  return { status: r.status, out: r.stdout + r.stderr, stdout: r.stdout, stderr: r.stderr };
}

/** A broken copy of manifest.xml in a folder of its own (its icons are looked up in the repo with --root). */
function brokenCopy(change: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, change(readFileSync(MANIFEST, 'utf8')));
  return file;
}

/**
 * The scripts, manifest and icons in a folder with nothing beside it (node_modules linked), as in a fresh clone:
 * the default schema folder ../shared/schemas/office-manifest does not exist there.
 */
function lonelyCheckout(): string {
  const base = mkdtempSync(join(tmpdir(), 'lonely-'));
  const repo = join(base, 'repo');
  mkdirSync(join(repo, 'scripts'), { recursive: true });
  mkdirSync(join(repo, 'assets'));
  for (const f of ['validate.js', 'manifest.js', 'manifestStructure.js']) copyFileSync(join(REPO, 'scripts', f), join(repo, 'scripts', f));
  for (const size of [16, 32, 64, 80]) copyFileSync(join(REPO, 'assets', `icon-${size}.png`), join(repo, 'assets', `icon-${size}.png`));
  copyFileSync(MANIFEST, join(repo, 'manifest.xml'));
  symlinkSync(join(REPO, 'node_modules'), join(repo, 'node_modules'));
  return repo;
}

describe('without the schemas beside the repo', () => {
  const repo = lonelyCheckout();
  const script = join(repo, 'scripts', 'validate.js');
  const env = { NIANBAO_MANIFEST_SCHEMAS: undefined };

  test('the structural checks pass: exit 0, the skip said once with how to enable the schema check', () => {
    const r = run(script, [], env, repo);
    expect(r.stdout).toContain('✓ manifest.xml：清单结构检查通过（未做架构校验）');
    expect(r.stdout.match(/已跳过架构校验/g)).toHaveLength(1);
    expect(r.stdout).toContain('NIANBAO_MANIFEST_SCHEMAS');
    expect(r.status).toBe(0);
  });

  test('a broken manifest: exit 1 and the structural reason', () => {
    const bad = brokenCopy((xml) => xml.replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.3"/>'));
    const r = run(script, ['--root', repo, bad], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('清单结构检查未通过');
    expect(r.stderr).toContain('ExcelApi 的最低版本应为 1.8');
  });

  test('icons are looked up beside the manifest unless --root says where', () => {
    const copy = brokenCopy((xml) => xml);
    const r = run(script, [copy], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('图标文件不存在：assets/icon-32.png');
    expect(run(script, ['--root', repo, copy], env).status).toBe(0);
  });
});

test('NIANBAO_MANIFEST_SCHEMAS naming a folder without the schemas: exit 2 with a Chinese message naming the path', () => {
  const r = run(SCRIPT, [MANIFEST], { NIANBAO_MANIFEST_SCHEMAS: '/nonexistent/schemas' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('找不到加载项清单的 XSD 架构：/nonexistent/schemas');
});

test('bad usage: exit 2', () => {
  expect(run(SCRIPT, ['--bogus']).status).toBe(2);
  expect(run(SCRIPT, ['--root']).status).toBe(2);
});

describeWithCorpus('with the schemas', [join(schemaDir(), 'OfficeAppManifestV1_1.xsd')], () => {
  test('valid manifest: exit 0, both layers', () => {
    const r = run(SCRIPT, [MANIFEST]);
    expect(r.out).toContain('清单符合 Office 加载项架构，结构检查通过');
    expect(r.out).not.toContain('已跳过架构校验');
    expect(r.status).toBe(0);
  });

  test('invalid manifest: exit 1 and the schema error', () => {
    const bad = brokenCopy((xml) => xml.replace('<ProviderName>', '<Provider>').replace('</ProviderName>', '</Provider>'));
    const r = run(SCRIPT, ['--root', REPO, bad]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('清单不符合 Office 加载项架构');
    expect(r.out).toMatch(/Provider/);
  });
});
