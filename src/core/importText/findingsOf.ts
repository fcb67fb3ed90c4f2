/** The importer's findings: rule ids and severities from the spec, messages from the catalog. */
import type { Finding } from '../findings';
import { makeFinding as make } from '../makeFinding';


/** A table, row or meta field that could not be found or read. */
export function structure(target: string, detail: string, cells: string[] = []): Finding {
  return make('STRUCTURE', target, { cells, detail, code: 'unreadable' });
}

/**
 * Numbers the importer split by inference (fused digits): kept, and reported so that nobody takes them for read.
 * A STRUCTURE finding with code `inferred-split`: the row could not be read as printed.
 */
export function inferred(target: string, detail: string, cells: string[], found: string): Finding {
  return make('STRUCTURE', target, { cells, detail, code: 'inferred-split', actual: found });
}

/** A table recognised in the 2019 trial layout. */
export function formatVersion(target: string, detail: string, code: string): Finding {
  return make('FORMAT-VERSION', target, { detail, code });
}
