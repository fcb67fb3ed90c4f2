/**
 * Input files for `check` and friends: folders expanded, each file read by the reader for its type. A reader
 * returns report data or a Chinese reason it could not; it never throws for a bad file.
 */
import { constants, promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { ReadOutcome } from '../core';
export type { ReadReport, ReadOutcome } from '../core';
import { chineseMessage, describeFsError, describeUnexpected, fsReason } from './errors';
import { visible } from './visible';

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

/** A path named or found that cannot be read, with the reason in Chinese. */
export interface InputProblem {
  file: string;
  error: string;
}

export interface ExpandOptions {
  /** Paths found in folders that are not inputs (this run's own outputs). */
  skip?: (abs: string) => Promise<boolean>;
}

/** What a non-regular file is, for the message. */
export function describeKind(st: Stats): string {
  if (st.isDirectory()) return '这是一个文件夹，不是文件';
  if (st.isFIFO()) return '这不是普通文件，而是命名管道（FIFO），没有读取';
  if (st.isSocket()) return '这不是普通文件，而是套接字，没有读取';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这不是普通文件，而是设备，没有读取';
  return '这不是普通文件，没有读取';
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

/**
 * Expand folders (recursively, sorted) to the files a reader can take; files named directly are kept whatever their
 * type. Nothing here stops the batch: a folder that cannot be opened, a link leading out of the folders given, a
 * named pipe or a device becomes a problem naming the path, and the walk goes on. Links that stay inside the folders
 * given are followed (each folder once, so a loop of links ends).
 */
export async function expandInputs(paths: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const shown = (abs: string): string => path.relative(cwd, abs) || abs;
  const named: { p: string; abs: string; st: Stats }[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      named.push({ p, abs, st: await fs.stat(abs) });
    } catch (e) {
      problems.push({ file: p, error: describeFsError(e, 'stat') });
    }
  }
  const roots: string[] = [];
  for (const n of named) if (n.st.isDirectory()) roots.push(await fs.realpath(n.abs).catch(() => n.abs));
  const visited = new Set<string>();

  const walk = async (dir: string): Promise<void> => {
    const real = await fs.realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: shown(dir), error: describeFsError(e, 'open-folder') });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        let target: string;
        let st: Stats;
        try {
          target = await fs.realpath(full);
          st = await fs.stat(full);
        } catch (err) {
          if (readerFor(full)) problems.push({ file: shown(full), error: `这是一个链接，它指向的文件无法访问：${fsReason(err)}` });
          continue;
        }
        if (!st.isDirectory() && !readerFor(full)) continue;
        if (!inside(target, roots)) {
          problems.push({ file: shown(full), error: `这是指向所给文件夹之外（${visible(target)}）的链接，出于安全没有读取；如确需检查，请直接给出那个文件` });
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (!isDir && !isFile) {
          problems.push({ file: shown(full), error: describeKind(st) });
          continue;
        }
      }
      if (options.skip && (await options.skip(full))) continue;
      if (isDir) await walk(full);
      else if (readerFor(full)) {
        if (isFile) files.push(shown(full));
        else {
          const st = await fs.lstat(full).catch(() => null);
          problems.push({ file: shown(full), error: st ? describeKind(st) : '这不是普通文件，没有读取' });
        }
      }
    }
  };

  for (const n of named) {
    if (n.st.isDirectory()) await walk(n.abs);
    else files.push(n.p);
  }
  return { files, problems };
}

/** Open a path the way a reader will and make sure it is a regular file (a FIFO opened without waiting). */
export async function regularFileProblem(abs: string): Promise<string | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return describeFsError(e, 'read');
  }
  try {
    const st = await handle.stat();
    return st.isFile() ? null : describeKind(st);
  } catch (e) {
    return describeFsError(e, 'read');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export async function readInput(file: string, cwd: string): Promise<ReadOutcome> {
  const reader = readerFor(file);
  if (!reader) {
    return { ok: false, error: `不支持的文件类型“${visible(path.extname(file)) || '（无扩展名）'}”，可以检查：${supportedExtensions().join('、')}` };
  }
  const abs = path.resolve(cwd, file);
  const problem = await regularFileProblem(abs);
  if (problem) return { ok: false, error: problem };
  try {
    const read = await reader.read(abs);
    return read.ok ? read : { ok: false, error: chineseMessage(read.error) };
  } catch (e) {
    // A reader bug must not stop the batch: report it against this file.
    return { ok: false, error: describeUnexpected(e) };
  }
}
