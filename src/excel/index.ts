/**
 * The Excel adapter: the only code that calls Excel.run / Office. Implements the task pane's ReportServices; the typed
 * fake of the object model for tests and the bench is in ./testing.
 */
export { createExcelServices, type ExcelServiceDeps } from './services';
export type { XlRun, IsSetSupported } from './host';
