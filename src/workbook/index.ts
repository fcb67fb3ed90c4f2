/**
 * Reading received .xlsx workbooks from their bytes, anywhere: the command line, the task pane's worker, the offline
 * page. Bounded, never trusting the file; no node:*, no DOM, no exceljs (which materialises what files claim).
 */
export * from './limits';
export { WorkbookRefusal, openZip, type ZipArchive } from './zip';
export { openWorkbook, readXlsxBytes, type ReadXlsxOptions } from './readXlsx';
export { isDateFormatCode, readSharedStrings, readWorkbookPart, type SheetEntry, type WorkbookPart } from './parts';
export { parseArea, parseRef, parseSheet } from './sheet';
export { decodePart, elementSpan, parseXml } from './xml';
