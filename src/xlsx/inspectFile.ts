/**
 * Untrusted workbooks are inspected before exceljs sees them: exceljs (through JSZip) inflates every part into memory
 * and believes whatever the file says, so size, zip structure, declared and actual uncompressed sizes are checked here
 * first. Every refusal is a Chinese sentence saying what was found.
 */
import { inflateRawSync } from 'node:zlib';

/** Limits for one received workbook. A filled report workbook is well under 1 MB, unpacked under 5 MB. */
export const LIMITS = {
  /** Size of the file on disk. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Number of parts in the zip container. */
  maxEntries: 1000,
  /** Unpacked size of any one part. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** Unpacked size of all parts together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Unpacked / packed size of a part larger than 1 MB; spreadsheet XML rarely passes 100. */
  maxRatio: 1000,
} as const;

export type Inspection =
  | { ok: true; macros: boolean }
  | { ok: false; error: string };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

/** Inspect the bytes of a file that claims to be a workbook. Never throws. */
export function inspectWorkbookBytes(buf: Buffer, limits = LIMITS): Inspection {
  if (buf.length === 0) return { ok: false, error: '文件是空的（0 字节），不是 Excel 工作簿' };
  if (buf.length > limits.maxFileBytes) {
    return { ok: false, error: `文件过大（${mb(buf.length)}），超过了 ${mb(limits.maxFileBytes)} 的上限；年报工作簿通常不到 1 MB，请确认是否发错了文件` };
  }
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_SIGNATURE)) return inspectOle(buf);
  if (buf.length < 22 || buf.readUInt32LE(0) !== ZIP_LOCAL) return { ok: false, error: `${describeNonZip(buf)}，无法作为 .xlsx 工作簿读取` };
  return inspectZip(buf, limits);
}

/** An OLE compound file is either an encrypted (password-protected) .xlsx or an old binary .xls. */
function inspectOle(buf: Buffer): Inspection {
  const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
  if (buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'))) {
    return { ok: false, error: '工作簿设置了打开密码（已加密），无法读取；请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送' };
  }
  if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) {
    return { ok: false, error: '这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后重新报送' };
  }
  if (buf.includes(utf16('WordDocument'))) return { ok: false, error: '这是旧版 Word 文档（.doc），不是 Excel 工作簿' };
  return { ok: false, error: '这是旧版 Office 复合文档，不是 .xlsx 工作簿；请另存为 Excel 工作簿（.xlsx）后重新报送' };
}

function describeNonZip(buf: Buffer): string {
  const head = buf.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return '这是 PDF 文件';
  if (/^\s*<(!doctype html|html)/i.test(buf.subarray(0, 64).toString('utf8'))) return '这是网页（HTML）文件';
  if (/^\s*<\?xml/.test(buf.subarray(0, 16).toString('utf8'))) return '这是 XML 文本文件（可能是 Excel 2003 XML 表格）';
  if (head.startsWith('Rar!') || head.startsWith('7z')) return '这是 RAR/7z 压缩包';
  return '文件内容不是 Excel 工作簿（不是 zip 格式，可能已损坏或只是改了扩展名）';
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

function inspectZip(buf: Buffer, limits: typeof LIMITS): Inspection {
  const end = findEnd(buf);
  if (end < 0) return { ok: false, error: '工作簿已损坏：zip 目录缺失（文件可能没有完整下载或被截断）' };
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    return { ok: false, error: '工作簿使用了 ZIP64 大文件结构，年报工作簿不会这样大，已拒绝读取' };
  }
  if (count > limits.maxEntries) return { ok: false, error: `工作簿包含 ${count} 个部件，超过 ${limits.maxEntries} 个的上限，疑似异常文件，已拒绝读取` };
  if (dirOffset + dirSize > end) return { ok: false, error: '工作簿已损坏：zip 目录位置不对（文件可能被截断）' };

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== ZIP_CENTRAL) return { ok: false, error: '工作簿已损坏：zip 目录内容不完整' };
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      packed: buf.readUInt32LE(p + 20),
      unpacked: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }

  // Declared sizes first: cheap, and enough to refuse an honest bomb without inflating anything.
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) return { ok: false, error: `工作簿的部件“${e.name}”被加密，无法读取；请取消密码后重新报送` };
    if (e.method !== 0 && e.method !== 8) return { ok: false, error: `工作簿的部件“${e.name}”使用了不支持的压缩方式（${e.method}），文件可能不是由 Excel 或 WPS 保存的` };
    if (e.unpacked > limits.maxEntryBytes) return { ok: false, error: `工作簿的部件“${e.name}”解压后有 ${mb(e.unpacked)}，超过 ${mb(limits.maxEntryBytes)} 的上限，疑似“压缩炸弹”，已拒绝读取` };
    if (e.unpacked > 1048576 && e.packed > 0 && e.unpacked / e.packed > limits.maxRatio) {
      return { ok: false, error: `工作簿的部件“${e.name}”压缩比异常（${Math.round(e.unpacked / e.packed)} 倍），疑似“压缩炸弹”，已拒绝读取` };
    }
    total += e.unpacked;
  }
  if (total > limits.maxTotalBytes) return { ok: false, error: `工作簿解压后共 ${mb(total)}，超过 ${mb(limits.maxTotalBytes)} 的上限，疑似“压缩炸弹”，已拒绝读取` };

  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) return { ok: false, error: '这是 Word 文档（.docx），不是 Excel 工作簿' };
    if (names.has('ppt/presentation.xml')) return { ok: false, error: '这是 PowerPoint 演示文稿，不是 Excel 工作簿' };
    if (names.has('content.xml') && names.has('mimetype')) return { ok: false, error: '这是 OpenDocument 表格（.ods），请另存为 Excel 工作簿（.xlsx）后重新报送' };
    return { ok: false, error: '这是一个 zip 压缩包，但里面没有 Excel 工作簿内容（xl/workbook.xml）' };
  }

  // Declared sizes can lie: inflate each part with a hard cap at its declared size (JSZip would inflate it whole).
  for (const e of entries) {
    const problem = verifyEntry(buf, e);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, macros: names.has('xl/vbaProject.bin') };
}

function verifyEntry(buf: Buffer, e: ZipEntry): string | null {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== ZIP_LOCAL) return `工作簿已损坏：部件“${e.name}”的位置不对`;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.packed > buf.length) return `工作簿已损坏：部件“${e.name}”不完整（文件可能被截断）`;
  const data = buf.subarray(start, start + e.packed);
  if (e.method === 0) return e.packed === e.unpacked ? null : `工作簿已损坏：部件“${e.name}”的大小与目录不符`;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.unpacked) + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      return `工作簿的部件“${e.name}”解压后比声明的大小（${e.unpacked} 字节）更大，疑似“压缩炸弹”，已拒绝读取`;
    }
    return `工作簿已损坏：部件“${e.name}”无法解压`;
  }
  if (out.length !== e.unpacked) return `工作簿已损坏：部件“${e.name}”解压后的大小与目录不符`;
  return null;
}

function findEnd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i -= 1) if (buf.readUInt32LE(i) === ZIP_END) return i;
  return -1;
}
