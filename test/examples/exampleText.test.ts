/**
 * The example folder of the README's first command: its web-page text is written by our own code
 * (scripts/exampleText.ts, `npm run generate`) and holds exactly the problems it is meant to show; the command's
 * output is what the README says it is.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CheckResultSchema, NOT_LOCATED } from '../../src/core';
import { importPublishedText } from '../../src/core/importText';
import { cli } from '../xlsx/make';
import { EXAMPLE_TEXT, MISTYPED, SLASHED, TEXT_FIGURE, exampleReport, renderExampleText } from '../../scripts/exampleText';

const ROOT = path.resolve(__dirname, '../..');

describe('the example web-page text', () => {
  const committed = readFileSync(path.join(ROOT, EXAMPLE_TEXT), 'utf8');

  test('is what scripts/exampleText.ts writes (运行 npm run generate 重新生成)', () => {
    expect(committed).toBe(renderExampleText());
  });

  test('reads back to the example numbers, “/” where it prints “/”, the fused row named and not read', () => {
    const { report, findings } = importPublishedText(committed);
    const expected: Record<string, unknown> = { ...exampleReport().values };
    for (const key of SLASHED) expected[key] = '/';
    // The row whose cells were pasted without their TABs: where the page has cells, a fused row is not split by guess.
    for (const key of Object.keys(expected)) if (key.startsWith('t3.granted.')) expected[key] = NOT_LOCATED;
    const tables = (v: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(v).filter(([k]) => /^t[234]\./.test(k)));
    expect(tables(report.values)).toEqual(tables(expected));
    expect(report.meta).toMatchObject({ body: '沙坡头区某某局', year: 2024 });
    expect(findings.map((f) => `${f.rule}:${f.target}:${f.code ?? ''}`)).toEqual(['STRUCTURE:t3.granted:unreadable']);
    expect(findings[0].message).toContain('5100006');
  });

  test('nianbao check finds exactly the problems it is meant to show', async () => {
    const { code, out } = await cli(['check', EXAMPLE_TEXT, '--json']);
    expect(code).toBe(1);
    const [file] = CheckResultSchema.parse(JSON.parse(out)).files;
    expect(file).toMatchObject({ body: '沙坡头区某某局', year: 2024, format: '2021', status: 'findings' });
    const found = file.findings.map((f) => [f.rule, f.target, f.expected, f.actual]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['STRUCTURE', 't3.granted', null, null],
        // 不掌握 商业企业 mistyped 2 for 1: the row is 2 + 2 = 4 against its total 3. (The column sums that need the
        // unread 予以公开 row are not checked: no guessed 0.)
        ['T3-ROWSUM', MISTYPED.key.split('.')[1], 4, 3],
        ...SLASHED.map((k) => ['VALUE-EMPTY', k, null, '/']),
        ['TEXT-NUMBER', 't3.new.total', 13, 12],
      ]),
    );
    expect(found).toHaveLength(3 + SLASHED.length);
    expect(file.findings.find((f) => f.rule === 'TEXT-NUMBER')?.message).toContain(TEXT_FIGURE.to);
  });
});

describe('the README\'s first command', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  test('runs on the example folder, exits 1 (errors found), writes the summary and prints the README\'s example output', async () => {
    const command = /npm ci && npm run nianbao -- (check examples\/收到的年报 --summary 审核结果\.xlsx)/.exec(readme);
    expect(command).not.toBeNull();
    const summary = path.join(mkdtempSync(path.join(tmpdir(), 'readme-')), '审核结果.xlsx');
    const { code, out } = await cli(['check', 'examples/收到的年报', '--summary', summary]);
    expect(code).toBe(1);
    expect(existsSync(summary)).toBe(true);
    // The README shows an excerpt: each of its lines is a line of the real output, in the same order.
    const shown = (/示例输出：\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').split('\n').filter((l) => l.trim());
    expect(shown.length).toBeGreaterThan(3);
    const lines = out.split('\n');
    let at = -1;
    for (const line of shown) {
      const next = lines.indexOf(line, at + 1);
      expect([line, next > at]).toEqual([line, true]);
      at = next;
    }
    // Every file of the folder is checked, the text among them.
    expect(out).toContain(`■ ${EXAMPLE_TEXT}（沙坡头区某某局 2024年，机关名称和年度取自标题）`);
    const files = readdirSync(path.join(ROOT, 'examples/收到的年报')).filter((f) => !f.startsWith('.'));
    expect(out).toContain(`共检查 ${files.length} 个文件`);
  });
});
