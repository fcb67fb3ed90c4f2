/** A received file's bytes, its size checked before it is read: one bound for every kind of input. */
import { promises as fs } from 'node:fs';
import { LIMITS, mb } from '../workbook';
import { describeFsError } from './errors';

/** A received file's bytes, its size checked before it is read (every kind of input has the same bound). */
export async function readFileBytes(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, error: '这是一个文件夹，不是文件' };
    if (stat.size > LIMITS.maxFileBytes) {
      return { ok: false, error: `文件过大（${mb(stat.size)}），超过了 ${mb(LIMITS.maxFileBytes)} 的上限；年报通常不到 1 MB，请确认是否发错了文件` };
    }
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (e) {
    return { ok: false, error: describeFsError(e, 'read') };
  }
}
