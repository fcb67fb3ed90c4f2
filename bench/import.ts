/**
 * Text import, measured side by side in one run:
 * - throughput on the published texts (the seeds and fixtures beside the repo, or where they are absent the texts our
 *   code renders in the published layouts), beside a baseline — normalising the text and
 *   splitting it into lines, the least any reader must do — so the ratio says what finding the tables, reading the
 *   rows and the narrative cost;
 * - the layout corpus (test/import/layouts): per layout, cells read, read or named unreadable, flagged, and silently
 *   wrong or missing, over many seeds; the PDF layouts where LibreOffice and pdftotext are installed;
 * - size: 1 MB and 10 MB files (a copied page and a saved web page, repeated) read end to end, and their ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { importDocument, importPublishedText, MAX_IMPORT_CHARS } from '../src/core/importText';
import { sourceDocument } from '../src/read';
import { importTextFile } from '../src/cli/readers/textReader';
import { layoutCase } from '../test/import/layouts/data';
import { LAYOUTS } from '../test/import/layouts';
import { pdfTexts, PDF_PROGRAMS } from '../test/import/layouts/pdf';
import { emptyScore, scoreImport, scoreLine } from '../test/import/layouts/score';
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

const SEEDS = 60;
const PDF_SEEDS = 6;

function hasPrograms(): boolean {
  return PDF_PROGRAMS.every((p) => {
    try {
      execFileSync('sh', ['-c', `command -v ${p}`], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  });
}

async function layoutScores(out: string[]): Promise<void> {
  out.push(`  layout corpus: ${SEEDS} seeds per layout (PDF: ${PDF_SEEDS}), 200 table cells per report`);
  for (const layout of LAYOUTS) {
    const score = emptyScore();
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const c = layoutCase(seed);
      const file = layout.render(c);
      scoreImport(c.expected, importDocument(sourceDocument(file.content, file.ext)), `${layout.name}#${seed}`, score, c.report.meta);
    }
    out.push(`  ${scoreLine(layout.name, score)}`);
  }
  if (!hasPrograms()) {
    out.push(`  pdf-layout, pdf-plain: skipped (missing ${PDF_PROGRAMS.join(' or ')}; apt-get install -y libreoffice-writer poppler-utils)`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-pdf-'));
  try {
    const cases = Array.from({ length: PDF_SEEDS }, (_, i) => layoutCase(i + 1));
    const pdf = await pdfTexts(cases, dir);
    for (const kind of ['layout', 'plain'] as const) {
      const score = emptyScore();
      pdf.forEach((t, i) => scoreImport(cases[i].expected, importPublishedText(t[kind]), `pdf-${kind}#${t.seed}`, score, cases[i].report.meta));
      out.push(`  ${scoreLine(`pdf-${kind}`, score)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A file of about `bytes` bytes: the text repeated. */
function repeated(text: string, bytes: number): string {
  const unit = Buffer.byteLength(text, 'utf8');
  return text.repeat(Math.max(1, Math.round(bytes / unit)));
}

async function sizes(out: string[]): Promise<void> {
  const c = layoutCase(1);
  const copied = LAYOUTS.find((l) => l.name === 'browser-tsv')?.render(c).content ?? '';
  const page = LAYOUTS.find((l) => l.name === 'html')?.render(c).content ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-size-'));
  try {
    out.push(`  size: files read end to end (decode, parse, import); text beyond ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters is cut with a finding`);
    for (const [name, text, ext] of [
      ['copied page (.txt)', copied, '.txt'],
      ['saved web page (.html)', page, '.html'],
    ] as const) {
      const ms: number[] = [];
      for (const mb of [1, 10]) {
        const file = path.join(dir, `size-${mb}${ext}`);
        writeFileSync(file, repeated(text, mb * 1024 * 1024));
        await importTextFile(file);
        const start = process.hrtime.bigint();
        const read = await importTextFile(file);
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (!read.ok) throw new Error(read.error);
      }
      out.push(`  ${name.padEnd(24)} 1 MB ${ms[0].toFixed(0).padStart(6)} ms   10 MB ${ms[1].toFixed(0).padStart(6)} ms   ratio 10 MB / 1 MB ${(ms[1] / ms[0]).toFixed(1)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const out: string[] = [];
  {
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
    out.push(
      `  ${items.length} ${what}, ${kb.toFixed(1)}k characters each on average`,
      line('baseline: NFKC + split lines', baseline),
      line('import (tables, meta, narrative)', full),
      `  ratio import / baseline: ${(full / baseline).toFixed(3)} (import costs ${(baseline / full).toFixed(1)}× the baseline)`,
      `  (checksum ${sink % 997})`,
    );
  }
  await layoutScores(out);
  await sizes(out);
  process.stdout.write(`${out.join('\n')}\n`);
}
