/**
 * Published texts as they really arrive (issue 11): reports drafted by our own draft code from generated data, laid
 * out as a supervisor receives them (test/import/layouts), imported through the text reader. Every cell of the three
 * tables is read or named unreadable; none is silently wrong or silently lost. Where the layout keeps the table's
 * structure (cells, fields, columns), every cell is read.
 */
import { importDocument, importPublishedText } from '../../src/core/importText';
import { sourceDocument } from '../../src/read';
import { layoutCase } from './layouts/data';
import { LAYOUTS } from './layouts';
import { pdfTexts, PDF_PROGRAMS } from './layouts/pdf';
import { emptyScore, scoreImport, scoreLine, type Score } from './layouts/score';
import { describeWithPrograms } from '../helpers/system';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

/** Share of cells read (right, flagged or not) that each layout must reach: where structure is kept, all of them. */
const READ_AT_LEAST: Record<string, number> = {
  'browser-tsv': 1,
  'browser-tsv-t4-split': 0.99,
  'browser-copy-word': 1,
  html: 1,
  'html-t4-split': 1,
  'converter-md': 1,
  fused: 0.3,
  'draft-txt': 1,
  'draft-md': 1,
};

function expectSound(name: string, s: Score, readAtLeast: number): void {
  const line = scoreLine(name, s);
  expect({ line, failures: s.failures }).toEqual({ line, failures: [] });
  expect(s.silentWrong).toBe(0);
  expect(s.silentMissing).toBe(0);
  expect(s.read + s.readFlagged + s.named + s.flaggedWrong).toBe(s.cells);
  expect((s.read + s.readFlagged) / s.cells).toBeGreaterThanOrEqual(readAtLeast);
  // The unit's name and the year are read from the title in every layout.
  expect(s.titles).toBe(s.reports);
}

describe.each(LAYOUTS.map((l) => [l.name, l] as const))('layout %s', (name, layout) => {
  it(`reads or names every cell over ${SEEDS.length} seeds, none silently wrong`, () => {
    const score = emptyScore();
    for (const seed of SEEDS) {
      const c = layoutCase(seed);
      const file = layout.render(c);
      scoreImport(c.expected, importDocument(sourceDocument(file.content, file.ext)), `${name}#${seed}`, score, c.report.meta);
    }
    expectSound(name, score, READ_AT_LEAST[name] ?? 0);
  });
});

describe('the layout cases themselves', () => {
  it('cover blanks, "/", zeros, multi-digit and random values', () => {
    const values = SEEDS.flatMap((seed) => Object.values(layoutCase(seed).expected));
    expect(values).toContain('');
    expect(values).toContain('/');
    expect(values).toContain(0);
    expect(values.some((v) => typeof v === 'number' && v >= 1000)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(300);
  });

  it('the scorer catches a wrong value and a lost cell', () => {
    const c = layoutCase(1);
    const result = importPublishedText(LAYOUTS[0].render(c).content);
    const [a, b] = Object.keys(c.expected).filter((k) => typeof c.expected[k] === 'number');
    result.report.values[a] = (c.expected[a] as number) + 1;
    delete result.report.values[b];
    const s = scoreImport(c.expected, result, 'tampered');
    expect([s.silentWrong, s.silentMissing]).toEqual([1, 1]);
  });
});

describeWithPrograms('PDF layouts (LibreOffice, pdftotext)', PDF_PROGRAMS, 'apt-get install -y libreoffice-writer poppler-utils', () => {
  const cases = [3, 4, 5, 8, 13, 21].map(layoutCase);
  let texts: Awaited<ReturnType<typeof pdfTexts>> = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-'));
  beforeAll(async () => {
    texts = await pdfTexts(cases, path.join(dir, 'out'));
  }, 600000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['layout', 0.85],
    ['plain', 0.15],
  ] as const)('pdftotext %s: every cell read or named, none silently wrong', (kind, readAtLeast) => {
    const score = emptyScore();
    texts.forEach((t, i) => scoreImport(cases[i].expected, importPublishedText(t[kind]), `pdf-${kind}#${t.seed}`, score, cases[i].report.meta));
    expectSound(`pdf-${kind}`, score, readAtLeast);
  });
});
