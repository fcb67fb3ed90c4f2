/**
 * A saved web page as the importer's document: running text as a browser lays it out (blocks on their own lines,
 * `<br>` a line break, scripts, styles and hidden parts dropped), and every data `<table>` as a grid of cells with
 * rowspan and colspan resolved, so that an empty `<td>` keeps its column. Tables that only lay out the page (a table
 * holding other tables) are read through. Parsed with htmlparser2 (pure JavaScript): runs in Node and in a browser
 * Web Worker alike, with no DOM.
 */
import { parseDocument } from 'htmlparser2';
import type { SourceBlock, SourceCell, SourceDocument, SourceRow } from '../core/importText';

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
interface Element {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: Node[];
}

const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'title', 'iframe', 'object', 'svg', 'button', 'select', 'input', 'textarea']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'ul',
]);
/** Most cells a table may claim: keeps a hostile colspan or rowspan from building a huge grid. */
const MAX_SPAN = 1000;
const MAX_GRID_CELLS = 200_000;

function isElement(node: Node): node is Node & Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function isHidden(el: Element): boolean {
  if ('hidden' in el.attribs) return true;
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** Text of a subtree as a browser renders it: whitespace collapsed, block boundaries and `<br>` as line breaks. */
class TextSink {
  private parts: string[] = [];
  private pendingSpace = false;

  text(s: string, pre: boolean): void {
    if (pre) {
      this.flushSpace();
      this.parts.push(s);
      return;
    }
    const collapsed = s.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === '') return;
    const startsSpace = collapsed.startsWith(' ');
    const body = collapsed.trim();
    if (startsSpace && !this.atLineStart()) this.pendingSpace = true;
    if (body === '') return;
    this.flushSpace();
    this.parts.push(body);
    if (collapsed.endsWith(' ')) this.pendingSpace = true;
  }

  lineBreak(): void {
    this.pendingSpace = false;
    this.parts.push('\n');
  }

  /** A block boundary: a line break unless the text is already at a line start. */
  block(): void {
    this.pendingSpace = false;
    if (!this.atLineStart()) this.parts.push('\n');
  }

  take(): string {
    const out = this.parts.join('');
    this.parts = [];
    this.pendingSpace = false;
    return out;
  }

  private atLineStart(): boolean {
    const last = this.parts[this.parts.length - 1];
    return last === undefined || last.endsWith('\n');
  }

  private flushSpace(): void {
    if (this.pendingSpace && !this.atLineStart()) this.parts.push(' ');
    this.pendingSpace = false;
  }
}

/** The table's own rows: those of its thead, tbody and tfoot and its direct tr, not those of nested tables. */
function rowsOf(table: Element): { tr: Element; head: boolean }[] {
  const out: { tr: Element; head: boolean }[] = [];
  const visit = (el: Element, head: boolean): void => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') out.push({ tr: child, head });
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child, head || child.name === 'thead');
    }
  };
  visit(table, false);
  return out;
}

function cellsOfRow(tr: Element): Element[] {
  return tr.children.filter((c): c is Node & Element => isElement(c) && (c.name === 'td' || c.name === 'th') && !isHidden(c));
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.name === 'table' || containsTable(c)));
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

class Reader {
  readonly blocks: SourceBlock[] = [];
  private sink = new TextSink();

  private flush(): void {
    const text = this.sink.take();
    if (text.trim() !== '') this.blocks.push({ kind: 'text', text });
  }

  walk(nodes: readonly Node[], pre = false): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        this.sink.text((node as unknown as { data: string }).data, pre);
        continue;
      }
      if (!isElement(node)) continue;
      const name = node.name.toLowerCase();
      if (SKIPPED.has(name) || isHidden(node)) continue;
      if (name === 'br') {
        this.sink.lineBreak();
        continue;
      }
      if (name === 'table') {
        this.table(node);
        continue;
      }
      const block = BLOCKS.has(name) || name === 'tr';
      if (block) this.sink.block();
      this.walk(node.children, pre || name === 'pre');
      if (block) this.sink.block();
    }
  }

  private table(table: Element): void {
    this.sink.block();
    const caption = table.children.find((c): c is Node & Element => isElement(c) && c.name === 'caption');
    if (caption) {
      this.walk(caption.children);
      this.sink.block();
    }
    const rows = rowsOf(table);
    // A table that holds tables lays out the page: read its cells as the page's blocks, row by row.
    if (rows.some(({ tr }) => cellsOfRow(tr).some((cell) => containsTable(cell)))) {
      for (const { tr } of rows) {
        for (const cell of cellsOfRow(tr)) {
          this.sink.block();
          this.walk(cell.children);
          this.sink.block();
        }
      }
      return;
    }
    this.flush();
    const out: SourceRow[] = [];
    const taken: Set<number>[] = [];
    let budget = MAX_GRID_CELLS;
    rows.forEach(({ tr, head }, r) => {
      const cells: SourceCell[] = [];
      const occupied = (taken[r] ??= new Set());
      let col = 0;
      for (const td of cellsOfRow(tr)) {
        while (occupied.has(col)) col += 1;
        const colSpan = span(td.attribs.colspan);
        const rowSpan = Math.min(span(td.attribs.rowspan), rows.length - r);
        budget -= colSpan * rowSpan;
        if (budget < 0) break;
        for (let dr = 0; dr < rowSpan; dr += 1) {
          const set = (taken[r + dr] ??= new Set());
          for (let dc = 0; dc < colSpan; dc += 1) set.add(col + dc);
        }
        this.walk(td.children);
        const text = this.sink.take().trim();
        cells.push({
          text,
          col,
          ...(colSpan > 1 ? { colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          ...(td.name === 'th' ? { header: true } : {}),
        });
        col += colSpan;
      }
      out.push(head ? { cells, header: true } : { cells });
    });
    if (out.length > 0) this.blocks.push({ kind: 'table', table: { grid: true, rows: out } });
  }

  finish(): SourceDocument {
    this.flush();
    return { blocks: this.blocks };
  }
}

/** The page's text and tables, in reading order. */
export function htmlDocument(html: string): SourceDocument {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const reader = new Reader();
  reader.walk(dom.children);
  return reader.finish();
}

/** Whether a text file holds a web page rather than text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b/i.test(text);
}
