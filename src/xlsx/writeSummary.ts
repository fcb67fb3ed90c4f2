/**
 * The supervisor's 审核结果 workbook as the command line writes it: the core summary rendered by the one summary
 * writer (./summaryWorkbook.ts, which the offline page uses too), every text and number made safe to write.
 */
import { buildSummary, type CheckResult, type RawValue } from '../core';
import { buildSummaryWorkbook } from './summaryWorkbook';
import { workbookBytes } from './writeSafe';

export { SUMMARY_SHEETS } from '../core';

/** The summary as .xlsx bytes; `values` gives each file's report values (for the units' main figures). */
export async function summaryBytes(result: CheckResult, values: ReadonlyMap<string, Readonly<Record<string, RawValue>>> = new Map()): Promise<Buffer> {
  return workbookBytes(buildSummaryWorkbook(buildSummary(result, values)));
}
