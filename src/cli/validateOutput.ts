/**
 * Every .xlsx and .docx we write is opened again before it is put in place: the zip read back, every XML part parsed
 * by a strict XML 1.0 parser (saxes), numbers in worksheet cells checked to be finite decimal numbers, shared-string
 * indexes in range, sheet names valid for Excel. A file that fails is never written; the user gets the reason.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export type OfficeKind = 'xlsx' | 'docx';

export type Validation = { ok: true } | { ok: false; error: string };

const REQUIRED: Record<OfficeKind, string[]> = {
  xlsx: ['[Content_Types].xml', 'xl/workbook.xml'],
  docx: ['[Content_Types].xml', 'word/document.xml'],
};

const XML_PART = /\.(xml|rels|vml)$/i;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/** Names in the zip's central directory, in order (duplicates kept: fflate would keep only the last). */
function centralNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(p + 28, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

interface PartCheck {
  /** Called for each element opened, with its attributes (local names). */
  open?(name: string, attributes: Record<string, string>): string | null;
  text?(text: string): string | null;
  close?(name: string): string | null;
}

function parseXml(name: string, data: Uint8Array, check: PartCheck = {}): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return `部件 ${name} 不是有效的 UTF-8 文本`;
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  let problem: string | null = null;
  parser.on('opentag', (tag) => {
    if (problem || !check.open) return;
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    problem = check.open(tag.name, attrs);
  });
  parser.on('text', (t) => {
    if (!problem && check.text) problem = check.text(t);
  });
  parser.on('closetag', (tag) => {
    if (!problem && check.close) problem = check.close(tag.name);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const where = /^(\d+):(\d+):/.exec(raw);
    const what = /disallowed character|character reference/i.test(raw) ? '含有 XML 不允许的字符' : 'XML 格式有误';
    return `部件 ${name}${where ? ` 第 ${where[1]} 行第 ${where[2]} 列` : ''}${what}`;
  }
  return problem;
}

/** Worksheet cells: numbers must be finite decimals, booleans 0/1, shared-string indexes in range. */
function worksheetCheck(name: string, sharedCount: number): PartCheck {
  let type: string | null = null;
  let ref = '';
  let inValue = false;
  let value = '';
  return {
    open(tag, attrs) {
      const local = tag.replace(/^.*:/, '');
      if (local === 'c') {
        type = attrs.t ?? 'n';
        ref = attrs.r ?? '';
      } else if (local === 'v') {
        inValue = true;
        value = '';
      }
      return null;
    },
    text(t) {
      if (inValue) value += t;
      return null;
    },
    close(tag) {
      const local = tag.replace(/^.*:/, '');
      if (local !== 'v' || !inValue) return null;
      inValue = false;
      const v = value.trim();
      if (type === 'n' && (!DECIMAL.test(v) || !Number.isFinite(Number(v)))) return `部件 ${name} 的单元格 ${ref} 中的数值“${v.slice(0, 20)}”不是 Excel 能读的数`;
      if (type === 'b' && v !== '0' && v !== '1') return `部件 ${name} 的单元格 ${ref} 中的逻辑值“${v.slice(0, 20)}”无效`;
      if (type === 's' && (!/^\d+$/.test(v) || Number(v) >= sharedCount)) return `部件 ${name} 的单元格 ${ref} 引用的共享文字（${v.slice(0, 20)}）不存在`;
      return null;
    },
  };
}

function sheetNameProblem(sheetName: string, seen: Set<string>): string | null {
  if (sheetName.length === 0) return '有名称为空的工作表';
  if (sheetName.length > 31) return `工作表名称“${sheetName}”超过 31 个字符`;
  if (SHEET_NAME_FORBIDDEN.test(sheetName)) return `工作表名称“${sheetName}”含有 Excel 不允许的字符`;
  if (sheetName.startsWith("'") || sheetName.endsWith("'")) return `工作表名称“${sheetName}”以单引号开头或结尾`;
  const key = sheetName.toLocaleLowerCase('zh-CN');
  if (seen.has(key)) return `工作表名称“${sheetName}”重复`;
  seen.add(key);
  return null;
}

/** Check the bytes of an .xlsx or .docx we are about to write. Never throws. */
export function validateOfficeBytes(bytes: Uint8Array, kind: OfficeKind): Validation {
  const fail = (why: string): Validation => ({ ok: false, error: `生成的${kind === 'xlsx' ? '工作簿' : ' Word 文档'}内部格式有误（${why}），没有写入` });
  const names = centralNames(bytes);
  if (!names) return fail('zip 目录无法读取');
  if (new Set(names).size !== names.length) return fail('zip 中有重名的部件');
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return fail('zip 无法解压');
  }
  for (const required of REQUIRED[kind]) if (!parts[required]) return fail(`缺少部件 ${required}`);

  let sharedCount = 0;
  if (kind === 'xlsx') {
    const shared = parts['xl/sharedStrings.xml'];
    if (shared) {
      const problem = parseXml('xl/sharedStrings.xml', shared, {
        open: (tag) => {
          if (tag.replace(/^.*:/, '') === 'si') sharedCount += 1;
          return null;
        },
      });
      if (problem) return fail(problem);
    }
    const seen = new Set<string>();
    const problem = parseXml('xl/workbook.xml', parts['xl/workbook.xml'], {
      open: (tag, attrs) => (tag.replace(/^.*:/, '') === 'sheet' ? sheetNameProblem(attrs.name ?? '', seen) : null),
    });
    if (problem) return fail(problem);
  }
  for (const [name, data] of Object.entries(parts)) {
    if (!XML_PART.test(name) || name === 'xl/sharedStrings.xml' || name === 'xl/workbook.xml') continue;
    const check = kind === 'xlsx' && /^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? worksheetCheck(name, sharedCount) : undefined;
    const problem = parseXml(name, data, check);
    if (problem) return fail(problem);
  }
  return { ok: true };
}

/** JSON we write must read back. */
export function validateJsonText(text: string): Validation {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch {
    return { ok: false, error: '生成的 JSON 无法读回，没有写入' };
  }
}
