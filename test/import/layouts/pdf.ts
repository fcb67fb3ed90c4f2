/**
 * The PDF layouts: the draft written as .docx by our own writer (the draft command's -o x.docx), converted to PDF by
 * LibreOffice (`soffice --headless --convert-to pdf`), and its text taken out by poppler's pdftotext, with
 * `-layout` (columns kept as spaces) and without (reading order). Needs those programs: tests use
 * describeWithPrograms, the benchmark skips the layouts where they are missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { draftToDocx } from '../../../src/docx';
import type { LayoutCase } from './data';
import { pageOf } from './page';

export const PDF_PROGRAMS = ['soffice', 'pdftotext'];

export interface PdfTexts {
  seed: number;
  layout: string;
  plain: string;
}

/** All cases converted in one LibreOffice run (with its own profile, so that it can run beside others). */
export async function pdfTexts(cases: readonly LayoutCase[], dir: string): Promise<PdfTexts[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const c of cases) {
    const file = path.join(dir, `report-${c.seed}.docx`);
    writeFileSync(file, await draftToDocx(pageOf(c).draft));
    files.push(file);
  }
  const profile = path.join(dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    timeout: 600000,
    stdio: 'pipe',
  });
  return cases.map((c) => {
    const pdf = path.join(dir, `report-${c.seed}.pdf`);
    const text = (args: string[]): string => {
      const out = path.join(dir, `report-${c.seed}${args.length ? '-layout' : ''}.txt`);
      execFileSync('pdftotext', [...args, pdf, out], { stdio: 'pipe' });
      return readFileSync(out, 'utf8');
    };
    return { seed: c.seed, layout: text(['-layout']), plain: text([]) };
  });
}
