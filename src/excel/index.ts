/**
 * The Excel adapter: the only code that calls Excel.run / Office. Implements the task pane's ReportServices; the
 * simulated Excel host that tests and the bench put beneath Microsoft's office.js is in ./testing.
 */
export { createExcelServices, type ExcelServiceDeps } from './services';
export type { XlRun, IsSetSupported } from './host';
