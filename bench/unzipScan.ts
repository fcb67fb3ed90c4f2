/**
 * The baseline of the batch benchmark: the least any reader of an .xlsx must do. Every part is unzipped with Node's
 * zlib and its text passed over once (counting tags), nothing parsed or kept.
 */
import { inflateRawSync } from 'node:zlib';

export function unzipAndScan(buf: Buffer): number {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) return -1;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  let tags = 0;
  for (let i = 0; i < count; i += 1) {
    const nameLen = buf.readUInt16LE(p + 28);
    const packed = buf.readUInt32LE(p + 20);
    const method = buf.readUInt16LE(p + 10);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + packed);
    const text = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    for (let k = 0; k < text.length; k += 1) if (text.charCodeAt(k) === 60) tags += 1;
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return tags;
}
