/**
 * The files a supervisor gives a browser host (the offline page, the task pane's 审核 tab): picked (several at once),
 * a picked folder, or dropped files and folders. Folders are walked; only the file types the readers take are kept,
 * and office lock files (~$…) are skipped.
 */
import { extensionOf, readableExtensions, type BatchInput } from '../batch';

/** The subset of the File and Entry APIs used here (dropped folders come as entries). */
interface FileEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (f: File) => void, failure: (e: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: FileEntry[]) => void, failure: (e: unknown) => void): void };
}

export function wanted(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, '');
  return !base.startsWith('~$') && !base.startsWith('.') && readableExtensions().includes(extensionOf(base));
}

function toInput(file: File, path?: string): BatchInput {
  const name = path || (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  return { name, size: file.size, bytes: () => file.arrayBuffer() };
}

export function fromFileList(list: FileList | null): BatchInput[] {
  return Array.from(list ?? [])
    .filter((f) => wanted(f.name))
    .map((f) => toInput(f))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function entryFile(entry: FileEntry): Promise<File | null> {
  return new Promise((resolve) => (entry.file ? entry.file(resolve, () => resolve(null)) : resolve(null)));
}

async function walk(entry: FileEntry, out: BatchInput[]): Promise<void> {
  if (entry.isFile) {
    if (!wanted(entry.name)) return;
    const file = await entryFile(entry);
    if (file) out.push(toInput(file, entry.fullPath.replace(/^\//, '')));
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  const reader = entry.createReader();
  // readEntries returns the folder's entries in pieces until an empty one.
  for (;;) {
    const entries = await new Promise<FileEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (!entries.length) break;
    for (const e of entries) await walk(e, out);
  }
}

export async function fromDrop(data: DataTransfer): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  const items = Array.from(data.items ?? []);
  const entries = items.map((i) => (i as DataTransferItem & { webkitGetAsEntry?: () => FileEntry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.some(Boolean)) {
    for (const e of entries) if (e) await walk(e, out);
  } else out.push(...fromFileList(data.files));
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
