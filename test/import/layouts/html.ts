/**
 * The report as a saved web page: real `<table>` markup with the official merged headers (rowspan, colspan), in the
 * shapes government sites and Word's "save as web page" produce — cells wrapped in `<p>` and `<span>` with inline
 * styles, `&nbsp;` in empty cells, long labels broken with `<br>`, the article inside a layout table, a navigation
 * bar, scripts and styles around it.
 */
import type { Rand } from '../../helpers/reports';
import { rowsOf, type Grid, type GridCell } from './official';
import type { Page } from './page';

export interface HtmlOptions {
  /** Cells wrapped in <p><span style> and empty cells holding &nbsp;, as Word and site editors write them. */
  messy: boolean;
  /** The article inside a table that lays out the page. */
  layoutTable: boolean;
  /** Long row labels broken with <br>. */
  breaks: boolean;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where a long label breaks: after the first comma, as editors break 部分公开（区分处理的，…）. */
export function breakLabel(text: string): string[] {
  if (text.length < 18) return [text];
  const at = text.indexOf('，');
  return at > 0 && at < text.length - 2 ? [text.slice(0, at + 1), text.slice(at + 1)] : [text];
}

function cellHtml(cell: GridCell, o: HtmlOptions): string {
  const attrs = `${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}`;
  const lines = o.breaks && !cell.key ? breakLabel(cell.text) : [cell.text];
  const inner = lines.map(escape).join('<br>');
  if (!o.messy) return `<td${attrs}>${inner}</td>`;
  const content = inner === '' ? '&nbsp;' : `<span style="font-family:宋体;font-size:10.5pt">${inner}</span>`;
  return `<td${attrs} valign="center" style="border:1px solid #000;padding:0 5px"><p class="MsoNormal" align="center" style="text-align:center">${content}</p></td>`;
}

export function tableHtml(grid: Grid, o: HtmlOptions): string {
  const rows = rowsOf(grid).map((cells) => `<tr>${cells.map((c) => cellHtml(c, o)).join('')}</tr>`);
  const open = o.messy ? '<table border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse">' : '<table>';
  return `${open}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function pageHtml(page: Page, o: HtmlOptions, rand: Rand): string {
  const body: string[] = [];
  for (const block of page.blocks) {
    if (block.kind === 'heading') {
      body.push(block.level === 0 ? `<h1 style="text-align:center">${escape(block.text)}</h1>` : `<p style="text-indent:2em"><strong>${escape(block.text)}</strong></p>`);
    } else if (block.kind === 'paragraph') {
      body.push(o.messy ? `<p style="text-indent:2em;line-height:1.8"><span style="font-size:16px">${escape(block.text)}</span></p>` : `<p>${escape(block.text)}</p>`);
    } else {
      for (const grid of block.grids) {
        const caption = grid.cols === 5 ? rowsOf(grid)[0][0].text : '';
        if (caption) body.push(`<p>${escape(caption)}</p>`);
        // Word and site editors leave empty paragraphs around tables.
        if (o.messy) body.push('<p>&nbsp;</p>');
        body.push(tableHtml(caption ? { ...grid, cells: grid.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 })), rows: grid.rows - 1 } : grid, o));
        if (o.messy) body.push('<p class="MsoNormal">&nbsp;</p>');
      }
    }
  }
  const article = `<div class="article-content">\n${body.join('\n')}\n</div>`;
  const nav = '<div class="nav"><a href="#">首页</a> &gt; <a href="#">政府信息公开</a> &gt; <a href="#">政府信息公开年报</a></div>';
  const main = o.layoutTable
    ? `<table width="100%" class="layout"><tr><td width="20%">${nav}</td></tr><tr><td>${article}</td></tr><tr><td>发布日期：2025-01-${10 + Math.floor(rand() * 20)}</td></tr></table>`
    : `${nav}\n${article}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>',
    '<style>td { border: 1px solid #000 } .nav { font-size: 12px }</style>',
    '<script>var _hmt = _hmt || []; (function () { var s = "<td>1</td>"; _hmt.push(s); })();</script>',
    '</head><body>',
    main,
    '<div class="footer" style="display:none">网站标识码 1234567890</div>',
    '</body></html>',
  ].join('\n');
}
