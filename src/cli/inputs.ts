/**
 * Input files for `check` and friends: folders expanded, each file read by the reader for its type. A reader
 * returns report data or a Chinese reason it could not; it never throws for a bad file.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ReadOutcome } from '../core';
export type { ReadReport, ReadOutcome } from '../core';

export interface InputReader {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  /** What this reader reads, for help text. */
  description: string;
  read(file: string): Promise<ReadOutcome>;
}

const readers: InputReader[] = [];

export function registerReader(reader: InputReader): void {
  readers.push(reader);
}

export function readerFor(file: string): InputReader | undefined {
  const ext = path.extname(file).toLowerCase();
  return readers.find((r) => r.extensions.includes(ext));
}

export function supportedExtensions(): string[] {
  return readers.flatMap((r) => [...r.extensions]);
}

/** Expand folders (recursively, sorted) to the files a reader can take; files named directly are always kept. */
export async function expandInputs(paths: readonly string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) files.push(...(await walk(abs)).map((f) => path.relative(cwd, f) || f));
    else files.push(p);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (readerFor(full)) out.push(full);
  }
  return out;
}

export async function readInput(file: string, cwd: string): Promise<ReadOutcome> {
  const reader = readerFor(file);
  if (!reader) {
    return { ok: false, error: `不支持的文件类型“${path.extname(file) || '（无扩展名）'}”，可以检查：${supportedExtensions().join('、')}` };
  }
  try {
    return await reader.read(path.resolve(cwd, file));
  } catch (e) {
    // A reader bug must not stop the batch: report it against this file.
    return { ok: false, error: `读取时出错：${e instanceof Error ? e.message : String(e)}` };
  }
}
