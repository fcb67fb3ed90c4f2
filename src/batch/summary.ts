/** The summary of a browser batch (the pane's 审核 tab, the offline page): the core summary of its checked files. */
import { buildSummary, summarise, type CheckedFile, type RawValue, type Summary } from '../core';

export function batchSummary(items: readonly CheckedFile[]): Summary {
  const files = items.map((i) => i.result);
  const values = new Map<string, Readonly<Record<string, RawValue>>>();
  for (const i of items) if (i.report) values.set(i.result.file, i.report.values);
  return buildSummary({ files, summary: summarise(files) }, values);
}

/** The batch in one sentence, as the page and the pane say it. */
export function describeTotals(summary: Summary, cancelled = false): string {
  const t = summary.totals;
  return (
    `${cancelled ? '（已取消，只列出已检查的文件）' : ''}共检查 ${t.files} 个文件：${t.clean} 个未发现问题，${t.files - t.clean - t.unreadable} 个有问题` +
    `${t.unreadable ? `，${t.unreadable} 个无法读取` : ''}；合计错误 ${t.errors} 项、核实 ${t.warnings} 项、提示 ${t.infos} 项。`
  );
}
