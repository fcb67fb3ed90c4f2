/**
 * The part of the Excel JavaScript object model the adapter uses, as our own structural types. The real
 * `Excel.RequestContext` satisfies them (test/excel/hostTypes.test.ts checks that against @types/office-js); the fake
 * in ./testing implements them. Enum-valued properties are typed `string` so that Office's string enums fit.
 */

export interface XlLoadable {
  /** Present on every object; meaningful after a sync for objects from `*OrNullObject` methods. */
  readonly isNullObject: boolean;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.10 */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.18 */
  readonly notes: XlNoteCollection;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  load(propertyNames?: string | string[]): XlWorksheetCollection;
}

export interface XlWorksheet extends XlLoadable {
  name: string;
  visibility: string;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.18 */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.9 */
  readonly pageLayout: XlPageLayout;
  getRange(address?: string): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  activate(): void;
  load(propertyNames?: string | string[]): XlWorksheet;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
  protect(options?: { allowFormatCells?: boolean }, password?: string): void;
  unprotect(password?: string): void;
  load(propertyNames?: string | string[]): XlWorksheetProtection;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Office types cell values as any[][] */
export interface XlRange extends XlLoadable {
  readonly address: string;
  values: any[][];
  formulas: any[][];
  readonly text: string[][];
  numberFormat: any[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: XlConditionalFormatCollection;
  merge(across?: boolean): void;
  clear(applyTo?: string): void;
  select(): void;
  load(propertyNames?: string | string[]): XlRange;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  readonly borders: XlRangeBorderCollection;
  readonly protection: { locked: boolean };
  columnWidth: number;
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
}

export interface XlRangeFill {
  color: string;
  /** ExcelApi 1.9 */
  pattern: string;
  clear(): void;
}

export interface XlRangeFont {
  name: string;
  size: number;
  bold: boolean;
  color: string;
}

export interface XlRangeBorderCollection {
  getItem(index: string): { style: string; weight: string; color: string };
}

export interface XlDataValidation {
  rule: {
    wholeNumber?: { formula1: string | number | object; formula2?: string | number | object; operator: string };
    decimal?: { formula1: string | number | object; formula2?: string | number | object; operator: string };
    list?: { inCellDropDown: boolean; source: string | object };
  };
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  clear(): void;
}

export interface XlConditionalFormatCollection {
  add(type: string): XlConditionalFormat;
  clearAll(): void;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  add(name: string, reference: string, comment?: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  load(propertyNames?: string | string[]): XlNamedItemCollection;
}

export interface XlNamedItem {
  readonly name: string;
  getRange(): XlRange;
}

export interface XlNoteCollection {
  readonly items: XlNote[];
  add(cellAddress: string, content: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
  load(propertyNames?: string | string[]): XlNoteCollection;
}

export interface XlNote extends XlLoadable {
  content: string;
  delete(): void;
  load(propertyNames?: string | string[]): XlNote;
}

export interface XlCommentCollection {
  readonly items: XlComment[];
  add(cellAddress: string, content: string): XlComment;
  load(propertyNames?: string | string[]): XlCommentCollection;
}

export interface XlComment {
  content: string;
  delete(): void;
}

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;
