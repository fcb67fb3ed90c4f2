/** Excel workbooks (.xlsx, .xlsm — macros are never run) and old .xls, which gets a clear message. */
import type { InputReader } from '../inputs';
import { readWorkbookFile } from '../../xlsx/readWorkbook';

export const xlsxReader: InputReader = {
  extensions: ['.xlsx', '.xlsm', '.xls'],
  description: 'Excel 工作簿',
  read: (file: string) => readWorkbookFile(file),
};
