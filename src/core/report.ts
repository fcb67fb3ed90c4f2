/** Report data (FORMAT.md §4): the input of the engine. It is read from JSON by schemas.ts; bad data never throws there. */
import { T3_COLUMNS, T3_OTHER_COMBINED_ROW } from '../spec';

/** One figure as a report carries it, before it is read as a number. */
export type RawValue = number | string | boolean | null;

export interface ReportDataMeta {
  body?: string;
  year?: number | string;
  level?: string;
  kind?: string;
  template_version?: string;
  [extra: string]: unknown;
}

export interface ReportData {
  meta: ReportDataMeta;
  values: Record<string, RawValue>;
  prev?: Record<string, RawValue>;
  narrative?: Record<string, string>;
  /** Aggregate reports: the bodies whose reports it sums. */
  members?: string[];
  /** Fixture shape for a 2019-style single （六）其他处理 row: seven numbers in column order. */
  other_combined?: RawValue[];
  [extra: string]: unknown;
}

/** The 2019-style single （六）其他处理 row, spread over the 2021 format's seven columns. */
export function spreadOtherCombined(report: ReportData): ReportData {
  if (!report.other_combined) return report;
  const values = { ...report.values };
  T3_COLUMNS.forEach((c, i) => {
    const v = report.other_combined?.[i];
    if (v !== undefined) values[`t3.${T3_OTHER_COMBINED_ROW}.${c.key}`] = v;
  });
  return { ...report, values };
}

export function reportYear(report: ReportData): number | null {
  const y = report.meta.year;
  if (typeof y === 'number' && Number.isInteger(y)) return y;
  if (typeof y === 'string' && /^\s*\d{4}\s*(年)?\s*$/.test(y)) return Number(y.trim().slice(0, 4));
  return null;
}
