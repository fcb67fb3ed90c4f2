/** Encoders for writing test files in the encodings Chinese offices save in. */

let gbk: Map<string, number[]> | null = null;

/** GB18030 two-byte encoder built from the platform's decoder (GBK range), for writing test files. */
export function encodeGbk(text: string): Buffer {
  if (!gbk) {
    const decoder = new TextDecoder('gb18030');
    gbk = new Map();
    for (let hi = 0x81; hi <= 0xfe; hi += 1) {
      for (let lo = 0x40; lo <= 0xfe; lo += 1) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const b = gbk.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}

export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}
