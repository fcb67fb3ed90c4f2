/** Findings and check results as data: the JSON shapes of FORMAT.md §4. */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const FindingSchema = z.object({
  rule: z.string(),
  target: z.string(),
  severity: SeveritySchema,
  cells: z.array(z.string()),
  expected: z.union([z.number(), z.string(), z.null()]),
  actual: z.union([z.number(), z.string(), z.null()]),
  message: z.string(),
  explanation: z.string().nullable(),
  addresses: z.array(z.string()).optional(),
});

/** A finding as the engine makes it: the §4 fields plus context for rendering and hosts. */
export interface Finding extends z.infer<typeof FindingSchema> {
  /** Sub-kind, e.g. the VALUE-* code (`text`, `negative`, …) or the FORMAT-VERSION part. */
  code?: string;
  /** The figures the rule read, by key (for messages and highlights). */
  values?: Record<string, number | null>;
  /** Free context: the sentence quoted by TEXT-NUMBER, what STRUCTURE could not find. */
  detail?: string;
}

export const FileResultSchema = z.object({
  file: z.string(),
  body: z.string().nullable(),
  year: z.number().nullable(),
  format: z.string().nullable(),
  status: z.enum(['ok', 'findings', 'unreadable']),
  error: z.string().nullable(),
  findings: z.array(FindingSchema),
  /** Where the unit's name and the year were read: a 填报单位/机关名称 line, a title, a sheet's name or the file name. */
  sources: z.object({ body: z.enum(['unit', 'title', 'sheet', 'file']).nullable(), year: z.enum(['unit', 'title', 'sheet', 'file']).nullable() }).optional(),
});

export type FileResult = z.infer<typeof FileResultSchema>;

export const CheckResultSchema = z.object({
  files: z.array(FileResultSchema),
  summary: z.object({ files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number() }),
});

export type CheckResult = z.infer<typeof CheckResultSchema>;

/** Identity of a finding: rule plus target. */
export function findingId(f: Pick<Finding, 'rule' | 'target'>): string {
  return `${f.rule}:${f.target}`;
}

/** The §4 fields only, in order, for JSON output. */
export function toJsonFinding(f: Finding): z.infer<typeof FindingSchema> {
  const out: z.infer<typeof FindingSchema> = {
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
