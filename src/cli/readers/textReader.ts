/** Published report text on disk for `nianbao import`: the file's bytes, decoded and imported by src/read. */
import * as path from 'node:path';
import { TEXT_EXTENSIONS, importTextBytes, type ImportTextOutcome } from '../../read';
import { readFileBytes } from '../fileBytes';

export { decodeText, type DecodeOutcome } from '../../text';
export { TEXT_EXTENSIONS };
export type ReadTextOutcome = ImportTextOutcome;

/** Read, decode and import one file. */
export async function importTextFile(file: string): Promise<ReadTextOutcome> {
  const read = await readFileBytes(file);
  return read.ok ? importTextBytes(read.bytes, path.extname(file).toLowerCase()) : read;
}
