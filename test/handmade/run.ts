/**
 * Running the corpus: generate every case, write it to a folder (through LibreOffice for the cases that say so), read
 * and check each file as `nianbao check` does, score it. Shared by the jest test and `npm run bench -- readers`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { reportOf, type Case } from './corpus';
import { generateHandMade } from './generate';
import { layoutOf } from './layout';
import { scoreWorkbook, type WorkbookScore } from './score';
import type { Truth } from './truth';

/**
 * Open and save again in LibreOffice (one soffice process for all files, its own profile so that parallel runs do not
 * collide). Returns the paths of the saved copies, in `outDir` under the same names.
 */
export function saveWithLibreOffice(files: readonly string[], outDir: string): string[] {
  if (!files.length) return [];
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-lo-profile-'));
  try {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', outDir, ...files], {
      stdio: 'pipe',
      timeout: 300000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => path.join(outDir, path.basename(f)));
  const missing = out.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`LibreOffice did not save ${missing.join(', ')}`);
  return out;
}

export interface CorpusRun {
  scores: WorkbookScore[];
  /** Generation time per workbook, ms. */
  generateMs: number;
}

export interface GeneratedCase {
  c: Case;
  bytes: Buffer;
  truth: Truth;
}

export async function generateCase(c: Case): Promise<GeneratedCase> {
  const { bytes, truth } = await generateHandMade(reportOf(c.source), layoutOf(c.habits), c.seed);
  return { c, bytes, truth };
}

/** Generate, write, (convert,) read and score. Cases with the libreoffice habit need soffice. */
export async function runCorpus(cases: readonly Case[]): Promise<CorpusRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-handmade-'));
  try {
    const started = Date.now();
    const generated: (GeneratedCase & { file: string })[] = [];
    for (const [i, c] of cases.entries()) {
      const g = await generateCase(c);
      const file = path.join(dir, 'in', `${String(i).padStart(3, '0')}.xlsx`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, g.bytes);
      generated.push({ ...g, file });
    }
    const generateMs = (Date.now() - started) / Math.max(1, cases.length);
    const viaLibreOffice = generated.filter((g) => g.c.habits.includes('libreoffice'));
    const saved = saveWithLibreOffice(
      viaLibreOffice.map((g) => g.file),
      path.join(dir, 'libreoffice'),
    );
    viaLibreOffice.forEach((g, i) => (g.file = saved[i]));
    const scores: WorkbookScore[] = [];
    for (const g of generated) scores.push(await scoreWorkbook(g.file, g.truth, g.c));
    return { scores, generateMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

