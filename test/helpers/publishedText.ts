/**
 * Report texts our own code writes, in the shapes published reports reach users in (FORMAT.md §7): a web page copied
 * as text (TAB-separated table rows, rows under merged cells shifted left), the web page itself (HTML tables with
 * rowspan/colspan), a converter's Markdown (pipe tables, merged cells blank), and PDF text (`pdftotext -layout`:
 * numbers in space-separated columns, labels wrapped over lines with the numbers on a line of their own, tall merged
 * labels one or two characters per line, split header words, page footers inside tables).
 *
 * The prose is our narrative draft (src/core/narrative) with its 【请补充：…】 markers replaced by sentences of our
 * own; the tables follow the official format's layout. Nothing here is copied from a published report: these texts
 * let the project's own tests prove the importer on every layout without the corpus beside the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../src/spec';
import { draftNarrative, paragraphs, parseReportData, type Draft, type DraftSection, type ReportData } from '../../src/core';
import { sourceDocument } from '../../src/read';
import { renderDocument } from '../../src/core/importText/document';

/** A published file as the importer reads it, flattened to text (a web page's tables as TAB rows). */
function plainText(raw: string, ext: string): string {
  return renderDocument(sourceDocument(raw, ext)).text;
}
import { seeded, type Rand } from './reports';

export type Layout = 'web-text' | 'html' | 'markdown' | 'pdf';
export const LAYOUTS: readonly Layout[] = ['web-text', 'html', 'markdown', 'pdf'];

export interface RenderOptions {
  /** Seed of the layout's random choices (wrapping, shifted rows, where vertical labels fall). */
  seed?: number;
  /** Label variants found in the wild: typos, 规范性文件, half-width brackets, 1、 for 1. (FORMAT.md §7). */
  variants?: boolean;
  /** Replace the draft's 【请补充：…】 markers with sentences of our own (default true), as a published report would. */
  fillPlaceholders?: boolean;
  /** Override printed cells (key → text as printed, e.g. "/" or "" for a zero); defaults to the draft's cells. */
  cells?: Record<string, string>;
  /** Lines of the web page around the report: date and source under the title, print links at the end (web-text, html). */
  pageChrome?: boolean;
  /** The page's breadcrumb line above the title ("首页 > 政务公开 > …"), as when the copy starts at the top (web-text, html). */
  breadcrumb?: boolean;
  /**
   * Keep the draft's sentences between a table's heading and the table (default true). Published reports mostly
   * print the table straight under its heading; our draft adds a lead-in, which for 四 states the figures.
   */
  leadIn?: boolean;
}

/** One cell of an official table, with its merge. */
interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** A label (left part of a row) rather than a figure. */
  label?: boolean;
}

interface Table {
  header: Cell[][];
  body: Cell[][];
  /** Columns taken by row labels in the expanded grid. */
  labelColumns: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The official tables as merged-cell models

const L = (text: string, more: Partial<Cell> = {}): Cell => ({ text, label: true, ...more });
const V = (text: string, more: Partial<Cell> = {}): Cell => ({ text, ...more });

function t2Table(cells: Record<string, string>, name: (s: string) => string): Table {
  const v = (k: string): string => cells[k] ?? '';
  const band = (text: string): Cell[] => [L(text, { colspan: 4 })];
  const single = (head: string): Cell[] => [L('信息内容'), L(head, { colspan: 3 })];
  return {
    labelColumns: 1,
    header: [],
    body: [
      band('第二十条第（一）项'),
      [L('信息内容'), L('本年制发件数'), L('本年废止件数'), L('现行有效件数')],
      [L('规章'), V(v('t2.regulations.issued')), V(v('t2.regulations.repealed')), V(v('t2.regulations.in_force'))],
      [L(name('行政规范性文件')), V(v('t2.normative.issued')), V(v('t2.normative.repealed')), V(v('t2.normative.in_force'))],
      band('第二十条第（五）项'),
      single('本年处理决定数量'),
      [L('行政许可'), V(v('t2.licensing'), { colspan: 3 })],
      band('第二十条第（六）项'),
      single('本年处理决定数量'),
      [L('行政处罚'), V(v('t2.punishment'), { colspan: 3 })],
      [L('行政强制'), V(v('t2.enforcement'), { colspan: 3 })],
      band('第二十条第（八）项'),
      single('本年收费金额（单位：万元）'),
      [L('行政事业性收费'), V(v('t2.fees'), { colspan: 3 })],
    ],
  };
}

/** Whether the report prints （六）其他处理 as one row (the 2019 shape). */
function combinedOther(cells: Record<string, string>): boolean {
  return T3_COLUMNS.some((c) => (cells[`t3.other_combined.${c.key}`] ?? '') !== '');
}

function t3Table(cells: Record<string, string>, name: (s: string) => string): Table {
  const combined = combinedOther(cells);
  const values = (row: string): Cell[] => T3_COLUMNS.map((c) => V(cells[t3Key(row, c.key)] ?? ''));
  const rows = T3_ROWS.filter((r) => !(combined && r.group === 'other'));
  const outcomeRows = rows.filter((r) => r.leaf || r.key === 'handled_total').length + (combined ? 1 : 0);
  const body: Cell[][] = [];
  let group = '';
  for (const row of T3_ROWS) {
    if (combined && row.group === 'other') {
      if (group !== 'other') body.push([L(T3_GROUPS.other, { colspan: 2 }), ...T3_COLUMNS.map((c) => V(cells[`t3.other_combined.${c.key}`] ?? ''))]);
      group = 'other';
      continue;
    }
    const label = name(row.label);
    const lead: Cell[] = [];
    if (row.key === 'granted') lead.push(L('三、本年度办理结果', { rowspan: outcomeRows }));
    if (!row.group) {
      const top = row.key === 'new' || row.key === 'carried_in' || row.key === 'carried_out';
      body.push([...lead, L(label, { colspan: top ? 3 : 2 }), ...values(row.key)]);
      continue;
    }
    if (row.group !== group) lead.push(L(name(T3_GROUPS[row.group]), { rowspan: T3_ROWS.filter((r) => r.group === row.group).length }));
    group = row.group;
    body.push([...lead, L(label), ...values(row.key)]);
  }
  return {
    labelColumns: 3,
    header: [
      [L('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { colspan: 3, rowspan: 3 }), L('申请人情况', { colspan: 7 })],
      [L('自然人', { rowspan: 2 }), L('法人或其他组织', { colspan: 5 }), L('总计', { rowspan: 2 })],
      T3_COLUMNS.slice(1, 6).map((c) => L(c.label)),
    ],
    body,
  };
}

function t4Table(cells: Record<string, string>): Table {
  return {
    labelColumns: 0,
    header: [
      [L('行政复议', { colspan: 5 }), L('行政诉讼', { colspan: 10 })],
      [...T4_OUTCOMES.map((o) => L(o.label, { rowspan: 2 })), L(T4_GROUPS[1].label, { colspan: 5 }), L(T4_GROUPS[2].label, { colspan: 5 })],
      [...T4_OUTCOMES.map((o) => L(o.label)), ...T4_OUTCOMES.map((o) => L(o.label))],
    ],
    body: [T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o) => V(cells[t4Key(g.key, o.key)] ?? '')))],
  };
}

/** Rows of cells with every merge expanded: the merged text in its first cell, null where a merge covers. */
function expand(rows: Cell[][]): (Cell | null)[][] {
  const grid: (Cell | null)[][] = [];
  rows.forEach((row, r) => {
    grid[r] = grid[r] ?? [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c += 1;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr += 1) {
        grid[r + dr] = grid[r + dr] ?? [];
        for (let dc = 0; dc < (cell.colspan ?? 1); dc += 1) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : null;
      }
      c += cell.colspan ?? 1;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.slice(0, rows.length).map((r) => Array.from({ length: width }, (_x, i) => r[i] ?? null));
}

// ---------------------------------------------------------------------------------------------------------------
// Label variants and prose

const TYPOS: Array<[string, string]> = [
  ['其他法律行政法规禁止公开', '其他法律行政止公开'],
  ['只计这一情形', '只计这一情况'],
  ['三类内部事务信息', '三类内容事务信息'],
  ['行政规范性文件', '规范性文件'],
];

function labelNamer(options: RenderOptions, rand: Rand): (s: string) => string {
  if (!options.variants) return (s) => s;
  const typos = TYPOS.filter(() => rand() < 0.7);
  const half = rand() < 0.5;
  const item = ['.', '、', '. ', '．'][Math.floor(rand() * 4)];
  return (s) => {
    let out = s;
    for (const [from, to] of typos) out = out.split(from).join(to);
    out = out.replace(/^(\d)\./, `$1${item}`);
    if (half) out = out.replace(/（/g, '(').replace(/）/g, ')');
    return out;
  };
}

/**
 * What a published report says where our draft leaves a 【请补充：…】 marker: sentences of our own, chosen by what the
 * marker asks for, with no figures in them (figures come only from the tables).
 */
const FILLERS: Array<[RegExp, string]> = [
  [/网站名称/, '本机关门户网站'],
  [/联系机构/, '本机关办公室'],
  [/总体思路/, '坚持以公开为常态、不公开为例外，稳步推进政务公开工作'],
  [/主动公开政府信息的条数/, '通过门户网站、政务新媒体等渠道主动公开政府信息'],
  [/依申请公开工作的主要做法/, '规范办理流程，加强与申请人沟通，按时答复'],
  [/政府信息管理/, '落实公开前保密审查，及时更新政府信息公开指南'],
  [/公开平台/, '加强门户网站和政务新媒体的日常管理'],
  [/监督保障/, '加强组织领导和业务培训，开展监督检查'],
  [/存在的主要问题/, '政策解读的形式还不够丰富'],
  [/改进措施/, '丰富解读形式，提高解读质量'],
  [/整改落实/, '上年度所列问题已按计划完成整改'],
  [/信息处理费/, '本年度未收取信息处理费'],
  [/其他需要报告/, '本年度政务公开工作要点已按要求落实'],
];
const FALLBACK = '本机关持续做好相关工作';

function fill(text: string, enabled: boolean): string {
  if (!enabled) return text;
  let out = '';
  let rest = text;
  for (;;) {
    const open = rest.indexOf(PLACEHOLDER_OPEN);
    const close = open < 0 ? -1 : rest.indexOf(PLACEHOLDER_CLOSE, open);
    if (close < 0) return out + rest;
    const asked = rest.slice(open + PLACEHOLDER_OPEN.length, close);
    out += rest.slice(0, open);
    const sentence = out === '' || /[。；！？]$/.test(out);
    out += FILLERS.find(([what]) => what.test(asked))?.[1] ?? FALLBACK;
    rest = rest.slice(close + PLACEHOLDER_CLOSE.length);
    // A marker that stood for a whole sentence gets a full stop unless the draft already has one.
    if (sentence && !/^[。；，]/.test(rest)) out += '。';
  }
}

interface Block {
  kind: 'title' | 'heading' | 'paragraph' | 'table';
  text?: string;
  table?: Table;
}

function blocks(draft: Draft, cells: Record<string, string>, options: RenderOptions, rand: Rand): Block[] {
  const name = labelNamer(options, rand);
  const out: Block[] = [];
  const prose = (t: string): string => fill(t, options.fillPlaceholders !== false);
  for (const section of draft.sections) {
    const paras = paragraphs(section).map(prose);
    if (section.level === 0) {
      out.push({ kind: 'title', text: section.title }, ...paras.map((p) => ({ kind: 'paragraph' as const, text: p })));
    } else if (section.level === 2) {
      const [first = '', ...rest] = paras;
      out.push({ kind: 'paragraph', text: `${section.title}。${first}` }, ...rest.map((p) => ({ kind: 'paragraph' as const, text: p })));
    } else {
      const lead = section.table && options.leadIn === false ? [] : paras;
      out.push({ kind: 'heading', text: section.title }, ...lead.map((p) => ({ kind: 'paragraph' as const, text: p })));
    }
    if (section.table) out.push({ kind: 'table', table: tableOf(section, cells, name) });
  }
  return out;
}

function tableOf(section: DraftSection, cells: Record<string, string>, name: (s: string) => string): Table {
  if (section.table === 't2') return t2Table(cells, name);
  if (section.table === 't3') return t3Table(cells, name);
  return t4Table(cells);
}

// ---------------------------------------------------------------------------------------------------------------
// Layouts

/** A paragraph's first-line indent: two ideographic spaces. */
const INDENT = '\u3000\u3000';

const BREADCRUMB = '首页 > 政务公开 > 政府信息公开年报';
const UNDER_TITLE = ['发布时间：2025-01-20 09:30\u3000来源：本网\u3000浏览次数：', '【字体：大 中 小】'];
const PAGE_END = ['【打印本页】\u3000【关闭窗口】', '主办单位：示例市人民政府办公室\u3000网站标识码：0000000000'];

/** A web page copied as text: paragraphs as lines, each table row's own cells joined by TABs. */
function webText(parts: Block[], rand: Rand, options: RenderOptions): string {
  const lines: string[] = options.breadcrumb ? [BREADCRUMB, ''] : [];
  for (const b of parts) {
    if (b.kind !== 'table' || !b.table) {
      lines.push(b.kind === 'paragraph' ? `${INDENT}${b.text}` : (b.text ?? ''));
      if (b.kind === 'title' && options.pageChrome) lines.push(...UNDER_TITLE, '');
      if (b.kind === 'heading') lines.push('');
      continue;
    }
    for (const row of [...b.table.header, ...b.table.body]) {
      // Browsers copy a row's own cells; under a merged cell some keep an empty cell for it, most do not.
      const lead = rand() < 0.3 ? '\t' : '';
      const trail = rand() < 0.3 ? '\t' : '';
      lines.push(lead + row.map((c) => c.text).join('\t') + trail);
    }
    lines.push('');
  }
  if (options.pageChrome) lines.push('', ...PAGE_END);
  return `${lines.join('\n').trimEnd()}\n`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(parts: Block[], options: RenderOptions): string {
  const out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>', '<style>td{border:1px solid #999}</style></head><body>'];
  if (options.breadcrumb) out.push(`<div class="nav">${esc(BREADCRUMB)}</div>`);
  for (const b of parts) {
    if (b.kind === 'title') {
      out.push(`<h1>${esc(b.text ?? '')}</h1>`);
      if (options.pageChrome) out.push(...UNDER_TITLE.map((l) => `<div class="info">${esc(l)}</div>`));
    }
    else if (b.kind === 'heading') out.push(`<h2>${esc(b.text ?? '')}</h2>`);
    else if (b.kind === 'paragraph') out.push(`<p style="text-indent:2em">${esc(b.text ?? '')}</p>`);
    else if (b.table) {
      out.push('<table cellspacing="0">');
      for (const row of [...b.table.header, ...b.table.body]) {
        const tds = row.map((c) => {
          const span = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
          return `<td${span}>${c.text === '' ? '&nbsp;' : `<p>${esc(c.text)}</p>`}</td>`;
        });
        out.push(`<tr>${tds.join('')}</tr>`);
      }
      out.push('</table>');
    }
  }
  if (options.pageChrome) out.push(...PAGE_END.map((l) => `<div class="foot">${esc(l)}</div>`));
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|');

/** A converter's Markdown: headings, paragraphs, pipe tables with merged cells blank (the first header row as header). */
function markdown(parts: Block[]): string {
  const out: string[] = [];
  for (const b of parts) {
    if (b.kind === 'title') out.push(`# ${b.text}`, '');
    else if (b.kind === 'heading') out.push(`## ${b.text}`, '');
    else if (b.kind === 'paragraph') out.push(b.text ?? '', '');
    else if (b.table) {
      const grid = expand([...b.table.header, ...b.table.body]);
      const line = (r: (Cell | null)[]): string => `| ${r.map((c) => mdCell(c?.text ?? '')).join(' | ')} |`;
      out.push(line(grid[0]), `|${grid[0].map(() => ' --- |').join('')}`, ...grid.slice(1).map(line), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Display width: CJK and full-width forms count two columns, as pdftotext lays them out. */
const width = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(1, w - width(s)));

/** Break text into lines of at most `max` columns, never inside a run of ASCII digits. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.match(/[0-9A-Za-z.%]+|./gu) ?? [];
  for (const t of tokens) {
    if (line && width(line) + width(t) > max) {
      lines.push(line);
      line = '';
    }
    line += t;
  }
  if (line) lines.push(line);
  return lines;
}

/** Split a word of a header over two lines as narrow PDF columns do ("商业企" / "业"). */
function splitWord(s: string, rand: Rand): [string, string] {
  if ([...s].length < 3 || rand() < 0.4) return [s, ''];
  const at = Math.ceil([...s].length / 2) + (rand() < 0.5 ? 0 : 1);
  return [[...s].slice(0, at).join(''), [...s].slice(at).join('')];
}

class PdfPage {
  readonly lines: string[] = [];
  private onPage = 0;
  private page = 1;
  constructor(private readonly rand: Rand, private readonly perPage: number) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.onPage += 1;
      if (this.onPage < this.perPage) continue;
      // The footer of the page, then (sometimes) a form feed before the next.
      this.lines.push('', `${' '.repeat(30 + Math.floor(this.rand() * 12))}-${this.page}-`);
      this.page += 1;
      this.onPage = 0;
      if (this.rand() < 0.4) this.lines.push('\f');
    }
  }
}

function pdfTable(table: Table, page: PdfPage, rand: Rand): void {
  const grid = expand(table.body);
  const labelWidth = table.labelColumns === 3 ? 36 : table.labelColumns === 1 ? 20 : 0;
  const valueWidth = table.labelColumns === 0 ? 6 : 9;
  const valueLine = (cells: (Cell | null)[]): string =>
    cells
      .filter((c): c is Cell => c !== null && !c.label)
      .map((c) => c.text.padStart(Math.max(c.text.length, 3)).padEnd(valueWidth))
      .join('')
      .trimEnd();

  // Header: words of the header rows on two or three lines, long ones split.
  for (const row of table.header) {
    const top: string[] = [];
    const bottom: string[] = [];
    for (const c of row) {
      if (c.text.length > 20) {
        const [a, b] = [c.text.slice(0, 20), c.text.slice(20)];
        top.push(pad(a, 2 * 21));
        bottom.push(pad(b, 2 * 21));
        continue;
      }
      const [a, b] = splitWord(c.text, rand);
      top.push(pad(a, 10 * (c.colspan ?? 1)));
      bottom.push(pad(b, 10 * (c.colspan ?? 1)));
    }
    page.push(top.join('').trimEnd());
    if (bottom.join('').trim()) page.push(bottom.join('').trimEnd());
    page.push('');
  }

  // Tall merged labels (三、本年度办理结果, （三）不予公开 …): printed down the left, a character or a few per line.
  const vertical = new Map<number, string[]>();
  grid.forEach((row, r) => {
    row.forEach((c, i) => {
      if (!c || !c.label || (c.rowspan ?? 1) < 3) return;
      const chars = [...c.text];
      const chunk = i === 0 ? 1 : Math.ceil(chars.length / 2);
      for (let k = 0, at = r; k < chars.length; k += chunk, at += 1) {
        const list = vertical.get(Math.min(at, r + (c.rowspan ?? 1) - 1)) ?? [];
        list.push(`${' '.repeat(i * 6)}${chars.slice(k, k + chunk).join('')}`);
        vertical.set(Math.min(at, r + (c.rowspan ?? 1) - 1), list);
      }
    });
  });

  grid.forEach((row, r) => {
    const labels = row.filter((c, i): c is Cell => c !== null && c.label === true && (c.rowspan ?? 1) < 3 && i < Math.max(table.labelColumns, 1));
    const indent = Math.max(0, row.findIndex((c) => c !== null && c.label === true && (c.rowspan ?? 1) < 3)) * 6;
    const text = labels.map((c) => c.text).join(' ');
    const values = valueLine(row);
    // A character of the outermost tall label either stands on its own line or starts the row's line ("本   2.其他…").
    let prefix = '';
    for (const v of vertical.get(r) ?? []) {
      if (!prefix && text && !v.startsWith(' ') && rand() < 0.5) prefix = v;
      else page.push(v, '');
    }
    const lead = (line: string): string => (prefix ? prefix + line.slice(Math.min(width(prefix), line.length - line.trimStart().length)) : line);
    if (!text) {
      page.push(values);
      page.push('');
      return;
    }
    const pieces = wrap(text, labelWidth - indent - 2);
    if (!values) {
      pieces.forEach((p, i) => page.push(i === 0 ? lead(' '.repeat(indent) + p) : ' '.repeat(indent) + p));
      page.push('');
      return;
    }
    if (pieces.length === 1) {
      page.push(lead(pad(' '.repeat(indent) + pieces[0], labelWidth) + values));
    } else {
      // A wrapped label pushes its numbers onto a line of their own: between its lines, or after them.
      const at = rand() < 0.6 ? 1 : pieces.length;
      pieces.forEach((p, i) => {
        if (i === at) page.push(' '.repeat(labelWidth) + values);
        page.push(i === 0 ? lead(' '.repeat(indent) + p) : ' '.repeat(indent) + p);
      });
      if (at === pieces.length) page.push(' '.repeat(labelWidth) + values);
    }
    page.push('');
  });
}

function pdf(parts: Block[], rand: Rand): string {
  const page = new PdfPage(rand, 40 + Math.floor(rand() * 10));
  for (const b of parts) {
    if (b.kind === 'title') {
      page.push(`${' '.repeat(8)}${b.text}`);
      page.push('');
    } else if (b.kind === 'heading') {
      page.push(`    ${b.text}`);
    } else if (b.kind === 'paragraph') {
      wrap(`${INDENT}${b.text}`, 60).forEach((l) => page.push(`  ${l}`));
    } else if (b.table) {
      page.push('');
      pdfTable(b.table, page, rand);
      page.push('');
    }
  }
  return `${page.lines.join('\n').trimEnd()}\n`;
}

/** The file extension each layout is saved with (the CLI picks its reader by it). */
export const LAYOUT_EXTENSION: Record<Layout, string> = { 'web-text': '.txt', html: '.html', markdown: '.md', pdf: '.txt' };

/** The report as a published text in the given layout. */
export function renderPublished(report: ReportData, layout: Layout, options: RenderOptions = {}): string {
  const rand = seeded(options.seed ?? 1);
  const draft = draftNarrative(report);
  const cells = { ...draft.cells, ...(options.cells ?? {}) };
  const parts = blocks(draft, cells, options, rand);
  if (layout === 'web-text') return webText(parts, rand, options);
  if (layout === 'html') return html(parts, options);
  if (layout === 'markdown') return markdown(parts);
  return pdf(parts, rand);
}

/** Report data typed from the published seeds and fixtures, kept in the repo (numbers only). */
export const FACT_SETS = [
  { name: 'seed 000', file: 'seeds/000.json', format: '2021' },
  { name: 'seed 004', file: 'seeds/004.json', format: '2021' },
  { name: 'fixture 001', file: 'reports/001/expected.json', format: '2021' },
  { name: 'fixture 002', file: 'reports/002/expected.json', format: '2019' },
  { name: 'fixture 003', file: 'reports/003/expected.json', format: '2019' },
] as const;

/** test/fixtures, from the source tree or from a compiled copy under build/<name>/test/helpers (benchmarks, scripts). */
const FACTS_DIR = [path.resolve(__dirname, '../fixtures'), path.resolve(__dirname, '../../../../test/fixtures')].find((d) => existsSync(d)) ?? '';

export function factSet(file: string): ReportData {
  const parsed = parseReportData(JSON.parse(readFileSync(path.join(FACTS_DIR, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return parsed.report;
}

export interface RenderedCase {
  name: string;
  /** What the text is: fact set and layout (not a file). */
  source: string;
  layout: Layout;
  /** The text as the importer reads it: markup already stripped the way the CLI does for its extension. */
  text: string;
  /** The text as saved (HTML, Markdown or plain). */
  raw: string;
  expected: ReportData;
  format: '2021' | '2019';
}

/**
 * Every fact set in every layout, label variants on every other one, the table lead-ins left out (see leadIn).
 * The same shape as the corpus cases of test/import/cases.ts, so one test body serves both.
 */
export function renderedCases(): RenderedCase[] {
  return FACT_SETS.flatMap((set, i) =>
    LAYOUTS.map((layout, j) => {
      const expected = factSet(set.file);
      const raw = renderPublished(expected, layout, { seed: 10 * i + j + 1, variants: (i + j) % 2 === 1, leadIn: false });
      return { name: `${set.name} as ${layout}`, source: `${set.file} (${layout})`, layout, text: plainText(raw, LAYOUT_EXTENSION[layout]), raw, expected, format: set.format };
    }),
  );
}
