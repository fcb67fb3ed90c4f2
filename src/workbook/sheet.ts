/**
 * One worksheet part read into cells and merged areas. Every cell value is read as the spreadsheet program saved it:
 * a formula by its cached result (a cached 0 is 0), a date as a date, and anything that cannot be read exactly (an
 * unknown cell type, a number written in a form Excel does not write, a text whose shared string is missing) as an
 * unreadable value that says what was found — never as a guess.
 */
import type { GridCellInput, GridValue, MergedArea } from '../core/grid/grid';
import { LIMITS, type Limits } from './limits';
import { elementSpan, parseXml, unescapeOoxml } from './xml';
import { WorkbookRefusal } from './zip';

export interface SheetContext {
  part: string;
  /** The shared strings, or null when the workbook has none (then every shared-string cell is unreadable). */
  strings: readonly string[] | null;
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
  limits?: Limits;
  /** Cells read so far in this workbook (for the bound over all sheets); updated. */
  budget: { cells: number };
}

export interface ParsedSheet {
  cells: GridCellInput[];
  merges: MergedArea[];
  /** Problems with the part as a whole, in Chinese (e.g. text cells without shared strings). */
  problems: string[];
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
/** A decimal number as spreadsheet programs write it in `<v>`: no hex, no spaces, no thousands separators. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** `B12` → 0-based row and column; null when it is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `A1:C3` (or `A1`) → a merged area; null when malformed. */
export function parseArea(ref: string): MergedArea | null {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** An Excel serial date (days since 1899-12-30, or since 1904-01-01) as a Date. */
function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400000));
}

function unreadable(what: string): GridValue {
  return { unreadable: what };
}

interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  v: string | null;
  f: string | null;
  inline: string | null;
}

function cellValue(c: RawCell, ctx: SheetContext, problems: Set<string>): GridValue {
  const { v, f, type } = c;
  switch (type) {
    case 's': {
      if (v === null) return null;
      const i = Number(v);
      if (!ctx.strings) {
        problems.add('工作簿缺少共享字符串部件（xl/sharedStrings.xml），其中的文字都无法读出；文件可能由不规范的程序生成，请在 Excel 或 WPS 中打开后重新保存');
        return unreadable(`一段文字（共享字符串第 ${v} 项），但工作簿缺少共享字符串部件，无法读出`);
      }
      if (!Number.isInteger(i) || i < 0 || i >= ctx.strings.length) return unreadable(`一段文字（共享字符串第 ${v} 项），但工作簿里没有这一项，无法读出`);
      return ctx.strings[i];
    }
    case 'inlineStr':
      return c.inline ?? (v !== null ? unescapeOoxml(v) : null);
    case 'str':
      if (v === null) return f !== null ? { formula: f } : null;
      return unescapeOoxml(v);
    case 'b':
      if (v === null) return f !== null ? { formula: f } : null;
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      return unreadable(`逻辑值“${v}”`);
    case 'e':
      return v === null ? null : { error: v.trim() };
    case 'd': {
      if (v === null) return f !== null ? { formula: f } : null;
      const d = new Date(v.trim());
      return Number.isNaN(d.getTime()) ? unreadable(`日期“${v}”`) : d;
    }
    case 'n':
    case '': {
      if (v === null || v.trim() === '') return f !== null ? { formula: f } : null;
      const t = v.trim();
      if (!DECIMAL.test(t)) return unreadable(`数值“${t.length > 20 ? `${t.slice(0, 19)}…` : t}”（不是 Excel 保存数字的写法）`);
      const n = Number(t);
      return ctx.dateStyles.has(c.style) && Number.isFinite(n) ? serialDate(n, ctx.date1904) : n;
    }
    default:
      return unreadable(`单元格类型“${type.slice(0, 10)}”无法识别${v !== null ? `（内容“${v.slice(0, 20)}”）` : ''}`);
  }
}

/** Read one sheet part's text: its cells (values only, not styles) and merged areas. */
export function parseSheet(text: string, ctx: SheetContext): ParsedSheet {
  const limits = ctx.limits ?? LIMITS;
  const cells: GridCellInput[] = [];
  const merges: MergedArea[] = [];
  const problems = new Set<string>();

  const data = elementSpan(text, 'sheetData');
  if (data) {
    let row = -1;
    let col = -1;
    let cell: RawCell | null = null;
    /** Which child's text we are in: v, f, or t inside is (inline string). */
    let into: 'v' | 'f' | 't' | null = null;
    let inInline = false;
    let phonetic = 0;
    let buf = '';
    parseXml(ctx.part, text.slice(data.start, data.end), {
      open(el, a) {
        if (el === 'row') {
          const r = a.r !== undefined ? Number(a.r) : row + 2;
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw new WorkbookRefusal(`工作簿已损坏：部件“${ctx.part}”中有行号“${a.r}”超出范围`);
          row = r - 1;
          col = -1;
        } else if (el === 'c') {
          // The address may be left out: the cell then follows the previous one in its row.
          const at = a.r !== undefined ? parseRef(a.r) : { row: Math.max(row, 0), col: col + 1 };
          if (!at || at.row >= MAX_ROW || at.col >= MAX_COL) throw new WorkbookRefusal(`工作簿已损坏：部件“${ctx.part}”中有单元格地址“${a.r}”无法识别`);
          col = at.col;
          cell = { row: at.row, col: at.col, type: a.t ?? '', style: a.s !== undefined ? Number(a.s) : 0, v: null, f: null, inline: null };
        } else if (cell) {
          if (el === 'v' || el === 'f') {
            into = el;
            buf = '';
          } else if (el === 'is') {
            inInline = true;
            cell.inline = '';
          } else if (el === 'rPh') phonetic += 1;
          else if (el === 't' && inInline && phonetic === 0) {
            into = 't';
            buf = '';
          }
        }
      },
      text(t) {
        if (into) buf += t;
      },
      close(el) {
        if (!cell) return;
        if (el === 'v' && into === 'v') {
          cell.v = buf;
          into = null;
        } else if (el === 'f' && into === 'f') {
          cell.f = buf;
          into = null;
        } else if (el === 't' && into === 't') {
          cell.inline = (cell.inline ?? '') + unescapeOoxml(buf);
          into = null;
        } else if (el === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (el === 'is') inInline = false;
        else if (el === 'c') {
          const value = cellValue(cell, ctx, problems);
          if (value !== null && value !== '') {
            ctx.budget.cells += 1;
            if (ctx.budget.cells > limits.maxCells) throw new WorkbookRefusal(`工作簿中有数据的单元格超过 ${limits.maxCells} 个，年报不会这样大，疑似异常文件，已拒绝读取`);
            cells.push({ row: cell.row, col: cell.col, value });
          }
          cell = null;
        }
      },
    });
  }

  const mergeSpan = elementSpan(text, 'mergeCells');
  if (mergeSpan) {
    parseXml(ctx.part, text.slice(mergeSpan.start, mergeSpan.end), {
      open(el, a) {
        if (el !== 'mergeCell' || !a.ref) return;
        const area = parseArea(a.ref);
        if (!area) return;
        merges.push(area);
        if (merges.length > limits.maxMerges) throw new WorkbookRefusal(`工作表的合并单元格超过 ${limits.maxMerges} 处，疑似异常文件，已拒绝读取`);
      },
    });
  }
  return { cells, merges, problems: [...problems] };
}
