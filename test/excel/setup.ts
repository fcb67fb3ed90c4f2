/**
 * Shared set-up for the adapter tests: the services through Microsoft's office.js over the simulated host
 * (test/officejs/harness.ts), with the notes classes a newer office.js has (the npm package has none).
 */
import type { ExcelServiceDeps } from '../../src/excel';
import { openExcel, type Session } from '../officejs/harness';

export { addressOf, closeAll, fillClean, fillColorOf, noteOf, put, snapshot, spoil, valueOf } from '../officejs/harness';

export function setup(apiVersion = '1.18', deps: ExcelServiceDeps = {}): Promise<Session> {
  return openExcel({ apiVersion, deps, notesLibrary: true });
}
