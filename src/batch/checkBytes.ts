/** One file of a batch, from its bytes: read by the reader for its type, then checked as the command line checks it. */
import { checkReadFile, unreadableFile, type CheckedFile, type PreviousIndex } from '../core';
import { readReportBytes } from '../read';

export function checkFileBytes(name: string, bytes: Uint8Array, previous?: PreviousIndex): CheckedFile {
  const read = readReportBytes(name, bytes);
  return read.ok ? checkReadFile(name, read.value, previous) : unreadableFile(name, read.error);
}
