/**
 * TEST ONLY: Excel on Windows around the production pane in Chromium. test/e2e/harness.ts bundles this file
 * with webpack and runs it as an init script, before the page's own scripts: it puts the simulated Excel host
 * (src/excel/testing) behind `window.external`, as the Office client does in the task pane's webview. The pane then
 * loads its self-hosted office.js as in production, office.js picks excel-win32-16.01.js from the same folder, and
 * every Excel.run travels through Microsoft's library to the host. `window.__excelHost` lets the test type into the
 * workbook like a clerk and read what the pane did to it. The ExcelApi version the host reports is
 * `window.__EXCEL_API__` (set by an earlier init script), else 1.18.
 */
import { toA1 } from '../../src/core';
import { KEY_POSITIONS, TABLE_KEYS } from '../../src/spec';
import { ExcelHost } from '../../src/excel/testing/excelHost';
import { win32External } from '../../src/excel/testing/hostBridge';
import { columnLetters } from '../../src/core/address';
import type { CellValue } from '../../src/excel/testing/workbookModel';
import { MARK_FILL, NOTE_TAG } from '../../src/excel/workbook';

/** One request the pane's office.js sent to the host. */
export interface RequestSeen {
  workbook: boolean;
  commands: string[];
  requestBytes: number;
  responseBytes: number;
}

export interface HostRecords {
  requests: RequestSeen[];
  sheets: string[];
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  /** `表三!D5` of every cell filled with check's colours (red for an error, yellow for a warning). */
  markedCells: string[];
  /** Notes and threaded comments that check added (they start with NOTE_TAG). */
  ourNotes: string[];
  ourComments: string[];
  /** Every native chart: its sheet, title, type, and per series its name and number of values. */
  charts: { sheet: string; title: string; type: string; series: { name: string; values: number }[] }[];
}

/** The test's handle on the workbook, as `window.__excelHost`. */
export interface ExcelHostHook {
  apiVersion: string;
  /** Type values into the cells of canonical keys (`t3.new.natural`, `meta.body`, …). */
  put(values: Record<string, CellValue>): void;
  /** A complete, consistent report: every table cell 0, the metadata filled. */
  fillClean(): void;
  records(): HostRecords;
  /** Forget the requests recorded so far. */
  resetRequests(): void;
  /** `sheet!A1` of every cell whose value contains `text`. */
  cellsContaining(text: string): string[];
  /** The values of `sheet` from A1 to its last filled row and column ('' where empty), or null if there is no such sheet. */
  table(sheet: string): CellValue[][] | null;
}

const MARK_COLOURS: readonly string[] = Object.values(MARK_FILL);

interface HostWindow {
  __EXCEL_API__?: string;
  __excelHost?: ExcelHostHook;
  external?: unknown;
}

const win = window as unknown as HostWindow;
// Windows Excel's payload limit is not known (README of src/excel/testing: R9): sizes are measured, the test asserts them.
const host = new ExcelHost({ apiVersion: win.__EXCEL_API__ ?? '1.18' });
const model = host.model;

function put(key: string, value: CellValue): void {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`excelHostPage: no cell for key ${key}`);
  if (!model.findSheet(pos.sheet.name)) throw new Error(`excelHostPage: sheet ${pos.sheet.name} is missing; insert the template first`);
  model.type(pos.sheet.name, toA1(pos.row, pos.col), value);
}

function cellName(sheet: string, key: string): string {
  const [row, col] = key.split(',').map(Number);
  return `${sheet}!${columnLetters(col)}${row + 1}`;
}

const hook: ExcelHostHook = {
  apiVersion: host.apiVersion,
  put(values) {
    for (const [key, value] of Object.entries(values)) put(key, value);
  },
  fillClean() {
    for (const key of TABLE_KEYS) put(key, 0);
    put('meta.body', '沙坡头区香山乡人民政府');
    put('meta.year', 2024);
    put('meta.level', '乡镇人民政府、街道办事处');
    put('meta.kind', '本机关年度报告');
  },
  records() {
    return {
      requests: host.requests.map((r) => ({ workbook: r.workbook, commands: [...r.commands], requestBytes: r.requestBytes, responseBytes: r.responseBytes })),
      sheets: model.sheets.map((s) => s.name),
      selection: model.selection ? { ...model.selection } : null,
      activeSheet: model.activeSheet,
      markedCells: model.sheets.flatMap((s) => [...s.cells].filter(([, c]) => c.fill !== null && MARK_COLOURS.includes(c.fill.color)).map(([k]) => cellName(s.name, k))),
      ourNotes: model.sheets.flatMap((s) => [...s.notes.values()].filter((n) => n.startsWith(NOTE_TAG))),
      ourComments: model.comments.filter((c) => c.content.startsWith(NOTE_TAG)).map((c) => c.content),
      charts: model.sheets.flatMap((s) =>
        s.charts.map((c) => ({ sheet: s.name, title: c.title.text, type: c.type, series: model.chartData(c).map((d) => ({ name: d.name, values: d.values.length })) })),
      ),
    };
  },
  resetRequests() {
    host.resetCounters();
  },
  cellsContaining(text) {
    return model.sheets.flatMap((s) => [...s.cells].filter(([, c]) => typeof c.value === 'string' && c.value.includes(text)).map(([k]) => cellName(s.name, k)));
  },
  table(name) {
    const s = model.findSheet(name);
    if (!s) return null;
    const filled = [...s.cells].filter(([, c]) => c.value !== '').map(([k]) => k.split(',').map(Number));
    const rows = Math.max(0, ...filled.map(([r]) => r + 1));
    const cols = Math.max(0, ...filled.map(([, c]) => c + 1));
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => model.peek(s, r, c)?.value ?? ''));
  },
};

win.external = win32External(host);
win.__excelHost = hook;
