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

/** Prose sentences of texts: at least 25 Chinese characters, none of their wording from the given templates. */
function proseSentences(texts: string[], templates: string): string[] {
  const flatTemplates = squeeze(templates);
  const fromTemplates = (s: string): boolean => {
    for (let i = 0; i + 20 <= s.length; i += 1) if (flatTemplates.includes(s.slice(i, i + 20))) return true;
    return false;
  };
  const out = new Set<string>();
  for (const text of texts) for (const s of squeeze(text).split('。')) if (cjk(s) >= 25 && !fromTemplates(s)) out.add(s);
  return [...out];
}

const TEMPLATES = readFileSync(path.join(ROOT, 'src/spec/narrative.ts'), 'utf8');
const publishedSentences = (): string[] => proseSentences(corpusTexts().map((f) => readFileSync(f, 'utf8')), TEMPLATES);

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

describe('the copy detector', () => {
  // Our own sentences stand in for a published report's.
  const own = [
    '本机关坚持把政务公开作为转变作风、提升服务的重要抓手，按照年度工作要点逐项分解任务、明确时限和责任人。',
    '针对群众反映较多的办事指南更新不及时问题，组织各科室逐项核对事项要素，全年修订办事指南四十余项。',
  ].join('');

  test('finds a sentence pasted into a file however it is wrapped, and only then', () => {
    const sentences = proseSentences([own], TEMPLATES);
    expect(sentences).toHaveLength(2);
    const pasted = `前言\n${own.slice(0, 30)}\n  ${own.slice(30)}\n`;
    expect(copiedIn(pasted, sentences)).toHaveLength(2);
    expect(copiedIn(own.replace('逐项分解', '分解'), sentences)).toHaveLength(1);
  });

  test('leaves alone sentences worded by our templates (the format\'s prescribed phrases) and short ones', () => {
    const opening = '根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现发布本报告。';
    expect(proseSentences([opening, '本年度未收取信息处理费。'], TEMPLATES)).toEqual([]);
  });
});
