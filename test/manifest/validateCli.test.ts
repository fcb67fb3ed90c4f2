/** `npm run validate` (scripts/validate.js): exit 0 on a valid manifest, 1 on an invalid one, with the reason. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'validate.js');
const MANIFEST = join(__dirname, '..', '..', 'manifest.xml');

function run(...files: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('valid manifest: exit 0', () => {
  const r = run(MANIFEST);
  expect(r.out).toContain('清单符合 Office 加载项架构');
  expect(r.status).toBe(0);
});

test('invalid manifest: exit 1 and the schema error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const bad = join(dir, 'manifest.xml');
  writeFileSync(bad, readFileSync(MANIFEST, 'utf8').replace('<ProviderName>', '<Provider>').replace('</ProviderName>', '</Provider>'));
  const r = run(bad);
  expect(r.status).toBe(1);
  expect(r.out).toContain('清单不符合 Office 加载项架构');
  expect(r.out).toMatch(/Provider/);
});

test('missing schemas: exit 2 with a Chinese message naming the path', () => {
  const r = spawnSync(process.execPath, [SCRIPT, MANIFEST], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_MANIFEST_SCHEMAS: '/nonexistent/schemas' },
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('找不到加载项清单的 XSD 架构：/nonexistent/schemas');
});
