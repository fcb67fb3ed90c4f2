/** Shared by the CLI safety tests: folders of received files, and proof (sha256 of every byte) that none changed. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ReportData } from '../../src/core';
import { seeded, soundReport } from '../helpers/reports';
import { templateBuffer } from '../xlsx/make';
import { xmlProblemsOf } from './xmlCheck';

export function tmp(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `nb-${name}-`));
}

/** A sound report of a named body (no rule fires on it). */
export function report(body: string, seed = 1, year = 2024): ReportData {
  const r = soundReport(seeded(seed), { level: 'county_gov' });
  return { ...r, meta: { ...r.meta, body, year, kind: 'own' } };
}

export async function workbook(body: string, seed = 1): Promise<Buffer> {
  return templateBuffer(report(body, seed));
}

export function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** sha256 of every regular file under the given paths (files or folders), by path; links are listed, not followed. */
export function snapshot(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (p: string): void => {
    const st = lstatSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else if (st.isFile()) out.set(p, sha(p));
  };
  for (const p of paths) visit(p);
  return out;
}

/** The same files, byte for byte. */
export function expectUnchanged(before: Map<string, string>): void {
  const after = new Map([...before.keys()].map((f) => [f, sha(f)]));
  expect(after).toEqual(before);
}

/** Problems of a written .xlsx/.docx found by an independent parser (see xmlCheck); empty when sound. */
export function xmlProblems(file: string): string[] {
  return xmlProblemsOf(readFileSync(file));
}
