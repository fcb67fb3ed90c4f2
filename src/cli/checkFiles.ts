/** Check a list of input files into the §4 result: one FileResult per file, unreadable files included. */
import { checkReport, reportYear, sortFindings, summarise, toJsonFinding, type CheckResult, type FileResult, type Finding } from '../core';
import { readInput, type ReadReport } from './inputs';

export interface CheckedFile {
  result: FileResult;
  /** The full findings (with codes and values), for hosts that annotate. */
  findings: Finding[];
  read?: ReadReport;
}

export function checkRead(file: string, read: ReadReport): CheckedFile {
  const findings = [...(read.findings ?? []), ...checkReport(read.report, { explanations: read.explanations })];
  if (read.explanations) for (const f of findings) f.explanation = read.explanations.get(`${f.rule}:${f.target}`) ?? f.explanation ?? null;
  if (read.addresses) {
    for (const f of findings) {
      const addresses = f.cells.map((c) => read.addresses?.get(c)).filter((a): a is string => Boolean(a));
      if (addresses.length) f.addresses = addresses;
    }
  }
  const sorted = sortFindings(findings);
  const format = findings.some((f) => f.rule === 'FORMAT-VERSION') ? '2019' : read.format;
  return {
    findings: sorted,
    read,
    result: {
      file,
      body: read.report.meta.body?.trim() || null,
      year: reportYear(read.report),
      format,
      status: sorted.length ? 'findings' : 'ok',
      error: null,
      findings: sorted.map(toJsonFinding),
    },
  };
}

export function unreadable(file: string, error: string): CheckedFile {
  return { findings: [], result: { file, body: null, year: null, format: null, status: 'unreadable', error, findings: [] } };
}

export async function checkFile(file: string, cwd: string): Promise<CheckedFile> {
  const read = await readInput(file, cwd);
  return read.ok ? checkRead(file, read.value) : unreadable(file, read.error);
}

export function toCheckResult(files: readonly CheckedFile[]): CheckResult {
  const results = files.map((f) => f.result);
  return { files: results, summary: summarise(results) };
}
