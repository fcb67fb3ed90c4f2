/**
 * `npm run generate`: write what the repo generates from its own code — the rule catalogue (docs/rules.md and the
 * table in README.md, from src/spec/rules.ts) and the example web-page text of examples/收到的年报/. Tests fail when
 * a committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_TEXT, renderExampleText } from './exampleText';
import { RULES_DOC, renderRulesDoc, withReadmeRules } from './rulesDoc';

const REPO = path.resolve(__dirname, '..', '..', '..');

function write(relative: string, content: string): void {
  const file = path.join(REPO, relative);
  let before: string | null = null;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    before = null;
  }
  if (before === content) {
    process.stdout.write(`  ${relative}（未变）\n`);
    return;
  }
  writeFileSync(file, content, 'utf8');
  process.stdout.write(`✓ ${relative}${before === null ? '（新建）' : '（已更新）'}\n`);
}

write(RULES_DOC, renderRulesDoc());
write('README.md', withReadmeRules(readFileSync(path.join(REPO, 'README.md'), 'utf8')));
write(EXAMPLE_TEXT, renderExampleText());
