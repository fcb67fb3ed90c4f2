/**
 * The engine, pure TypeScript (zod only): read cell values, evaluate the rules into findings, render Chinese
 * messages, compile rules to spreadsheet formulas. No Office, React, exceljs, node:* or DOM.
 */
export * from './address';
export * from './readValue';
export * from './report';
export * from './findings';
export * from './schemas';
export * from './makeFinding';
export * from './labels';
export * from './messages';
export * from './model';
export * from './evaluate';
export * from './aggregate';
export * from './checkReport';
export * from './formulas';
export * from './narrative';
export * from './grid';
export * from './summary';
export * from './checkFile';
