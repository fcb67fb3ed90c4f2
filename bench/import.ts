/**
 * Import throughput: published report texts (the seeds and fixtures beside the repo, or where they are absent the
 * texts our code renders in the published layouts) imported per second, beside a baseline in the
 * same run — normalising the text and splitting it into lines, the least any reader must do — so the ratio says what
 * finding the tables, reading the rows and the narrative cost.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importPublishedText } from '../src/core/importText';
import { renderedCases } from '../test/helpers/publishedText';

/** The corpus: NIANBAO_CORPUS (as in the tests), else shared/ beside the repo. */
function sharedDir(): string | null {
  const named = process.env.NIANBAO_CORPUS;
  const candidates = named ? [path.resolve(named)] : [path.resolve(process.cwd(), '../shared'), path.resolve(__dirname, '../../../../shared'), path.resolve(__dirname, '../../shared')];
  return candidates.find((d) => existsSync(path.join(d, 'seeds'))) ?? null;
}

/** The published texts beside the repo; where they are absent, the texts our code renders in the published layouts. */
function texts(): { items: string[]; what: string } {
  const shared = sharedDir();
  if (!shared) return { items: renderedCases().map((c) => c.text), what: 'texts rendered by our code in the published layouts (no ../shared beside the repo)' };
  const seeds = readdirSync(path.join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(shared, 'seeds', f));
  const fixtures = path.join(shared, 'fixtures', 'reports');
  const sources = readdirSync(fixtures).map((d) => path.join(fixtures, d, 'source.txt')).filter((f) => existsSync(f));
  return { items: [...seeds, ...sources].map((f) => readFileSync(f, 'utf8')), what: 'published texts' };
}

function rate(items: readonly string[], fn: (t: string) => unknown, minMs = 1500): number {
  for (const t of items) fn(t);
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const t of items) fn(t);
    done += items.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (done / elapsed) * 1000;
}

export async function run(): Promise<void> {
  const { items, what } = texts();
  const kb = items.reduce((n, t) => n + t.length, 0) / items.length / 1024;
  let sink = 0;
  const baseline = rate(items, (t) => {
    sink += t.normalize('NFKC').split('\n').map((l) => l.trim()).length;
  });
  const full = rate(items, (t) => {
    sink += Object.keys(importPublishedText(t).report.values).length;
  });
  const line = (label: string, perSecond: number): string => `  ${label.padEnd(34)}${Math.round(perSecond).toLocaleString('en-US').padStart(10)} /s`;
  process.stdout.write(
    [
      `  ${items.length} ${what}, ${kb.toFixed(1)}k characters each on average`,
      line('baseline: NFKC + split lines', baseline),
      line('import (tables, meta, narrative)', full),
      `  ratio import / baseline: ${(full / baseline).toFixed(3)} (import costs ${(baseline / full).toFixed(1)}× the baseline)`,
      `  (checksum ${sink % 997})`,
      '',
    ].join('\n'),
  );
}
