/**
 * The adapter through Microsoft's office.js over the simulated Excel host: `openExcel()` loads office.js in a VM (the
 * Windows or the web build), and returns the pane's services wired to that page's Excel.run, Office.context and Excel
 * namespace, the host (syncs, request and response sizes, injected failures) and its workbook model.
 */
import { KEY_POSITIONS, TABLE_KEYS } from '../../src/spec';
import { toA1 } from '../../src/core';
import { createExcelServices, type ExcelServiceDeps } from '../../src/excel';
import type { ExcelHost } from '../../src/excel/testing/excelHost';
import { PAYLOAD_LIMIT } from '../../src/excel/testing/excelHost';
import { loadOfficeJs, type LoadedOffice, type Platform } from '../../src/excel/testing/officeJsVm';
import type { CellValue, WorkbookModel } from '../../src/excel/testing/workbookModel';
import type { ReportServices } from '../../src/taskpane/services';

export interface Session {
  office: LoadedOffice;
  host: ExcelHost;
  model: WorkbookModel;
  services: ReportServices;
}

export interface OpenOptions {
  platform?: Platform;
  /** ExcelApi version the host reports and implements. */
  apiVersion?: string;
  officeJsDir?: string;
  deps?: ExcelServiceDeps;
  /** Reuse a host (and its workbook), e.g. to open the same workbook in a newer pane. */
  host?: ExcelHost;
  /** A library with notes (src/excel/testing/notesLibrary.ts) instead of the npm package's 1.1.110 as it is. */
  notesLibrary?: boolean;
  /** A host that hands out reference ids (README of src/excel/testing: R4). */
  keepReferences?: boolean;
}

const open: LoadedOffice[] = [];

export async function openExcel(options: OpenOptions = {}): Promise<Session> {
  const platform = options.platform ?? 'win32';
  const office = await loadOfficeJs({ platform, apiVersion: options.apiVersion ?? '1.18', officeJsDir: options.officeJsDir, host: options.host, enforcePayloadLimit: platform === 'web', notesLibrary: options.notesLibrary, keepReferences: options.keepReferences });
  open.push(office);
  const services = createExcelServices({
    run: (runOptions, batch) => office.Excel.run(runOptions, batch),
    isSetSupported: (name, version) => office.Office.context.requirements.isSetSupported(name, version),
    library: office.Excel,
    policy: { sleep: async () => undefined, firstSyncTimeoutMs: 10000 },
    now: () => new Date(2025, 0, 15, 9, 30),
    ...options.deps,
  });
  return { office, host: office.host, model: office.host.model, services };
}

/** Stop the timers of every page opened so far (call in afterAll/afterEach). */
export function closeAll(): void {
  for (const o of open.splice(0)) o.close();
}

export function addressOf(key: string): { sheet: string; a1: string } {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`no position for ${key}`);
  return { sheet: pos.sheet.name, a1: toA1(pos.row, pos.col) };
}

/** Type a value into the cell of a key, as the clerk would. */
export function put(model: WorkbookModel, key: string, value: CellValue): void {
  const at = addressOf(key);
  model.type(at.sheet, at.a1, value);
}

export function valueOf(model: WorkbookModel, key: string): CellValue {
  const at = addressOf(key);
  return model.getValue(at.sheet, at.a1);
}

export function fillColorOf(model: WorkbookModel, key: string): string | null {
  const at = addressOf(key);
  return model.fillOf(at.sheet, at.a1)?.color ?? null;
}

export function noteOf(model: WorkbookModel, key: string): string | undefined {
  const at = addressOf(key);
  return model.note(at.sheet, at.a1);
}

/** A complete, consistent report: every table cell 0, metadata filled. */
export function fillClean(model: WorkbookModel): void {
  for (const key of TABLE_KEYS) put(model, key, 0);
  put(model, 'meta.body', '沙坡头区香山乡人民政府');
  put(model, 'meta.year', 2024);
  put(model, 'meta.level', '乡镇人民政府、街道办事处');
  put(model, 'meta.kind', '本机关年度报告');
}

/** `n` table-三 cells hold text: exactly `n` VALUE-COUNT findings (the sums they belong to are skipped). */
export function spoil(model: WorkbookModel, n: number): string[] {
  const keys = TABLE_KEYS.filter((k) => k.startsWith('t3.')).slice(0, n);
  if (keys.length < n) throw new Error('not enough cells');
  for (const k of keys) put(model, k, '三');
  return keys;
}

/** Every request and response the host saw stayed under Excel on the web's 5 MB. */
export function expectWithinPayloadLimit(host: ExcelHost): void {
  for (const r of host.requests) {
    expect(r.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(r.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
  }
}

/** Everything a user could see of the sheets: values, formulas, number formats, fills, formats, protection, notes, comments. */
export function snapshot(model: WorkbookModel, options: { skip?: string[]; notes?: boolean } = {}): unknown {
  const skip = new Set(options.skip ?? []);
  return {
    sheets: model.sheets
      .filter((s) => !skip.has(s.name))
      .map((s) => ({
        name: s.name,
        protection: { ...s.protection },
        cells: [...s.cells]
          .filter(([, c]) => c.value !== '' || c.formula || c.format.size || c.fill || c.numberFormat !== 'General')
          .map(([k, c]) => [k, c.value, c.formula, c.numberFormat, c.fill, [...c.format].sort()])
          .sort(),
        ...(options.notes === false ? {} : { notes: [...s.notes].sort() }),
        merges: s.merges.length,
        validations: s.validations.size,
        conditionalFormats: s.conditionalFormats.length,
      })),
    comments: options.notes === false ? [] : model.comments.map((c) => [c.sheetId, c.row, c.col, c.content]),
  };
}
