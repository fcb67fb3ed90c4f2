/**
 * Bytes of a text file to a string, the one way every reader decodes (published texts, report data JSON): UTF-8
 * with or without BOM, UTF-16 with or without BOM, GB18030/GBK as saved by Chinese Windows. Files that are not text
 * (PDF, Office, images) are named. Uses only TextDecoder, so it runs in Node and in a browser Web Worker alike.
 */

export type DecodeOutcome = { ok: true; text: string; encoding: string } | { ok: false; error: string };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件，请先转换为文本（例如 pdftotext -layout 报告.pdf 报告.txt），或从 PDF 中复制全文保存为 .txt' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'Office 文档（.docx/.xlsx 等 zip 格式）；Word 文件请另存为“纯文本”，Excel 文件请直接检查 .xlsx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Office 文档（.doc/.xls）；请另存为“纯文本”后再导入' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片，无法读取其中的文字' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片，无法读取其中的文字' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档；请另存为“纯文本”后再导入' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decode a text file's bytes; a clear Chinese reason when they are not text. */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) return { ok: false, error: `这不是文本文件，而是${sig.what}` };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWith(bytes.subarray(3), 'utf-8', 'UTF-8（带 BOM）');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith(bytes.subarray(2), 'utf-16le', 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith(bytes.subarray(2), 'utf-16be', 'UTF-16BE');
  const sample = bytes.subarray(0, 65536);
  let nul = 0;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] !== 0) continue;
    nul += 1;
    if (i % 2 === 1) evenZero += 1;
    else oddZero += 1;
  }
  if (nul > 0) {
    // UTF-16 without a BOM: every other byte of ASCII text is 0 (the high byte: second in LE, first in BE).
    if (evenZero > sample.length / 4 && oddZero === 0) return decodeWith(bytes, 'utf-16le', 'UTF-16LE');
    if (oddZero > sample.length / 4 && evenZero === 0) return decodeWith(bytes, 'utf-16be', 'UTF-16BE');
    return { ok: false, error: `这不是文本文件（含有 ${nul} 个空字节，可能是二进制文件）` };
  }
  const utf8 = decodeWith(bytes, 'utf-8', 'UTF-8');
  if (utf8.ok) return utf8;
  const gb = decodeWith(bytes, 'gb18030', 'GB18030/GBK');
  if (gb.ok) return gb;
  return { ok: false, error: '无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK），请用 UTF-8 编码另存后再试' };
}

function decodeWith(bytes: Uint8Array, encoding: string, name: string): DecodeOutcome {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `不是有效的 ${name} 文本` };
  }
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32 && c !== 27) || c === 127) controls += 1;
  }
  if (controls > Math.max(8, text.length / 100)) return { ok: false, error: `这不是文本文件（按 ${name} 解码后含有大量控制字符，可能是二进制文件）` };
  return { ok: true, text, encoding: name };
}
