/**
 * The page as a browser copies it (select all, copy): what Chromium puts on the clipboard as plain text. Paragraphs
 * and headings on lines of their own with a blank line after a paragraph, table rows on lines, cells separated by
 * TABs, an empty cell an empty field — except at the start of a row, where Chromium's copy drops empty cells (the
 * row shifts left, and a row of empty cells leaves no line at all) — and a `<br>` inside a cell a line break. Checked against Chromium itself in browser.test.ts.
 */
import { breakLabel, type HtmlOptions } from './html';
import { rowsOf, type Grid } from './official';
import type { Page } from './page';

function tableText(grid: Grid, o: HtmlOptions): string {
  return rowsOf(grid)
    .map((cells) => {
      const texts = cells.map((c) => (o.breaks && !c.key ? breakLabel(c.text).join('\n') : c.text));
      while (texts.length > 0 && texts[0] === '') texts.shift();
      return texts.join('\t');
    })
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * A page whose cells are paragraphs (`<td><p>…</p></td>`, as Word and site editors write them): Chromium copies
 * every cell as a paragraph of its own, an empty cell (`&nbsp;`) as a line holding a no-break space, and no TABs.
 */
function paragraphCells(grid: Grid, o: HtmlOptions): string {
  return rowsOf(grid)
    .flatMap((cells) => cells.map((c) => `${c.text === '' ? '\u00a0' : o.breaks && !c.key ? breakLabel(c.text).join('\n') : c.text}\n\n`))
    .join('');
}

export function browserText(page: Page, o: HtmlOptions): string {
  const out: string[] = [];
  for (const block of page.blocks) {
    if (block.kind === 'heading' && block.level === 0) out.push(`${block.text}\n`);
    else if (block.kind === 'heading' || block.kind === 'paragraph') out.push(`${block.text}\n\n`);
    else {
      for (const grid of block.grids) {
        const caption = grid.cols === 5 ? rowsOf(grid)[0][0].text : '';
        if (caption) out.push(`${caption}\n\n`);
        const body = caption ? { ...grid, cells: grid.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 })), rows: grid.rows - 1 } : grid;
        out.push(o.messy ? `\u00a0\n\n${paragraphCells(body, o)}\u00a0\n\n` : `${tableText(body, o)}\n`);
      }
    }
  }
  return out.join('').replace(/\n+$/, '');
}
