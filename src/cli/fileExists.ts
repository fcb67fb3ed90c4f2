import { promises as fs } from 'node:fs';

/** Whether a path exists (a file or a folder); never throws. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
