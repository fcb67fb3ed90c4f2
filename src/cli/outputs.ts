/**
 * Writing outputs without ever touching an input. Supervisors run the tool on the only copy of what units sent, so:
 *
 * - every input (file or folder, after following links) is known by its identity on disk — device and inode, and its
 *   real path compared case-insensitively where the file system is — and no output may be one of them, even with
 *   --force, even through a link, a hard link or a differently cased name;
 * - an output that already exists is replaced only with --force; two outputs of one run may not be the same file;
 * - bytes go to a temporary file beside the target (a dot-name: folder walks skip it), are checked (see
 *   validateOutput), and only then take the target's name: atomically, and without --force through a hard link,
 *   which fails rather than replace a file that appeared meanwhile.
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { describeFsError, errnoCode } from './errors';
import type { Io } from './io';
import { validateJsonText, validateOfficeBytes, type OfficeKind } from './validateOutput';
import { visible } from './visible';

export type OutputKind = OfficeKind | 'json' | 'text';

export type OutputProblem = { code: 'input' | 'exists' | 'folder' | 'duplicate' | 'fs' | 'invalid'; message: string };

export type WriteOutcome = { ok: true } | ({ ok: false } & OutputProblem);

function identity(st: Stats): string | null {
  // Some file systems (FAT on Windows) report inode 0: then only the path can tell.
  return st.ino ? `${st.dev}:${st.ino}` : null;
}

const caseCache = new Map<number, boolean>();

/**
 * Whether names are compared case-insensitively on the file system holding `dir` (an existing folder): a part of its
 * real path with letters, looked up with its case swapped, is the same folder.
 */
async function caseInsensitiveAt(dir: string): Promise<boolean> {
  const st = await fs.stat(dir);
  const cached = caseCache.get(st.dev);
  if (cached !== undefined) return cached;
  let answer = process.platform === 'win32' || process.platform === 'darwin';
  const parts = dir.split(path.sep);
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const part = parts[i];
    const swapped = [...part].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    if (swapped === part) continue;
    const original = parts.slice(0, i + 1).join(path.sep);
    const other = [...parts.slice(0, i), swapped].join(path.sep);
    try {
      const [a, b] = await Promise.all([fs.stat(original), fs.stat(other)]);
      answer = a.dev === b.dev && a.ino === b.ino;
    } catch {
      answer = false;
    }
    break;
  }
  caseCache.set(st.dev, answer);
  return answer;
}

/** The key a path is compared by: real path of its nearest existing folder plus the rest, case-folded where needed. */
export async function pathKey(file: string): Promise<string> {
  let dir = path.dirname(path.resolve(file));
  const rest = [path.basename(path.resolve(file))];
  for (;;) {
    try {
      const real = await fs.realpath(dir);
      const insensitive = await caseInsensitiveAt(real);
      const key = path.join(real, ...rest).normalize('NFC');
      return insensitive ? key.toLocaleLowerCase('en-US') : key;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return path.resolve(file).normalize('NFC');
      rest.unshift(path.basename(dir));
      dir = parent;
    }
  }
}

async function statOrNull(file: string, follow = true): Promise<Stats | null> {
  try {
    return follow ? await fs.stat(file) : await fs.lstat(file);
  } catch {
    return null;
  }
}

/** The key two names collide by within a folder: Excel users' file systems mostly ignore case, so we always do. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}

/** The exit code for a refused output: 1 when the file exists or the disk failed, 2 when the command line is wrong. */
export function exitFor(problems: readonly OutputProblem[]): 1 | 2 {
  return problems.every((p) => p.code === 'exists' || p.code === 'fs') ? 1 : 2;
}

/**
 * A test for paths met while walking input folders: the annotate folder, when it lies inside one, holds this tool's
 * copies, not reports — it is not read (the user asked for it there). Files are never skipped: a file found in an
 * input folder is an input, whatever its name, and no output may replace it.
 */
export async function skipFolder(folder: string | null | undefined): Promise<((abs: string) => Promise<boolean>) | undefined> {
  if (!folder) return undefined;
  const name = nameKey(path.basename(folder));
  const key = await pathKey(folder);
  return async (abs) => nameKey(path.basename(abs)) === name && (await pathKey(abs)) === key;
}

export class OutputGuard {
  private readonly inputIds = new Map<string, string>();
  private readonly inputKeys = new Map<string, string>();
  private readonly claimed = new Map<string, string>();

  /** Record inputs (files or folders; what they link to counts too). Missing paths are ignored. */
  async addInputs(paths: readonly string[], cwd: string): Promise<void> {
    for (const p of paths) {
      const abs = path.resolve(cwd, p);
      const st = await statOrNull(abs);
      if (!st) continue;
      const id = identity(st);
      if (id) this.inputIds.set(id, p);
      this.inputKeys.set(await pathKey(await fs.realpath(abs).catch(() => abs)), p);
    }
  }

  /** The input a path is (following links, hard links, case), or undefined. */
  async inputAt(file: string): Promise<string | undefined> {
    const st = await statOrNull(file);
    if (st) {
      const id = identity(st);
      if (id && this.inputIds.has(id)) return this.inputIds.get(id);
    }
    const real = await fs.realpath(file).catch(() => file);
    return this.inputKeys.get(await pathKey(real));
  }

  /**
   * Reserve `target` for writing: refused when it is an input, a folder, the target of another output of this run,
   * or exists without --force. `shown` is the name to use in messages.
   */
  async claim(target: string, shown: string, force: boolean): Promise<OutputProblem | null> {
    const name = visible(shown);
    const st = await statOrNull(target);
    if (st?.isDirectory()) return { code: 'folder', message: `“${name}”是一个文件夹，请给出文件名` };
    const input = await this.inputAt(target);
    if (input !== undefined) {
      return { code: 'input', message: `“${name}”是本次读取的输入文件${input === shown ? '' : `（${visible(input)}）`}，不能写入；原文件从不改动，请另给一个输出文件名` };
    }
    const key = await pathKey(target);
    const other = this.claimed.get(key);
    if (other !== undefined) return { code: 'duplicate', message: `“${name}”与本次的另一个输出“${visible(other)}”是同一个文件，请分别命名` };
    const exists = st !== null || (await statOrNull(target, false)) !== null;
    if (exists && !force) return { code: 'exists', message: `“${name}”已存在，没有覆盖；如要覆盖，请加 --force` };
    this.claimed.set(key, shown);
    return null;
  }

  /** Whether a path found in an input folder is one of this run's outputs (it is then not read as an input). */
  async isOutput(file: string): Promise<boolean> {
    if (this.claimed.size === 0) return false;
    return this.claimed.has(await pathKey(file));
  }

  /** Write bytes to a claimed target: checked, to a temporary file, then renamed into place. */
  async write(
    target: string,
    shown: string,
    data: Uint8Array | string,
    kind: OutputKind,
    force: boolean,
    options: { validated?: boolean; createFolder?: boolean } = {},
  ): Promise<WriteOutcome> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const valid = options.validated
      ? { ok: true as const }
      : kind === 'xlsx' || kind === 'docx'
        ? validateOfficeBytes(bytes, kind)
        : kind === 'json'
          ? validateJsonText(String(data))
          : { ok: true as const };
    if (!valid.ok) return { ok: false, code: 'invalid', message: `${visible(shown)}：${valid.error}` };
    const dir = path.dirname(target);
    if (options.createFolder === false) {
      if (!(await statOrNull(dir))?.isDirectory()) return { ok: false, code: 'fs', message: `无法写入“${visible(shown)}”：所在文件夹不存在，请先建立文件夹或换一个位置` };
    } else {
      try {
        await fs.mkdir(dir, { recursive: true });
      } catch (e) {
        return { ok: false, code: 'fs', message: describeFsError(e, 'create-folder', visible(dir)) };
      }
    }
    const base = path.basename(target).slice(0, 80);
    const tmp = path.join(dir, `.${base}.${process.pid}-${randomBytes(4).toString('hex')}.nianbao-tmp`);
    try {
      await fs.writeFile(tmp, bytes, { flag: 'wx' });
      // Checked again at the last moment: the target may have become an input's link since it was claimed.
      const input = await this.inputAt(target);
      if (input !== undefined) return { ok: false, code: 'input', message: `“${visible(shown)}”是本次读取的输入文件，不能写入` };
      if (force) await fs.rename(tmp, target);
      else await placeNew(tmp, target);
      return { ok: true };
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') return { ok: false, code: 'exists', message: `“${visible(shown)}”已存在，没有覆盖；如要覆盖，请加 --force` };
      return { ok: false, code: 'fs', message: describeFsError(e, 'write', visible(shown)) };
    } finally {
      await fs.unlink(tmp).catch(() => undefined);
    }
  }
}

/**
 * For a command with one output: a guard that knows the inputs, with `output` (if given) claimed — or, when it may
 * not be written, the exit code after saying why on stderr.
 */
export async function guardOutput(io: Io, inputs: readonly string[], output: string | undefined, force: boolean): Promise<{ guard: OutputGuard; target: string | null } | { exit: number }> {
  const guard = new OutputGuard();
  await guard.addInputs(inputs, io.cwd);
  if (!output) return { guard, target: null };
  const target = path.resolve(io.cwd, output);
  const refused = await guard.claim(target, output, force);
  if (!refused) return { guard, target };
  io.err(`${refused.message}\n`);
  return { exit: exitFor([refused]) };
}

/** Give `tmp` the name `target` only if no file has it: a hard link fails with EEXIST rather than replace one. */
async function placeNew(tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (e) {
    const code = errnoCode(e);
    // File systems without hard links (FAT, some network shares): an exclusive copy, which also never replaces.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'ENOSYS' || code === 'EMLINK') {
      try {
        await fs.copyFile(tmp, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errnoCode(copyError) !== 'EEXIST') await fs.unlink(target).catch(() => undefined);
        throw copyError;
      }
      return;
    }
    throw e;
  }
}
