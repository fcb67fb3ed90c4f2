/**
 * Tests that read the corpus beside the repo (`../shared`: published report texts, the Office manifest XSDs) run
 * where it is present. Elsewhere they skip with one line naming exactly what is missing; under CI (CI=true) a missing
 * corpus fails, because CI has it. Mirrors describeWithPrograms in ./system.ts.
 *
 * Nothing from the corpus is copied into the repo: the published sentences are other people's text and the XSDs are
 * Microsoft's files. Numbers read from those reports are facts and live in test/fixtures/ (kept equal to the corpus's
 * own expected.json by test/corpus/facts.test.ts).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describeGated, testGated } from './gate';

/** The corpus directory: NIANBAO_CORPUS, else `shared/` beside the checkout. */
export const SHARED = process.env.NIANBAO_CORPUS ? path.resolve(process.env.NIANBAO_CORPUS) : path.resolve(__dirname, '../../../shared');

/** Absolute path of a corpus file or folder, from its path inside the corpus ("fixtures/reports/001/source.txt"). */
export function corpusPath(relative: string): string {
  return path.isAbsolute(relative) ? relative : path.join(SHARED, relative);
}

/** The corpus entries (paths inside the corpus, or absolute paths such as a schema folder) that are not there. */
export function missingCorpus(relatives: readonly string[]): string[] {
  return relatives.filter((r) => !existsSync(corpusPath(r)));
}

export function hasCorpus(relatives: readonly string[]): boolean {
  return missingCorpus(relatives).length === 0;
}

const shown = (p: string): string => path.relative(process.cwd(), p) || p;

function skipMessage(title: string, missing: string[]): string {
  const inside = missing.filter((m) => !path.isAbsolute(m));
  const outside = missing.filter((m) => path.isAbsolute(m)).map(shown);
  const what = existsSync(SHARED) ? inside.map((m) => shown(corpusPath(m))) : inside.length ? [`${shown(SHARED)} (${inside.join(', ')})`] : [];
  return `skipped "${title}": missing corpus ${[...what, ...outside].join(', ')} (published reports and schemas kept beside the repo; NIANBAO_CORPUS names another folder)`;
}

/**
 * `describe` when every corpus entry is present; otherwise a describe whose one test explains the skip (or fails
 * under CI). `relatives` are paths inside the corpus, e.g. ["seeds", "fixtures/reports/003/source.txt"].
 */
export function describeWithCorpus(title: string, relatives: readonly string[], body: () => void): void {
  const missing = missingCorpus(relatives);
  describeGated(title, missing.length ? skipMessage(title, missing) : null, body);
}

/** One test that needs the corpus, inside a describe that does not: same rules as describeWithCorpus. */
export function testWithCorpus(title: string, relatives: readonly string[], fn: () => unknown, timeout?: number): void {
  const missing = missingCorpus(relatives);
  testGated(title, missing.length ? skipMessage(title, missing) : null, fn, timeout);
}
