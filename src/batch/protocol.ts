/** Messages between the batch and its workers: a file's bytes in (transferred, not copied), its checked result out. */
import type { CheckedFile } from '../core';

export interface WorkerRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
}

export interface WorkerReply {
  id: number;
  item: CheckedFile;
}
