/**
 * The .xlsx side of the command line: reading received workbooks (untrusted) into report data, and writing the
 * template, the supervisor's summary and marked-up copies. exceljs lives here and in nowhere else but src/cli.
 */
export * from './readWorkbook';
export { LIMITS } from '../workbook';
export * from './membersSheet';
