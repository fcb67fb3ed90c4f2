/** The summary of a browser batch (the pane's 审核 tab, the offline page): the core summary of its checked files. */
import { buildSummary, summarise, type CheckedFile, type RawValue, type Summary } from '../core';

export function batchSummary(items: readonly CheckedFile[]): Summary {
  const files = items.map((i) => i.result);
  const values = new Map<string, Readonly<Record<string, RawValue>>>();
  for (const i of items) if (i.report) values.set(i.result.file, i.report.values);
  return buildSummary({ files, summary: summarise(files) }, values);
}
