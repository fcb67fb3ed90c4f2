/**
 * The zip container of an untrusted .xlsx, read with bounds: the directory is checked before any part is inflated,
 * parts are inflated only when needed and never past their declared size, and every refusal is a Chinese sentence
 * saying what was found. Works on plain bytes (Node or a browser worker).
 */
import { Inflate, inflateSync } from 'fflate';
import { LIMITS, mb, type Limits } from './limits';

/** A file we refuse to read (or a part of it), with the reason in Chinese. */
export class WorkbookRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookRefusal';
  }
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

export interface ZipArchive {
  /** Part names as stored (no leading slash). */
  names: ReadonlySet<string>;
  has(name: string): boolean;
  /** The unpacked bytes of a part; throws WorkbookRefusal when the part is damaged or lies about its size. */
  read(name: string): Uint8Array;
  /** Whether the workbook carries macros (.xlsm): they are never run, only noted. */
  macros: boolean;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

function startsWith(b: Uint8Array, bytes: readonly number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

/** The bytes as a one-byte-per-character string, for searching ASCII and UTF-16 markers with indexOf. */
function byteString(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b);
}

function utf16(s: string): string {
  return [...s].map((ch) => `${ch}\u0000`).join('');
}

const utf8 = new TextDecoder('utf-8');

/** An OLE compound file is either an encrypted (password-protected) .xlsx or an old binary .xls. */
function describeOle(bytes: Uint8Array): string {
  const b = byteString(bytes);
  if (b.includes(utf16('EncryptedPackage')) || b.includes(utf16('EncryptionInfo'))) {
    return '工作簿设置了打开密码（已加密），无法读取；请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送';
  }
  if (b.includes(utf16('Workbook')) || b.includes(utf16('Book'))) {
    return '这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后重新报送';
  }
  if (b.includes(utf16('WordDocument'))) return '这是旧版 Word 文档（.doc），不是 Excel 工作簿';
  return '这是旧版 Office 复合文档，不是 .xlsx 工作簿；请另存为 Excel 工作簿（.xlsx）后重新报送';
}

function describeNonZip(b: Uint8Array): string {
  const head = byteString(b.subarray(0, 8));
  const start = utf8.decode(b.subarray(0, 64));
  if (head.startsWith('%PDF')) return '这是 PDF 文件';
  if (/^\s*<(!doctype html|html)/i.test(start)) return '这是网页（HTML）文件';
  if (/^\s*<\?xml/.test(start)) return '这是 XML 文本文件（可能是 Excel 2003 XML 表格）';
  if (head.startsWith('Rar!') || head.startsWith('7z')) return '这是 RAR/7z 压缩包';
  return '文件内容不是 Excel 工作簿（不是 zip 格式，可能已损坏或只是改了扩展名）';
}

function findEnd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i -= 1) if (u32(b, i) === ZIP_END) return i;
  return -1;
}

/** Open the container: signature, directory, declared sizes. Throws WorkbookRefusal. Nothing is inflated yet. */
export function openZip(bytes: Uint8Array, limits: Limits = LIMITS): ZipArchive {
  if (bytes.length === 0) throw new WorkbookRefusal('文件是空的（0 字节），不是 Excel 工作簿');
  if (bytes.length > limits.maxFileBytes) {
    throw new WorkbookRefusal(`文件过大（${mb(bytes.length)}），超过了 ${mb(limits.maxFileBytes)} 的上限；年报工作簿通常不到 1 MB，请确认是否发错了文件`);
  }
  if (startsWith(bytes, OLE_SIGNATURE)) throw new WorkbookRefusal(describeOle(bytes));
  if (bytes.length < 22 || u32(bytes, 0) !== ZIP_LOCAL) throw new WorkbookRefusal(`${describeNonZip(bytes)}，无法作为 .xlsx 工作簿读取`);

  const end = findEnd(bytes);
  if (end < 0) throw new WorkbookRefusal('工作簿已损坏：zip 目录缺失（文件可能没有完整下载或被截断）');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    throw new WorkbookRefusal('工作簿使用了 ZIP64 大文件结构，年报工作簿不会这样大，已拒绝读取');
  }
  if (count > limits.maxEntries) throw new WorkbookRefusal(`工作簿包含 ${count} 个部件，超过 ${limits.maxEntries} 个的上限，疑似异常文件，已拒绝读取`);
  if (dirOffset + dirSize > end) throw new WorkbookRefusal('工作簿已损坏：zip 目录位置不对（文件可能被截断）');

  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > bytes.length || u32(bytes, p) !== ZIP_CENTRAL) throw new WorkbookRefusal('工作簿已损坏：zip 目录内容不完整');
    const nameLen = u16(bytes, p + 28);
    const e: ZipEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      packed: u32(bytes, p + 20),
      unpacked: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/^\/+/, ''),
    };
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
    // Two parts under one name: which one a spreadsheet program would show is not defined, so neither is trusted.
    const key = e.name.toLowerCase();
    if (entries.has(key)) throw new WorkbookRefusal(`工作簿的部件“${e.name}”出现了两次，无法确定哪一份是真正的内容，已拒绝读取；请在 Excel 或 WPS 中打开后重新保存`);
    if (e.flags & 1) throw new WorkbookRefusal(`工作簿的部件“${e.name}”被加密，无法读取；请取消密码后重新报送`);
    if (e.unpacked > limits.maxEntryBytes) {
      throw new WorkbookRefusal(`工作簿的部件“${e.name}”解压后有 ${mb(e.unpacked)}，超过 ${mb(limits.maxEntryBytes)} 的上限，疑似“压缩炸弹”，已拒绝读取`);
    }
    if (e.unpacked > 1048576 && e.packed > 0 && e.unpacked / e.packed > limits.maxRatio) {
      throw new WorkbookRefusal(`工作簿的部件“${e.name}”压缩比异常（${Math.round(e.unpacked / e.packed)} 倍），疑似“压缩炸弹”，已拒绝读取`);
    }
    total += e.unpacked;
    entries.set(key, e);
  }
  if (total > limits.maxTotalBytes) throw new WorkbookRefusal(`工作簿解压后共 ${mb(total)}，超过 ${mb(limits.maxTotalBytes)} 的上限，疑似“压缩炸弹”，已拒绝读取`);

  const names = new Set([...entries.values()].map((e) => e.name));
  const has = (name: string): boolean => entries.has(name.replace(/^\/+/, '').toLowerCase());
  if (!has('xl/workbook.xml') && !officeDocumentDeclared(bytes, entries)) {
    if (has('word/document.xml')) throw new WorkbookRefusal('这是 Word 文档（.docx），不是 Excel 工作簿');
    if (has('ppt/presentation.xml')) throw new WorkbookRefusal('这是 PowerPoint 演示文稿，不是 Excel 工作簿');
    if (has('content.xml') && has('mimetype')) throw new WorkbookRefusal('这是 OpenDocument 表格（.ods），请另存为 Excel 工作簿（.xlsx）后重新报送');
    throw new WorkbookRefusal('这是一个 zip 压缩包，但里面没有 Excel 工作簿内容（xl/workbook.xml）');
  }
  return {
    names,
    has,
    read: (name) => {
      const e = entries.get(name.replace(/^\/+/, '').toLowerCase());
      if (!e) throw new WorkbookRefusal(`工作簿缺少部件“${name}”`);
      if (e.method !== 0 && e.method !== 8) throw new WorkbookRefusal(`工作簿的部件“${e.name}”使用了不支持的压缩方式（${e.method}），文件可能不是由 Excel 或 WPS 保存的`);
      return inflateEntry(bytes, e);
    },
    macros: has('xl/vbaProject.bin'),
  };
}

/** A workbook part named elsewhere than xl/workbook.xml is allowed: the package relationships say where it is. */
function officeDocumentDeclared(bytes: Uint8Array, entries: Map<string, ZipEntry>): boolean {
  const rels = entries.get('_rels/.rels');
  if (!rels) return false;
  try {
    return /officeDocument"[^>]*Target="[^"]*\.xml"|Target="[^"]*\.xml"[^>]*officeDocument"/.test(utf8.decode(inflateEntry(bytes, rels)));
  } catch {
    return false;
  }
}

/**
 * Below this packed size a part is inflated in one call into a buffer one byte larger than declared: fast, and what a
 * lying part can cost is bounded (the decoder runs on to the end of the data, at most about 1,032 bytes per byte).
 * Larger parts are inflated in slices and stopped as soon as they grow past their declared size.
 */
const SYNC_MAX_PACKED = 256 * 1024;

function inflateWhole(data: Uint8Array, e: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(e.unpacked + 1) });
  } catch {
    throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”无法解压`);
  }
  if (out.length > e.unpacked) throw new WorkbookRefusal(`工作簿的部件“${e.name}”解压后比声明的大小（${e.unpacked} 字节）更大，疑似“压缩炸弹”，已拒绝读取`);
  if (out.length !== e.unpacked) throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”解压后的大小与目录不符`);
  return out;
}

/** Inflate one part, without letting it grow past its declared size. */
function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== ZIP_LOCAL) throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”的位置不对`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + e.packed > bytes.length) throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”不完整（文件可能被截断）`);
  const data = bytes.subarray(start, start + e.packed);
  if (e.method === 0) {
    if (e.packed !== e.unpacked) throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”的大小与目录不符`);
    return data;
  }
  if (e.packed <= SYNC_MAX_PACKED) return inflateWhole(data, e);
  const out = new Uint8Array(e.unpacked);
  let length = 0;
  let ended = false;
  let tooLarge = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > out.length) {
      tooLarge = true;
      throw new WorkbookRefusal(`工作簿的部件“${e.name}”解压后比声明的大小（${e.unpacked} 字节）更大，疑似“压缩炸弹”，已拒绝读取`);
    }
    out.set(chunk, length);
    length += chunk.length;
    if (final) ended = true;
  });
  // Small slices bound what one push may produce (deflate expands at most about 1,032 times).
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (err) {
    if (tooLarge && err instanceof WorkbookRefusal) throw err;
    throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”无法解压`);
  }
  if (!ended || length !== e.unpacked) throw new WorkbookRefusal(`工作簿已损坏：部件“${e.name}”解压后的大小与目录不符`);
  return out;
}
