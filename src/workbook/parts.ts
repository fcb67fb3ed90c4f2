/**
 * The workbook-level parts of an .xlsx: where the workbook part is, its sheets (names, visibility, parts) and defined
 * names, the shared strings, and which cell styles show numbers as dates.
 */
import { LIMITS, type Limits } from './limits';
import { decodePart, elementSpan, parseXml, unescapeOoxml } from './xml';
import { WorkbookRefusal, type ZipArchive } from './zip';

export interface SheetEntry {
  name: string;
  /** The part holding its cells, or null for a chart sheet or a sheet whose part is missing. */
  part: string | null;
  hidden: boolean;
}

export interface WorkbookPart {
  path: string;
  sheets: SheetEntry[];
  /** Defined names (workbook-wide; a sheet-local name only where no workbook-wide one has its name) → reference text. */
  names: Map<string, string>;
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Resolve a relationship target against the folder of the part that names it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const path = relsPath(part);
  const out = new Map<string, Relationship>();
  if (!zip.has(path)) return out;
  parseXml(path, decodePart(zip.read(path)), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target !== undefined) out.set(a.Id, { type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
    },
  });
  return out;
}

function workbookPath(zip: ZipArchive): string {
  const rels = readRels(zip, '');
  for (const r of rels.values()) if (REL_OFFICE_DOCUMENT.test(r.type) && !r.external) return resolveTarget('', r.target);
  return 'xl/workbook.xml';
}

export function readWorkbookPart(zip: ZipArchive, limits: Limits = LIMITS): WorkbookPart {
  const path = workbookPath(zip);
  if (!zip.has(path)) throw new WorkbookRefusal(`工作簿缺少主体部件“${path}”，文件已损坏；请在 Excel 或 WPS 中打开后重新保存`);
  const rels = readRels(zip, path);
  const sheets: SheetEntry[] = [];
  const global = new Map<string, string>();
  const local = new Map<string, string>();
  let date1904 = false;
  let name: { name: string; local: boolean } | null = null;
  let nameText = '';
  let count = 0;
  parseXml(path, decodePart(zip.read(path)), {
    open(el, a) {
      if (el === 'sheet') {
        const rId = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
        const rel = rId ? rels.get(rId) : undefined;
        const isWorksheet = rel ? /\/worksheet$/.test(rel.type) : false;
        const part = rel && isWorksheet && !rel.external ? resolveTarget(path, rel.target) : null;
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, part: part && zip.has(part) ? part : null, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      } else if (el === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (el === 'definedName') {
        count += 1;
        if (count > limits.maxNames) throw new WorkbookRefusal(`工作簿定义了超过 ${limits.maxNames} 个名称，疑似异常文件，已拒绝读取`);
        name = { name: a.name ?? '', local: a.localSheetId !== undefined };
        nameText = '';
      }
    },
    text(t) {
      if (name) nameText += t;
    },
    close(el) {
      if (el === 'definedName' && name) {
        const map = name.local ? local : global;
        if (!map.has(name.name)) map.set(name.name, nameText);
        name = null;
      }
    },
  });
  for (const [k, v] of local) if (!global.has(k)) global.set(k, v);
  const target = (re: RegExp): string | null => {
    for (const r of rels.values()) if (re.test(r.type) && !r.external) return resolveTarget(path, r.target);
    return null;
  };
  const sst = target(/\/sharedStrings$/);
  const styles = target(/\/styles$/);
  return { path, sheets, names: global, date1904, sharedStrings: sst && zip.has(sst) ? sst : null, styles: styles && zip.has(styles) ? styles : null };
}

/** The shared strings, rich text runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(zip: ZipArchive, path: string, limits: Limits = LIMITS): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(path, decodePart(zip.read(path)), {
    open(el, _a, selfClosing) {
      // Self-closing elements are closed by the parser too.
      if (el === 'si') current = [];
      else if (el === 'rPh') phonetic += 1;
      else if (el === 't' && current && phonetic === 0 && !selfClosing) inText = true;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
    close(el) {
      if (el === 't') inText = false;
      else if (el === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (el === 'si' && current) {
        out.push(unescapeOoxml(current.join('')));
        current = null;
        if (out.length > limits.maxStrings) throw new WorkbookRefusal(`工作簿的共享字符串超过 ${limits.maxStrings} 个，疑似异常文件，已拒绝读取`);
      }
    },
  });
  return out;
}

/** Built-in number formats that show a date or time (14–22, 45–47; 27–36 and 50–58 in Chinese, Japanese, Korean). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a format code shows a date or time: y, m, d, h, s or 年月日时分秒 outside quotes, escapes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs年月日时分秒]/i.test(bare);
}

/** The indexes of the cell formats (the `s` of a cell) that show numbers as dates. */
export function readDateStyles(zip: ZipArchive, path: string): Set<number> {
  const text = decodePart(zip.read(path));
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  // Only these two elements matter, and a styles part can be large: parse just them.
  const fmts = elementSpan(text, 'numFmts');
  if (fmts) {
    parseXml(path, text.slice(fmts.start, fmts.end), {
      open(el, a) {
        if (el === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      },
    });
  }
  const xfs = elementSpan(text, 'cellXfs');
  if (xfs) {
    let index = 0;
    parseXml(path, text.slice(xfs.start, xfs.end), {
      open(el, a) {
        if (el !== 'xf') return;
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormatCode(code) : builtInDate(id)) dates.add(index);
        index += 1;
      },
    });
  }
  return dates;
}
