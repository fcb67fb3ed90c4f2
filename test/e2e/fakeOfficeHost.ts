/**
 * TEST ONLY: stands in for office.js when test/e2e/paneInExcel.test.ts loads the production pane in Chromium. Bundled
 * by that test with webpack and served in place of `office/<version>/office.js`, it defines the globals the pane's
 * entry and the Excel adapter use — `Office.onReady` (an Excel host on a PC), `Office.HostType`/`PlatformType`,
 * `Office.context.requirements.isSetSupported` and `Excel.run` — backed by our typed fake of the Excel object model.
 * `window.__fakeExcel` lets the test type into the workbook like a clerk and read what the pane did to it.
 * The ExcelApi version the host claims is `window.__FAKE_EXCEL_API__` (set by an init script), else 1.18.
 */
import { toA1 } from '../../src/core';
import { KEY_POSITIONS, TABLE_KEYS } from '../../src/spec';
import { FakeExcel, colLetters, type CellValue } from '../../src/excel/testing/fakeExcel';
import type { XlContext } from '../../src/excel/host';
import { MARK_FILL, NOTE_TAG } from '../../src/excel/workbook';

/** One Excel.run: the syncs it made and the commands it queued. */
export interface RunRecord {
  syncs: number;
  ops: string[];
}

export interface FakeExcelRecords {
  runs: RunRecord[];
  sheets: string[];
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  /** `表三!D5` of every cell filled with check's colours (red for an error, yellow for a warning). */
  markedCells: string[];
  /** Notes that check added (they start with NOTE_TAG). */
  ourNotes: string[];
}

/** The test's handle on the workbook, as `window.__fakeExcel`. */
export interface FakeExcelHook {
  apiVersion: string;
  /** Type values into the cells of canonical keys (`t3.new.natural`, `meta.body`, …). */
  put(values: Record<string, CellValue>): void;
  /** A complete, consistent report: every table cell 0, the metadata filled. */
  fillClean(): void;
  /** What the pane did to the workbook so far. */
  records(): FakeExcelRecords;
  /** Forget the runs recorded so far. */
  resetRuns(): void;
  /** `sheet!A1` of every cell whose value contains `text`. */
  cellsContaining(text: string): string[];
}

const MARK_COLOURS: readonly unknown[] = Object.values(MARK_FILL);

interface HostWindow {
  __FAKE_EXCEL_API__?: string;
  __fakeExcel?: FakeExcelHook;
  Office?: unknown;
  Excel?: unknown;
}

const win = window as unknown as HostWindow;
const fake = new FakeExcel(win.__FAKE_EXCEL_API__ ?? '1.18');
const runs: RunRecord[] = [];

function put(key: string, value: CellValue): void {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`fakeOfficeHost: no cell for key ${key}`);
  if (!fake.findSheet(pos.sheet.name)) throw new Error(`fakeOfficeHost: sheet ${pos.sheet.name} is missing; insert the template first`);
  fake.setValue(pos.sheet.name, toA1(pos.row, pos.col), value);
}

function cellName(sheet: string, cellKey: string): string {
  const [row, col] = cellKey.split(',').map(Number);
  return `${sheet}!${colLetters(col)}${row + 1}`;
}

const hook: FakeExcelHook = {
  apiVersion: fake.apiVersion,
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
      runs: runs.map((r) => ({ syncs: r.syncs, ops: [...r.ops] })),
      sheets: fake.sheets.map((s) => s.name),
      selection: fake.selection ? { ...fake.selection } : null,
      activeSheet: fake.activeSheet,
      markedCells: fake.sheets.flatMap((s) =>
        [...s.cells].filter(([, c]) => MARK_COLOURS.includes(c.format.get('fill/color'))).map(([k]) => cellName(s.name, k)),
      ),
      ourNotes: fake.sheets.flatMap((s) => [...s.notes.values()].filter((n) => n.startsWith(NOTE_TAG))),
    };
  },
  resetRuns() {
    runs.length = 0;
  },
  cellsContaining(text) {
    return fake.sheets.flatMap((s) =>
      [...s.cells].filter(([, c]) => typeof c.value === 'string' && c.value.includes(text)).map(([k]) => cellName(s.name, k)),
    );
  },
};

/** `Excel.run` over the fake, recording each run's syncs and commands (runs are assumed not to overlap). */
async function run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
  const record: RunRecord = { syncs: 0, ops: [] };
  runs.push(record);
  const firstOp = fake.ops.length;
  try {
    return await fake.run((context) =>
      batch({
        workbook: context.workbook,
        sync: () => {
          record.syncs += 1;
          return context.sync();
        },
      }),
    );
  } finally {
    record.ops = fake.ops.slice(firstOp);
  }
}

const info = { host: 'Excel', platform: 'PC' };

win.Office = {
  HostType: { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  context: { requirements: { isSetSupported: fake.isSetSupported } },
  // Like office.js: the callback and the promise both get the host, asynchronously.
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};
win.Excel = { run };
win.__fakeExcel = hook;
