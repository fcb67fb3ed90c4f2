/** Report data JSON (FORMAT.md §4) on disk: the file's bytes, read by src/read. */
import { MAX_JSON_BYTES, readJsonBytes } from '../../read';
import type { InputReader, ReadOutcome } from '../inputs';
import { bytesOf } from './textReader';

export const jsonReader: InputReader = {
  extensions: ['.json'],
  description: '报告数据 JSON',
  async read(file: string): Promise<ReadOutcome> {
    const read = await bytesOf(file, MAX_JSON_BYTES);
    return read.ok ? readJsonBytes(read.bytes) : read;
  },
};
