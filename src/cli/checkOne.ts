/**
 * One file of a batch check, as a worker or the main thread runs it: read from disk (any registered reader), then
 * checked by the core as every host checks a file (src/core/checkFile.ts): last year's figures from `--previous`
 * applied, plain data returned that crosses a process boundary.
 */
import { checkReadFile, unreadableFile, type CheckedFile, type PreviousIndex } from '../core';
import { readInput } from './inputs';

export { applyPrevious, type PreviousEntry, type PreviousIndex } from '../core';
export type CheckedOne = CheckedFile;

export async function checkOne(file: string, cwd: string, previous?: PreviousIndex): Promise<CheckedOne> {
  const read = await readInput(file, cwd);
  return read.ok ? checkReadFile(file, read.value, previous) : unreadableFile(file, read.error);
}
