/** The folder boundaries of STYLE.md are mechanical: the linter refuses host code in spec/ and core/. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Lint source text as if it stood at `file` (the CLI, since the flat config is an ES module jest cannot load). */
async function lint(file: string, code: string): Promise<string[]> {
  const bin = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
  const res = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('folder boundaries', () => {
  test.each([
    ["import ExcelJS from 'exceljs';\nexport default ExcelJS;\n", 'no-restricted-imports'],
    ["import * as fs from 'node:fs';\nexport default fs;\n", 'no-restricted-imports'],
    ["import { x } from '../excel/host';\nexport default x;\n", 'no-restricted-imports'],
    ['export const w = window;\n', 'no-restricted-globals'],
    ["export const r = fetch('http://example.invalid');\n", 'no-restricted-globals'],
  ])('core refuses %p', async (code, rule) => {
    expect(await lint('src/core/boundaryProbe.ts', code)).toContain(rule);
  });

  test.each([
    ["import * as zlib from 'node:zlib';\nexport default zlib;\n", 'no-restricted-imports'],
    ["import ExcelJS from 'exceljs';\nexport default ExcelJS;\n", 'no-restricted-imports'],
    ['export const b = Buffer.alloc(1);\n', 'no-restricted-globals'],
    ['export const d = document;\n', 'no-restricted-globals'],
  ])('the workbook reader stays host-free (Node and browsers): %p', async (code, rule) => {
    expect(await lint('src/workbook/boundaryProbe.ts', code)).toContain(rule);
  });

  test.each(["import { x } from '../excel/host';", "import { x } from '../excel';", "import { x } from '../../excel';"])('the task pane may not reach Excel directly: %p', async (line) => {
    expect(await lint('src/taskpane/components/boundaryProbe.tsx', `${line}\nexport default x;\n`)).toContain('no-restricted-imports');
  });

  test('eval and new Function are refused everywhere', async () => {
    expect(await lint('src/cli/boundaryProbe.ts', "export const f = new Function('return 1');\n")).toContain('no-new-func');
    expect(await lint('src/cli/boundaryProbe.ts', "export const v = eval('1');\n")).toContain('no-eval');
  });

  test('plain core code passes', async () => {
    expect(await lint('src/core/boundaryProbe.ts', 'export const n = 1;\n')).toEqual([]);
  });
});
