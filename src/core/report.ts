/** Report data (FORMAT.md §4): the input of the engine, read from JSON with zod. Bad data never throws here. */
import { z } from 'zod';
import { T3_COLUMNS, T3_OTHER_COMBINED_ROW } from '../spec';

const RawValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type RawValue = z.infer<typeof RawValueSchema>;

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
    /** Aggregate reports: the bodies whose reports it sums. */
    members: z.array(z.string()).optional(),
    /** Fixture shape for a 2019-style single （六）其他处理 row: seven numbers in column order. */
    other_combined: z.array(RawValueSchema).optional(),
  })
  .passthrough();

export type ReportData = z.infer<typeof ReportDataSchema>;

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
  const report = parsed.data;
  if (report.other_combined) {
    const values = { ...report.values };
    T3_COLUMNS.forEach((c, i) => {
      const v = report.other_combined?.[i];
      if (v !== undefined) values[`t3.${T3_OTHER_COMBINED_ROW}.${c.key}`] = v;
    });
    return { ok: true, report: { ...report, values } };
  }
  return { ok: true, report };
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

export function reportYear(report: ReportData): number | null {
  const y = report.meta.year;
  if (typeof y === 'number' && Number.isInteger(y)) return y;
  if (typeof y === 'string' && /^\s*\d{4}\s*(年)?\s*$/.test(y)) return Number(y.trim().slice(0, 4));
  return null;
}
