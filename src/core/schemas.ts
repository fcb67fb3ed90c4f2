/**
 * The zod schemas of FORMAT.md §4's JSON: report data read from files (parseReportData) and check results read back
 * (tests, the CLI's previous results). The types they describe are the plain types of report.ts and findings.ts; the
 * assertions at the end fail the type check if the two ever drift apart. Only what parses JSON imports this module,
 * so zod stays out of the task pane.
 */
import { z } from 'zod';
import type { CheckResult, FileResult, JsonFinding, Severity } from './findings';
import { spreadOtherCombined, type RawValue, type ReportData, type ReportDataMeta } from './report';

const RawValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const ReportMetaSchema = z
  .object({
    body: z.string().optional(),
    year: z.union([z.number(), z.string()]).optional(),
    level: z.string().optional(),
    kind: z.string().optional(),
    template_version: z.string().optional(),
  })
  .passthrough();

export const ReportDataSchema = z
  .object({
    meta: ReportMetaSchema.default({}),
    values: z.record(RawValueSchema),
    prev: z.record(RawValueSchema).optional(),
    narrative: z.record(z.string()).optional(),
    members: z.array(z.string()).optional(),
    other_combined: z.array(RawValueSchema).optional(),
  })
  .passthrough();

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

const MetaSourceSchema = z.enum(['unit', 'title', 'sheet', 'file']).nullable();

export const FileResultSchema = z.object({
  file: z.string(),
  body: z.string().nullable(),
  year: z.number().nullable(),
  format: z.string().nullable(),
  status: z.enum(['ok', 'findings', 'unreadable']),
  error: z.string().nullable(),
  findings: z.array(FindingSchema),
  sources: z.object({ body: MetaSourceSchema, year: MetaSourceSchema }).optional(),
});

export const CheckResultSchema = z.object({
  files: z.array(FileResultSchema),
  summary: z.object({ files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number() }),
});

export type ParseReportResult = { ok: true; report: ReportData } | { ok: false; error: string };

/** Parse report data from already-decoded JSON. The error is Chinese and says where. */
export function parseReportData(json: unknown): ParseReportResult {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('values' in json)) {
    return { ok: false, error: '不是年报数据文件：缺少 values（各项数字）' };
  }
  const parsed = ReportDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '（根）';
    return { ok: false, error: `报告数据格式不对：${where} 处${describeIssue(issue)}` };
  }
  return { ok: true, report: spreadOtherCombined(parsed.data) };
}

function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${typeName(issue.expected)}，实际是${typeName(issue.received)}`;
    case 'invalid_union':
      return '应为数字或文字';
    default:
      return '的内容无法识别';
  }
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    object: '对象', string: '文字', number: '数字', array: '列表', boolean: '逻辑值', null: '空值', undefined: '缺失',
  };
  return names[t] ?? t;
}

// The schemas and the plain types say the same thing (checked by the type checker only; nothing runs).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemasMatchTypes = [
  Assert<Same<z.infer<typeof RawValueSchema>, RawValue>>,
  Assert<Same<z.infer<typeof SeveritySchema>, Severity>>,
  Assert<Same<z.infer<typeof FindingSchema>, JsonFinding>>,
  Assert<Same<z.infer<typeof FileResultSchema>, FileResult>>,
  Assert<Same<z.infer<typeof CheckResultSchema>, CheckResult>>,
  Assert<Same<z.infer<typeof ReportMetaSchema>, ReportDataMeta>>,
  Assert<Same<z.infer<typeof ReportDataSchema>, ReportData>>,
];
