/**
 * Published report sentences are other people's text and stay outside the repo: no sentence of the corpus's prose
 * appears in any file of the repo. Sentences that share wording with our narrative templates (the format's own
 * prescribed phrases, src/spec/narrative.ts) are not counted; table labels are too short to count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { corpusPath, describeWithCorpus } from '../helpers/corpus';

const ROOT = path.resolve(__dirname, '../..');
const squeeze = (s: string): string => s.replace(/\s+/g, '');
const cjk = (s: string): number => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

function corpusTexts(): string[] {
  const seeds = readdirSync(corpusPath('seeds')).filter((f) => f.endsWith('.txt')).map((f) => corpusPath(`seeds/${f}`));
  const fixtures = readdirSync(corpusPath('fixtures/reports')).map((n) => corpusPath(`fixtures/reports/${n}/source.txt`)).filter((f) => existsSync(f));
  return [...seeds, ...fixtures];
}

/** Prose sentences of the published texts: at least 25 Chinese characters, none of their wording from our templates. */
function publishedSentences(): string[] {
  const templates = squeeze(readFileSync(path.join(ROOT, 'src/spec/narrative.ts'), 'utf8'));
  const fromTemplates = (s: string): boolean => {
    for (let i = 0; i + 20 <= s.length; i += 1) if (templates.includes(s.slice(i, i + 20))) return true;
    return false;
  };
  const out = new Set<string>();
  for (const file of corpusTexts()) {
    for (const s of squeeze(readFileSync(file, 'utf8')).split('。')) if (cjk(s) >= 25 && !fromTemplates(s)) out.add(s);
  }
  return [...out];
}

/** The published sentences found in a text (whitespace and line breaks ignored). */
function copiedIn(text: string, sentences: string[]): string[] {
  const flat = squeeze(text);
  return sentences.filter((s) => flat.includes(s));
}

describeWithCorpus('nothing copied in from the published reports', ['seeds', 'fixtures/reports'], () => {
  test('no file of the repo holds a sentence of a published report', () => {
    const sentences = publishedSentences();
    expect(sentences.length).toBeGreaterThan(50);
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && existsSync(path.join(ROOT, f)) && !/\.(png|xlsx|docx|pdf|ico)$/i.test(f));
    expect(files.length).toBeGreaterThan(100);
    const copied = files.flatMap((file) => copiedIn(readFileSync(path.join(ROOT, file), 'utf8'), sentences).map((s) => `${file}: ${s.slice(0, 40)}…`));
    expect(copied).toEqual([]);
  });

  test('a published text pasted into a file is found, however it is wrapped', () => {
    const sentences = publishedSentences();
    for (const file of corpusTexts()) {
      const rewrapped = readFileSync(file, 'utf8').replace(/([\u4e00-\u9fff])([\u4e00-\u9fff])/g, '$1\n  $2');
      expect(copiedIn(rewrapped, sentences).length).toBeGreaterThan(3);
    }
  });
});
