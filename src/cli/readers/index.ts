/**
 * Every input reader the command line knows: the readers of src/read (workbooks, report JSON, published texts), each
 * given the file's bytes — the same readers the task pane's worker and the offline page use.
 */
import * as path from 'node:path';
import { BYTES_READERS, type BytesReader } from '../../read';
import { readFileBytes } from '../fileBytes';
import { registerReader, type InputReader, type ReadOutcome } from '../inputs';

function fileReader(reader: BytesReader): InputReader {
  return {
    extensions: reader.extensions,
    description: reader.description,
    async read(file: string): Promise<ReadOutcome> {
      const read = await readFileBytes(file);
      return read.ok ? reader.read(path.basename(file), read.bytes) : read;
    },
  };
}

for (const reader of BYTES_READERS) registerReader(fileReader(reader));
