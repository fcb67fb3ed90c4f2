/**
 * Import a published report's text (copied from a web page, a PDF or a Word file) or its document (a web page's
 * tables with their cells, Markdown) into report data: the three tables' numbers under their canonical keys, the
 * body, the year and the narrative sections. Pure; never throws for any input. Whatever could not be read is a
 * finding naming it; digits split by inference are reported as such.
 */
import type { Finding } from '../findings';
import type { RawValue, ReportData } from '../report';
import { feesOf } from './fees';
import { structure } from './findingsOf';
import { markdownDocument, renderDocument, textDocument, type SourceBlock, type SourceDocument } from './document';
import { locate, metaOf, narrativeOf, type Span } from './sections';
import { readT2, readT3, readT4, type TableResult } from './tables';
import { normalise, prepareSource, type Normalised } from './text';
import { tokenise, type Stream } from './tokens';

export { markdownDocument, textDocument };
export type { SourceBlock, SourceCell, SourceDocument, SourceRow, SourceTable } from './document';

export interface ImportResult {
  report: ReportData;
  /** The importer's own findings: STRUCTURE (unreadable or inferred), FORMAT-VERSION for a 2019 table 二. */
  findings: Finding[];
  /** '2019' when a table is in the 2019 trial layout (table 二, or table 三's single （六）row). */
  format: '2021' | '2019';
}

/** Longest text read; a report is some tens of kilobytes. */
export const MAX_IMPORT_CHARS = 2_000_000;

const TABLE_NAMES = {
  t2: '表二“主动公开政府信息情况”',
  t3: '表三“收到和处理政府信息公开申请情况”',
  t4: '表四“政府信息公开行政复议、行政诉讼情况”',
} as const;

/** Narrative sections the format requires, whose headings the importer looks for. */
const SECTIONS: [string, string][] = [
  ['一', '总体情况'],
  ['五', '存在的主要问题及改进情况'],
  ['六', '其他需要报告的事项'],
];

/** A plain text: TAB-separated lines are read as rows of cells (a table copied from a browser). */
export function importPublishedText(text: string): ImportResult {
  return importDocument({ blocks: [{ kind: 'text', text: typeof text === 'string' ? text : '' }] });
}

/** The document cut to MAX_IMPORT_CHARS characters, and how long it was. */
function clip(doc: SourceDocument): { blocks: SourceBlock[]; length: number } {
  let length = 0;
  const blocks: SourceBlock[] = [];
  for (const block of doc.blocks) {
    const size = block.kind === 'text' ? block.text.length : block.table.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.text.length + 1, 0), 0);
    if (length + size <= MAX_IMPORT_CHARS) blocks.push(block);
    else if (block.kind === 'text' && length < MAX_IMPORT_CHARS) blocks.push({ kind: 'text', text: block.text.slice(0, MAX_IMPORT_CHARS - length) });
    length += size;
  }
  return { blocks, length };
}

export function importDocument(doc: SourceDocument): ImportResult {
  const findings: Finding[] = [];
  const clipped = clip(doc);
  if (clipped.length > MAX_IMPORT_CHARS) {
    findings.push(structure('text', `文本过长（${clipped.length} 个字符），只读取了前 ${MAX_IMPORT_CHARS} 个字符`));
  }
  // Running text in one form, its TAB-separated lines as rows of cells; then one text with the cells' places.
  const blocks = clipped.blocks.flatMap((b) => (b.kind === 'text' ? textDocument(prepareSource(b.text)).blocks : [b]));
  const rendered = renderDocument({ blocks });
  const source = rendered.text;
  const norm = normalise(source);
  const layout = locate(norm.text);
  const stream = (span: Span): Stream => tokenise(norm, span.start, span.end, rendered.cells);

  const values: Record<string, RawValue> = {};
  let trial = false;
  const tables: [keyof typeof TABLE_NAMES, Span | null, (span: Span) => TableResult][] = [
    ['t2', layout.t2, (s) => readT2(stream(s))],
    ['t3', layout.t3, (s) => readT3(stream(s))],
    ['t4', layout.t4, (s) => readT4(stream(s), layout.t4Bounded)],
  ];
  for (const [id, span, read] of tables) {
    if (!span) {
      findings.push(structure(id, `找不到${TABLE_NAMES[id]}（没有找到这张表的标题）`));
      continue;
    }
    const result = read(span);
    Object.assign(values, result.values);
    findings.push(...result.findings);
    trial = trial || result.trial;
  }

  const meta = metaOf(norm.text, layout.headEnd);
  if (!meta.body) findings.push(structure('meta.body', '标题中找不到机关名称（如“××区人民政府办公室2024年政府信息公开工作年度报告”）'));
  if (!meta.year) findings.push(structure('meta.year', '标题中找不到报告年度（如“2024年政府信息公开工作年度报告”）'));
  const narrative = narrativeOf(layout, norm, source);
  for (const [id, title] of SECTIONS) {
    if (!layout.sections.some((sec) => sec.id === id)) findings.push(structure(`narrative.${id}`, `找不到第${id}部分“${id}、${title}”的标题`));
  }
  const fees = narrative['六'] ? feesOf(narrative['六']) : null;
  if (fees) Object.assign(values, fees);

  const report: ReportData = {
    meta: { ...(meta.body ? { body: meta.body } : {}), ...(meta.year ? { year: meta.year } : {}) },
    values,
    ...(Object.keys(narrative).length ? { narrative } : {}),
  };
  return { report, findings, format: trial ? '2019' : '2021' };
}

/** For the task pane and benchmarks: the normalised text the importer reads (page footers gone, NFKC). */
export function normalisedText(text: string): Normalised {
  return normalise(prepareSource(text));
}

/** Markdown (a converter's output, or our own draft): pipe tables read as tables. */
export function importMarkdown(md: string): ImportResult {
  return importDocument(markdownDocument(typeof md === 'string' ? md : ''));
}
