/**
 * The layout corpus: report texts drafted by our own draft code from generated report data, laid out as they reach
 * a supervisor. Each layout renders a case to the bytes a supervisor would hold (a text, a web page, Markdown); the
 * PDF layouts (pdf.ts) need LibreOffice and poppler and are made apart.
 */
import { draftToMarkdown, draftToText } from '../../../src/core';
import { browserText } from './browser';
import type { LayoutCase } from './data';
import { pageHtml, type HtmlOptions } from './html';
import { converterMarkdown } from './markdown';
import { pageOf } from './page';

export interface Rendered {
  /** The file's extension: how a reader would open it. */
  ext: '.txt' | '.html' | '.md';
  content: string;
}

export interface Layout {
  name: string;
  /** What the layout is, in a line. */
  what: string;
  render(c: LayoutCase): Rendered;
}

const simple = (c: LayoutCase): HtmlOptions => ({ messy: false, layoutTable: false, breaks: c.rand() < 0.5 });
const messy = (c: LayoutCase): HtmlOptions => ({ messy: true, layoutTable: c.rand() < 0.5, breaks: c.rand() < 0.5 });

export const LAYOUTS: readonly Layout[] = [
  { name: 'browser-tsv', what: 'table copied from a browser (TABs, empty fields)', render: (c) => ({ ext: '.txt', content: browserText(pageOf(c), simple(c)) }) },
  {
    name: 'browser-tsv-t4-split',
    what: 'browser copy, table 四 as three 5-column tables',
    render: (c) => ({ ext: '.txt', content: browserText(pageOf(c, 'split'), simple(c)) }),
  },
  {
    name: 'browser-copy-word',
    what: 'browser copy of a page whose cells are paragraphs: a cell a line, no TABs',
    render: (c) => ({ ext: '.txt', content: browserText(pageOf(c, c.rand() < 0.5 ? 'official' : 'split'), { messy: true, layoutTable: false, breaks: c.rand() < 0.5 }) }),
  },
  { name: 'html', what: 'saved web page, official merged tables', render: (c) => ({ ext: '.html', content: pageHtml(pageOf(c), messy(c), c.rand) }) },
  { name: 'html-t4-split', what: 'saved web page, table 四 as three tables', render: (c) => ({ ext: '.html', content: pageHtml(pageOf(c, 'split'), messy(c), c.rand) }) },
  { name: 'converter-md', what: 'converter Markdown: group tables, generic and wrong headers', render: (c) => ({ ext: '.md', content: converterMarkdown(pageOf(c), c.rand) }) },
  {
    name: 'fused',
    what: 'a page with no separators between cells',
    render: (c) => ({ ext: '.txt', content: browserText(pageOf(c), simple(c)).replace(/\t/g, '') }),
  },
  { name: 'draft-txt', what: 'our draft command, .txt', render: (c) => ({ ext: '.txt', content: draftToText(pageOf(c).draft) }) },
  { name: 'draft-md', what: 'our draft command, .md', render: (c) => ({ ext: '.md', content: draftToMarkdown(pageOf(c).draft) }) },
];
