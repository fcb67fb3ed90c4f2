/**
 * Web pages read as the importer's document (src/text/html.ts): every data table a grid of cells with rowspan and
 * colspan resolved, empty cells kept in their column; running text as a browser lays it out; tables that lay out
 * the page read through; scripts, styles and hidden parts dropped; hostile spans bounded.
 */
import { htmlDocument, looksLikeHtml } from '../../src/text';
import type { SourceTable } from '../../src/core/importText';
import { layoutCase } from '../import/layouts/data';
import { tableHtml } from '../import/layouts/html';
import { t3Grid, t4Grids, type Grid } from '../import/layouts/official';

const tables = (html: string): SourceTable[] =>
  htmlDocument(html).blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

/** The grid's cells as the reader should give them back: text, column and spans, row by row. */
function expectedCells(grid: Grid): string[] {
  return [...grid.cells]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => `${c.row}:${c.col}:${c.colSpan ?? 1}x${c.rowSpan ?? 1}:${c.text}`);
}

function readCells(table: SourceTable): string[] {
  return table.rows.flatMap((row, r) => row.cells.map((c) => `${r}:${c.col}:${c.colSpan ?? 1}x${c.rowSpan ?? 1}:${c.text}`));
}

describe('official tables as web pages', () => {
  const c = layoutCase(3);
  const printed = (key: string): string => String(c.expected[key]);
  const grids: [string, Grid][] = [
    ['table 三', t3Grid(printed)],
    ['table 四, official header', t4Grids(printed, 'official')[0]],
  ];

  test.each(grids)('%s: every cell in its grid column, with its spans, plain or as Word writes it', (_name, grid) => {
    for (const messy of [false, true]) {
      const [table] = tables(tableHtml(grid, { messy, layoutTable: false, breaks: false }));
      expect(table.grid).toBe(true);
      expect(readCells(table)).toEqual(expectedCells(grid));
    }
  });

  test('an empty cell keeps its column, whatever it holds (&nbsp;, <p><br></p>, spaces)', () => {
    const [table] = tables('<table><tr><td rowspan="2">a</td><td>1</td><td>&nbsp;</td><td>3</td></tr><tr><td><p><br></p></td><td> </td><td>6</td></tr></table>');
    expect(readCells(table)).toEqual(['0:0:1x2:a', '0:1:1x1:1', '0:2:1x1:', '0:3:1x1:3', '1:1:1x1:', '1:2:1x1:', '1:3:1x1:6']);
  });
});

describe('the page around the tables', () => {
  const page = [
    '<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style><script>var x = "<td>9</td>";</script></head><body>',
    '<table class="layout"><tr><td><div class="nav">首页 &gt; 年报</div></td></tr><tr><td>',
    '<h1>某某县人民政府办公室2024年政府信息公开工作年度报告</h1><p>第一段&nbsp;文字<br>第二行</p>',
    '<table><tr><th>信息内容</th><th>本年处理决定数量</th></tr><tr><td>行政许可</td><td>12</td></tr></table>',
    '<p style="display:none">隐藏的 99</p><div hidden>也隐藏 98</div><!-- 注释 97 -->',
    '</td></tr></table></body></html>',
  ].join('');
  const doc = htmlDocument(page);
  const text = doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('');

  test('a table holding tables is read through; the data table inside is a table', () => {
    const found = doc.blocks.filter((b) => b.kind === 'table');
    expect(found).toHaveLength(1);
    const [table] = tables(page);
    expect(readCells(table)).toEqual(['0:0:1x1:信息内容', '0:1:1x1:本年处理决定数量', '1:0:1x1:行政许可', '1:1:1x1:12']);
    expect(table.rows[0].cells[0].header).toBe(true);
  });

  test('text as a browser lays it out: blocks on lines, <br> a line break, entities decoded', () => {
    expect(text).toContain('首页 > 年报\n');
    expect(text).toContain('某某县人民政府办公室2024年政府信息公开工作年度报告\n第一段\u00a0文字\n第二行\n');
  });

  test('scripts, styles, the head, comments and hidden parts are not text', () => {
    for (const gone of ['<td>9</td>', 'color:red', '标题', '隐藏', '97']) expect(text).not.toContain(gone);
  });

  test('a page is told from a text', () => {
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml('  <table><tr><td>1</td></tr></table>')).toBe(true);
    expect(looksLikeHtml('某某县人民政府办公室 2024 年 <注>')).toBe(false);
  });
});

describe('hostile markup', () => {
  test('huge spans are bounded and the page is still read', () => {
    const start = Date.now();
    const [table] = tables('<table><tr><td colspan="99999999" rowspan="99999999">x</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(Date.now() - start).toBeLessThan(5000);
    expect(table.rows[0].cells[0].colSpan).toBeLessThanOrEqual(1000);
    expect(table.rows[1].cells[0].text).toBe('2');
  });

  test('unclosed and misnested tags do not throw', () => {
    expect(() => htmlDocument('<table><tr><td>1<td>2<tr><td><b>3</table></i><p>尾')).not.toThrow();
    const [table] = tables('<table><tr><td>1<td>2<tr><td>3</table>');
    expect(readCells(table)).toEqual(['0:0:1x1:1', '0:1:1x1:2', '1:0:1x1:3']);
  });
});
