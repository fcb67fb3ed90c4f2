/**
 * Findings and check results as data: the JSON shapes of FORMAT.md §4, as plain types. Their zod schemas, for
 * reading such JSON back, are in schemas.ts, which the task pane never loads (it never parses JSON).
 */
import type { MetaSources } from './grid/reportMeta';

export type Severity = 'error' | 'warning' | 'info';

/** A finding's §4 fields, as JSON carries them. */
export interface JsonFinding {
  rule: string;
  target: string;
  severity: Severity;
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
  message: string;
  explanation: string | null;
  addresses?: string[];
}

/** A finding as the engine makes it: the §4 fields plus context for rendering and hosts. */
export interface Finding extends JsonFinding {
  /** Sub-kind, e.g. the VALUE-* code (`text`, `negative`, …) or the FORMAT-VERSION part. */
  code?: string;
  /** The figures the rule read, by key (for messages and highlights). */
  values?: Record<string, number | null>;
  /** Free context: the sentence quoted by TEXT-NUMBER, what STRUCTURE could not find. */
  detail?: string;
}

export interface FileResult {
  file: string;
  body: string | null;
  year: number | null;
  format: string | null;
  status: 'ok' | 'findings' | 'unreadable';
  error: string | null;
  findings: JsonFinding[];
  /** Where the unit's name and the year were read: a 填报单位/机关名称 line, a title, a sheet's name or the file name. */
  sources?: MetaSources;
}

export interface CheckResult {
  files: FileResult[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/** Identity of a finding: rule plus target. */
export function findingId(f: Pick<Finding, 'rule' | 'target'>): string {
  return `${f.rule}:${f.target}`;
}

/** The §4 fields only, in order, for JSON output. */
export function toJsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    target: f.target,
    severity: f.severity,
    cells: f.cells,
    expected: f.expected,
    actual: f.actual,
    message: f.message,
    explanation: f.explanation ?? null,
  };
  if (f.addresses) out.addresses = f.addresses;
  return out;
}

export function summarise(files: readonly FileResult[]): CheckResult['summary'] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of files) {
    for (const f of file.findings) {
      if (f.severity === 'error') errors += 1;
      else if (f.severity === 'warning') warnings += 1;
      else infos += 1;
    }
  }
  return { files: files.length, errors, warnings, infos };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortFindings<T extends Pick<Finding, 'severity' | 'rule' | 'target'>>(findings: T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
