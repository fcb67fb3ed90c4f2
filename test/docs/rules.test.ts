/**
 * The rule catalogue (docs/rules.md, and the table in README.md) is generated from src/spec/rules.ts by
 * `npm run generate`: it must be what the spec says now, and say it in Chinese for every rule.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES, SEVERITIES, type Rule } from '../../src/spec';
import { README_BEGIN, README_END, RULES_DOC, renderReadmeRules, renderRulesDoc, withReadmeRules } from '../../scripts/rulesDoc';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const REGENERATE = '（运行 npm run generate 重新生成）';

describe('the rule catalogue', () => {
  test(`${RULES_DOC} is what src/spec/rules.ts generates ${REGENERATE}`, () => {
    expect(read(RULES_DOC)).toBe(renderRulesDoc());
  });

  test(`README.md's rule table is what src/spec/rules.ts generates ${REGENERATE}`, () => {
    const readme = read('README.md');
    expect(readme).toContain(README_BEGIN);
    expect(readme).toContain(README_END);
    expect(withReadmeRules(readme)).toBe(readme);
    expect(readme).toContain('[docs/rules.md](docs/rules.md)');
  });

  test('every rule: its id, its severity in Chinese, its title and a Chinese description', () => {
    const doc = renderRulesDoc();
    for (const rule of RULES) {
      const severity = SEVERITIES.find((s) => s.key === rule.severity)?.label ?? '';
      expect(rule.description).toMatch(/^[\u4e00-\u9fff][^]{10,}。$/);
      expect(doc).toContain(`## ${rule.id}\n\n**${rule.title}**（${severity}）\n\n${rule.description}`);
      expect(renderReadmeRules()).toContain(`| [${rule.id}](docs/rules.md#${rule.id.toLowerCase()}) | ${severity} | ${rule.description} |`);
    }
  });

  test('the figures a rule holds as data are printed from it, so a changed rule changes the document', () => {
    const changed = RULES.map((r): Rule => (r.kind === 'jump' ? { ...r, factor: r.factor + 3, floor: r.floor * 2 } : r));
    const jump = RULES.find((r) => r.kind === 'jump');
    if (!jump || jump.kind !== 'jump') throw new Error('no jump rule');
    expect(renderRulesDoc()).toContain(`超过 ${jump.factor} 倍（较大的一个不少于 ${jump.floor} 件）`);
    jest.isolateModules(() => {
      jest.doMock('../../src/spec', () => ({ ...jest.requireActual('../../src/spec'), RULES: changed }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../scripts/rulesDoc') as typeof import('../../scripts/rulesDoc');
      expect(fresh.renderRulesDoc()).toContain(`超过 ${jump.factor + 3} 倍（较大的一个不少于 ${jump.floor * 2} 件）`);
      expect(fresh.renderRulesDoc()).not.toBe(read(RULES_DOC));
    });
  });

  test('user documentation does not send readers outside the repo', () => {
    for (const file of ['README.md', RULES_DOC, 'docs/deployment.md']) {
      const text = read(file);
      // Paragraphs and list items may name ../shared and FORMAT.md only to say they are beside the repo, not in it.
      const outside = text.split(/\n(?=- |\n)/).filter((part) => /\.\.\/shared|FORMAT\.md/.test(part));
      expect(outside.filter((part) => !/仓库旁|旁边没有/.test(part))).toEqual([]);
    }
  });
});
