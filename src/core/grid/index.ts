/**
 * Workbooks as grids of cells, from any reader (the .xlsx reader, the Excel adapter): finding the report's cells by
 * our names or the official labels, and reading them into report data. One label logic for every host.
 */
export * from './grid';
export * from './labelMatch';
export * from './locate';
export * from './reportMeta';
export * from './readGrid';
