/// <reference types="office-js" />
/**
 * The Excel host as the adapter sees it: Microsoft's own types from @types/office-js (so test/officejs/apiInventory
 * can read every member's requirement set), plus the few seams the adapter is given from outside — how a batch is run,
 * how the host answers `isSetSupported`, and which library was loaded (./capabilities.ts probes it).
 */

/** The part of `Excel.RequestContext` the adapter uses; runBatch wraps it to put a deadline on the first sync. */
export interface XlContext {
  readonly workbook: Excel.Workbook;
  sync(): Promise<void>;
}

/** Options of `Excel.run` the adapter sets (delayForCellEdit is ExcelApi 1.11, see ./capabilities.ts). */
export interface XlRunOptions {
  delayForCellEdit?: boolean;
}

/** `Excel.run(options, batch)`. */
export type XlRun = <T>(options: XlRunOptions, batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The loaded library's `Excel` namespace, only as far as capability probing needs it: classes by name. */
export type ExcelLibrary = Record<string, unknown>;

export type XlWorkbook = Excel.Workbook;
export type XlWorksheet = Excel.Worksheet;
export type XlRange = Excel.Range;
export type XlNote = Excel.Note;
export type XlComment = Excel.Comment;
