/**
 * A typed fake of the Excel object model (the parts in ../host.ts), for tests and the bench. Like Office it queues
 * every command until `context.sync()`, throws when a property is read that was not loaded and synced, fails a whole
 * sync when a command in it fails (earlier commands stay applied), and counts syncs and commands. It models values,
 * formulas, number formats, fills, fonts, borders, locking, merges, names, conditional formats, data validation,
 * notes, threaded comments, protection, column widths/row heights and page layout — enough for src/excel.
 * The task pane's tests may reuse it: `new FakeExcel()`, then pass `fake.run` / `fake.isSetSupported` as deps.
 */
import { columnLetters } from '../../core/address';
import type {
  XlComment,
  XlCommentCollection,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlDataValidation,
  XlNamedItem,
  XlNamedItemCollection,
  XlNote,
  XlNoteCollection,
  XlPageLayout,
  XlRange,
  XlRangeBorderCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../host';

export class FakeOfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export type CellValue = string | number | boolean;

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Format properties by path: `fill/color`, `font/name`, `protection/locked`, `borders/EdgeTop/style`, … */
  format: Map<string, unknown>;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeValidation {
  rule: Record<string, unknown> | null;
  prompt: Record<string, unknown>;
  errorAlert: Record<string, unknown>;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  formula: string;
  fill: string | null;
  font: string | null;
}

export interface FakeSheet {
  name: string;
  visibility: string;
  protected: boolean;
  password: string | null;
  allowFormatCells: boolean;
  cells: Map<string, FakeCell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  conditionalFormats: FakeConditionalFormat[];
  validations: Map<string, FakeValidation>;
  notes: Map<string, string>;
  pageLayout: Record<string, unknown>;
}

export interface FakeComment {
  id: number;
  sheet: string;
  row: number;
  col: number;
  content: string;
}

const DEFAULT_FORMAT: Record<string, unknown> = {
  'font/name': 'Calibri',
  'font/size': 11,
  'font/bold': false,
  'font/color': '#000000',
  'protection/locked': true,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
};

const key = (row: number, col: number): string => `${row},${col}`;

/** Column letters, as the core writes them. */
export const colLetters = columnLetters;

function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.trim().toUpperCase());
  if (!m) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRect(address: string): Rect {
  const [a, b] = address.split(':');
  const s = parseCell(a);
  const e = b ? parseCell(b) : s;
  return { row: Math.min(s.row, e.row), col: Math.min(s.col, e.col), rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

export function rectA1(r: Rect): string {
  const s = `${colLetters(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? s : `${s}:${colLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** `表三!D5`, `'My sheet'!A1`, `=表三!$D$5` → sheet and rect. */
export function parseQualified(ref: string): { sheet: string; rect: Rect } {
  const text = ref.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) throw new FakeOfficeError('InvalidArgument', `Not a sheet-qualified reference: ${ref}`);
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, rect: parseRect(text.slice(bang + 1)) };
}

function qualify(sheet: string, r: Rect): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${rectA1(r)}`;
}

const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

function cellsOf(r: Rect): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (let i = 0; i < r.rows; i += 1) for (let j = 0; j < r.cols; j += 1) out.push({ row: r.row + i, col: r.col + j });
  return out;
}

export function newSheet(name: string): FakeSheet {
  return {
    name,
    visibility: 'Visible',
    protected: false,
    password: null,
    allowFormatCells: false,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    conditionalFormats: [],
    validations: new Map(),
    notes: new Map(),
    pageLayout: {},
  };
}

interface SyncHook {
  kind: 'fail' | 'hang';
  code?: string;
}

/** The workbook state plus the counters; `run` is a drop-in for `Excel.run`. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  names = new Map<string, { sheet: string; rect: Rect }>();
  comments: FakeComment[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Context syncs, over every run. */
  syncs = 0;
  /** Commands queued, by kind, over every run. */
  ops: string[] = [];
  private hooks: SyncHook[] = [];
  private commentIds = 0;

  /** `apiVersion`: the highest ExcelApi set the host supports, e.g. 1.18 (notes) or 1.8. */
  constructor(public apiVersion = '1.18') {}

  readonly isSetSupported = (name: string, minVersion = '1.1'): boolean => {
    if (name !== 'ExcelApi') return false;
    const [maj, min] = minVersion.split('.').map(Number);
    const [hmaj, hmin] = this.apiVersion.split('.').map(Number);
    return hmaj > maj || (hmaj === maj && (hmin ?? 0) >= (min ?? 0));
  };

  readonly run = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => batch(new FakeContext(this));

  /** The next `times` syncs fail with this Office error code (their commands are not executed). */
  failNextSyncs(code: string, times = 1): void {
    for (let i = 0; i < times; i += 1) this.hooks.push({ kind: 'fail', code });
  }

  /** The next `times` syncs never settle (Excel on the web while the server is busy). */
  hangNextSyncs(times = 1): void {
    for (let i = 0; i < times; i += 1) this.hooks.push({ kind: 'hang' });
  }

  resetCounters(): void {
    this.syncs = 0;
    this.ops = [];
  }

  requireApi(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  // ---- direct state access for tests ------------------------------------------------------------------------------

  addSheet(name: string): FakeSheet {
    if (this.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists`);
    const s = newSheet(name);
    this.sheets.push(s);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell {
    const s = this.sheet(sheet);
    const p = parseCell(a1);
    return this.cellAt(s, p.row, p.col);
  }

  cellAt(s: FakeSheet, row: number, col: number): FakeCell {
    let c = s.cells.get(key(row, col));
    if (!c) {
      c = { value: '', formula: null, numberFormat: 'General', format: new Map() };
      s.cells.set(key(row, col), c);
    }
    return c;
  }

  peek(s: FakeSheet, row: number, col: number): FakeCell | undefined {
    return s.cells.get(key(row, col));
  }

  formatOf(c: FakeCell | undefined, path: string): unknown {
    if (path === 'fill/color') return (c?.format.get('fill/color') as string | undefined) ?? '#FFFFFF';
    if (path === 'fill/pattern') return c?.format.has('fill/color') ? 'Solid' : 'None';
    if (c?.format.has(path)) return c.format.get(path);
    return DEFAULT_FORMAT[path] ?? null;
  }

  setValue(sheet: string, a1: string, value: CellValue): void {
    const c = this.cell(sheet, a1);
    c.value = value;
    c.formula = null;
  }

  getValue(sheet: string, a1: string): CellValue {
    const s = this.sheet(sheet);
    const p = parseCell(a1);
    return this.peek(s, p.row, p.col)?.value ?? '';
  }

  addComment(sheet: string, row: number, col: number, content: string): FakeComment {
    const existing = this.comments.find((c) => c.sheet === sheet && c.row === row && c.col === col);
    if (existing) throw new FakeOfficeError('InvalidArgument', `The cell ${sheet}!${rectA1({ row, col, rows: 1, cols: 1 })} already has a comment`);
    this.commentIds += 1;
    const c = { id: this.commentIds, sheet, row, col, content };
    this.comments.push(c);
    return c;
  }

  /** Bounding rect of cells with a value (or any content when `valuesOnly` is false); A1 when empty. */
  usedRect(s: FakeSheet, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of s.cells) {
      if (valuesOnly ? c.value === '' && !c.formula : c.value === '' && !c.formula && c.format.size === 0) continue;
      const [r, col] = k.split(',').map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  // ---- the sync -----------------------------------------------------------------------------------------------------

  async runQueue(queue: Array<() => void>): Promise<void> {
    this.syncs += 1;
    const hook = this.hooks.shift();
    if (hook?.kind === 'hang') return new Promise<void>(() => undefined);
    if (hook?.kind === 'fail') throw new FakeOfficeError(hook.code ?? 'GeneralException', `Injected failure ${hook.code}`);
    for (const op of queue) op();
  }

  newCommentId(): number {
    this.commentIds += 1;
    return this.commentIds;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

class FakeContext implements XlContext {
  queue: Array<() => void> = [];
  readonly workbook: XlWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(kind: string, op: () => void): void {
    this.excel.ops.push(kind);
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    await this.excel.runQueue(queue);
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function splitProps(props?: string | string[]): string[] {
  const list = Array.isArray(props) ? props : (props ?? '').split(',');
  return list.map((p) => p.trim().replace(/\./g, '/')).filter(Boolean);
}

/** A proxy whose loaded properties live in one map by path. */
abstract class Loadable {
  loaded = new Map<string, unknown>();
  nullState: boolean | undefined;

  constructor(readonly ctx: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  read<T>(path: string): T {
    if (!this.loaded.has(path)) throw notLoaded(path);
    return this.loaded.get(path) as T;
  }

  abstract readPath(path: string): unknown;

  queueLoad(props: string | string[] | undefined, kind: string): void {
    const paths = splitProps(props);
    this.ctx.enqueue(`load ${kind}`, () => {
      for (const p of paths) this.loaded.set(p, this.readPath(p));
    });
  }
}

class WorkbookProxy implements XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  readonly comments: XlCommentCollection;
  readonly notes: XlNoteCollection;

  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.comments = new CommentCollectionProxy(ctx);
    this.notes = new NoteCollectionProxy(ctx, null);
  }
}

class WorksheetCollectionProxy extends Loadable implements XlWorksheetCollection {
  private itemProxies: SheetProxy[] | null = null;

  get items(): XlWorksheet[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  readPath(): unknown {
    return null;
  }

  getItem(name: string): XlWorksheet {
    return new SheetProxy(this.ctx, () => this.ctx.excel.sheet(name));
  }

  getItemOrNullObject(name: string): XlWorksheet {
    const proxy = new SheetProxy(this.ctx, () => this.ctx.excel.sheet(name));
    this.ctx.enqueue('getItemOrNullObject worksheet', () => {
      proxy.nullState = !this.ctx.excel.findSheet(name);
    });
    return proxy;
  }

  add(name?: string): XlWorksheet {
    const sheetName = name ?? `Sheet${this.ctx.excel.sheets.length + 1}`;
    this.ctx.enqueue('add worksheet', () => {
      this.ctx.excel.addSheet(sheetName);
    });
    return new SheetProxy(this.ctx, () => this.ctx.excel.sheet(sheetName));
  }

  load(props?: string | string[]): XlWorksheetCollection {
    const paths = splitProps(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue('load worksheets', () => {
      this.itemProxies = this.ctx.excel.sheets.map((s) => {
        const p = new SheetProxy(this.ctx, () => s);
        p.nullState = false;
        for (const path of paths) p.loaded.set(path, p.readPath(path));
        return p;
      });
    });
    return this;
  }
}

class SheetProxy extends Loadable implements XlWorksheet {
  readonly protection: XlWorksheetProtection;
  readonly notes: XlNoteCollection;
  readonly pageLayout: XlPageLayout;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, this);
    this.notes = new NoteCollectionProxy(ctx, this);
    this.pageLayout = pageLayoutProxy(ctx, this);
  }

  get name(): string {
    return this.read('name');
  }

  set name(v: string) {
    this.ctx.enqueue('set worksheet name', () => {
      this.resolve().name = v;
    });
  }

  get visibility(): string {
    return this.read('visibility');
  }

  set visibility(v: string) {
    this.ctx.enqueue('set worksheet visibility', () => {
      this.resolve().visibility = v;
    });
  }

  readPath(path: string): unknown {
    const s = this.resolve();
    if (path === 'name') return s.name;
    if (path === 'visibility') return s.visibility;
    if (path === 'protection/protected') return s.protected;
    throw new FakeOfficeError('InvalidArgument', `Fake worksheet cannot load ${path}`);
  }

  getRange(address?: string): XlRange {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, rect: address ? parseRect(address) : { row: 0, col: 0, rows: 1048576, cols: 16384 } };
    });
  }

  getUsedRange(valuesOnly?: boolean): XlRange {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, rect: this.ctx.excel.usedRect(sheet, valuesOnly ?? false) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  activate(): void {
    this.ctx.enqueue('activate worksheet', () => {
      this.ctx.excel.activeSheet = this.resolve().name;
    });
  }

  load(props?: string | string[]): XlWorksheet {
    this.queueLoad(props, 'worksheet');
    return this;
  }
}

class ProtectionProxy implements XlWorksheetProtection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetProxy,
  ) {}

  get protected(): boolean {
    return this.sheet.read('protection/protected');
  }

  protect(options?: { allowFormatCells?: boolean }, password?: string): void {
    this.ctx.enqueue('protect worksheet', () => {
      const s = this.sheet.resolve();
      if (s.protected) throw new FakeOfficeError('InvalidOperation', 'The sheet is already protected.');
      s.protected = true;
      s.password = password ?? null;
      s.allowFormatCells = options?.allowFormatCells ?? false;
    });
  }

  unprotect(password?: string): void {
    this.ctx.enqueue('unprotect worksheet', () => {
      const s = this.sheet.resolve();
      if (!s.protected) throw new FakeOfficeError('InvalidOperation', 'The sheet is not protected.');
      if (s.password !== null && s.password !== password) throw new FakeOfficeError('InvalidArgument', 'The password is incorrect.');
      s.protected = false;
      s.password = null;
    });
  }

  load(props?: string | string[]): XlWorksheetProtection {
    this.sheet.queueLoad(
      splitProps(props).map((p) => `protection/${p}`),
      'protection',
    );
    return this;
  }
}

function pageLayoutProxy(ctx: FakeContext, sheet: SheetProxy): XlPageLayout {
  const set = (prop: string) => (v: unknown) =>
    ctx.enqueue(`set pageLayout ${prop}`, () => {
      ctx.excel.requireApi('1.9', 'pageLayout');
      sheet.resolve().pageLayout[prop] = v;
    });
  const proxy = {} as XlPageLayout;
  for (const prop of ['orientation', 'paperSize', 'zoom', 'centerHorizontally']) {
    Object.defineProperty(proxy, prop, {
      get: () => {
        throw notLoaded(`pageLayout/${prop}`);
      },
      set: set(prop),
      enumerable: true,
    });
  }
  return proxy;
}

interface Resolved {
  sheet: FakeSheet;
  rect: Rect;
}

class RangeProxy extends Loadable implements XlRange {
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: XlConditionalFormatCollection;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => Resolved,
  ) {
    super(ctx);
    this.format = new FormatProxy(this);
    this.dataValidation = new ValidationProxy(this);
    this.conditionalFormats = new ConditionalFormatsProxy(this);
  }

  private get excel(): FakeExcel {
    return this.ctx.excel;
  }

  get address(): string {
    return this.read('address');
  }

  get values(): CellValue[][] {
    return this.read('values');
  }

  set values(v: CellValue[][]) {
    this.writeGrid('values', v, (c, x) => {
      if (typeof x === 'string' && x.startsWith('=')) {
        c.formula = x;
        c.value = '';
      } else {
        c.value = x;
        c.formula = null;
      }
    });
  }

  get formulas(): CellValue[][] {
    return this.read('formulas');
  }

  set formulas(v: CellValue[][]) {
    this.values = v;
  }

  get text(): string[][] {
    return this.read('text');
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  set numberFormat(v: string[][]) {
    this.writeGrid('numberFormat', v, (c, x) => {
      c.numberFormat = String(x);
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get rowCount(): number {
    return this.read('rowCount');
  }

  get columnCount(): number {
    return this.read('columnCount');
  }

  /** Commands that change cells check protection like Excel: locked cells and formats are off limits. */
  guard(r: Resolved, what: 'value' | 'format' | 'structure'): void {
    if (!r.sheet.protected) return;
    if (what === 'format' && r.sheet.allowFormatCells) return;
    if (what === 'value' && cellsOf(r.rect).every((p) => this.excel.formatOf(this.excel.peek(r.sheet, p.row, p.col), 'protection/locked') === false)) return;
    throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  }

  private writeGrid(kind: string, grid: CellValue[][], apply: (c: FakeCell, v: CellValue) => void): void {
    this.ctx.enqueue(`set range ${kind}`, () => {
      const r = this.resolve();
      if (grid.length !== r.rect.rows || grid.some((row) => row.length !== r.rect.cols)) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range (${rectA1(r.rect)}).`);
      }
      this.guard(r, kind === 'values' ? 'value' : 'format');
      grid.forEach((row, i) => row.forEach((v, j) => apply(this.excel.cellAt(r.sheet, r.rect.row + i, r.rect.col + j), v)));
    });
  }

  setFormat(path: string, value: unknown): void {
    this.ctx.enqueue(`set format ${path}`, () => {
      const r = this.resolve();
      if (path === 'columnWidth') {
        this.guard(r, 'format');
        for (let j = 0; j < r.rect.cols; j += 1) r.sheet.columnWidths.set(r.rect.col + j, value as number);
        return;
      }
      if (path === 'rowHeight') {
        this.guard(r, 'format');
        for (let i = 0; i < r.rect.rows; i += 1) r.sheet.rowHeights.set(r.rect.row + i, value as number);
        return;
      }
      if (path === 'fill/pattern') this.excel.requireApi('1.9', 'RangeFill.pattern');
      this.guard(r, path === 'protection/locked' ? 'structure' : 'format');
      for (const p of cellsOf(r.rect)) this.excel.cellAt(r.sheet, p.row, p.col).format.set(path, value);
    });
  }

  clearFill(): void {
    this.ctx.enqueue('clear fill', () => {
      const r = this.resolve();
      this.guard(r, 'format');
      for (const p of cellsOf(r.rect)) this.excel.peek(r.sheet, p.row, p.col)?.format.delete('fill/color');
    });
  }

  readPath(path: string): unknown {
    const r = this.resolve();
    const { sheet, rect } = r;
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => f(this.excel.peek(sheet, rect.row + i, rect.col + j))));
    switch (path) {
      case 'address':
        return qualify(sheet.name, rect);
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'text':
        return grid((c) => (c ? String(c.value) : ''));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.col;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      default:
        break;
    }
    if (path.startsWith('format/')) {
      const sub = path.slice('format/'.length);
      if (sub === 'fill/pattern') this.excel.requireApi('1.9', 'RangeFill.pattern');
      if (sub === 'columnWidth') return sheet.columnWidths.get(rect.col) ?? 48;
      if (sub === 'rowHeight') return sheet.rowHeights.get(rect.row) ?? 14.25;
      const vals = cellsOf(rect).map((p) => this.excel.formatOf(this.excel.peek(sheet, p.row, p.col), sub));
      return vals.every((v) => v === vals[0]) ? vals[0] : null;
    }
    throw new FakeOfficeError('InvalidArgument', `Fake range cannot load ${path}`);
  }

  merge(across?: boolean): void {
    this.ctx.enqueue('merge', () => {
      const r = this.resolve();
      this.guard(r, 'structure');
      const rects = across ? Array.from({ length: r.rect.rows }, (_, i) => ({ ...r.rect, row: r.rect.row + i, rows: 1 })) : [r.rect];
      for (const m of rects) {
        r.sheet.merges = r.sheet.merges.filter((x) => !intersects(x, m));
        r.sheet.merges.push(m);
      }
    });
  }

  clear(applyTo?: string): void {
    this.ctx.enqueue(`clear ${applyTo ?? 'All'}`, () => {
      const r = this.resolve();
      this.guard(r, 'structure');
      for (const p of cellsOf(r.rect)) {
        const c = this.excel.peek(r.sheet, p.row, p.col);
        if (!c) continue;
        if (applyTo !== 'Formats') {
          c.value = '';
          c.formula = null;
        }
        if (applyTo !== 'Contents') {
          c.format.clear();
          c.numberFormat = 'General';
        }
      }
    });
  }

  select(): void {
    this.ctx.enqueue('select', () => {
      const r = this.resolve();
      this.excel.selection = { sheet: r.sheet.name, address: rectA1(r.rect) };
      this.excel.activeSheet = r.sheet.name;
    });
  }

  load(props?: string | string[]): XlRange {
    this.queueLoad(props, 'range');
    return this;
  }
}

class FormatProxy implements XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  readonly borders: XlRangeBorderCollection;
  readonly protection: { locked: boolean };

  constructor(private readonly range: RangeProxy) {
    this.fill = {
      get color(): string {
        return range.read('format/fill/color');
      },
      set color(v: string) {
        range.setFormat('fill/color', v);
      },
      get pattern(): string {
        return range.read('format/fill/pattern');
      },
      set pattern(v: string) {
        range.setFormat('fill/pattern', v);
      },
      clear: () => range.clearFill(),
    };
    this.font = nested<XlRangeFont>(range, 'font', ['name', 'size', 'bold', 'color']);
    this.protection = nested<{ locked: boolean }>(range, 'protection', ['locked']);
    this.borders = {
      getItem: (index: string) => nested<{ style: string; weight: string; color: string }>(range, `borders/${index}`, ['style', 'weight', 'color']),
    };
  }

  get columnWidth(): number {
    return this.range.read('format/columnWidth');
  }

  set columnWidth(v: number) {
    this.range.setFormat('columnWidth', v);
  }

  get rowHeight(): number {
    return this.range.read('format/rowHeight');
  }

  set rowHeight(v: number) {
    this.range.setFormat('rowHeight', v);
  }

  get wrapText(): boolean {
    return this.range.read('format/wrapText');
  }

  set wrapText(v: boolean) {
    this.range.setFormat('wrapText', v);
  }

  get horizontalAlignment(): string {
    return this.range.read('format/horizontalAlignment');
  }

  set horizontalAlignment(v: string) {
    this.range.setFormat('horizontalAlignment', v);
  }

  get verticalAlignment(): string {
    return this.range.read('format/verticalAlignment');
  }

  set verticalAlignment(v: string) {
    this.range.setFormat('verticalAlignment', v);
  }
}

function nested<T extends object>(range: RangeProxy, prefix: string, props: string[]): T {
  const obj = {} as T;
  for (const prop of props) {
    Object.defineProperty(obj, prop, {
      get: () => range.read(`format/${prefix}/${prop}`),
      set: (v: unknown) => range.setFormat(`${prefix}/${prop}`, v),
      enumerable: true,
    });
  }
  return obj;
}

class ValidationProxy implements XlDataValidation {
  constructor(private readonly range: RangeProxy) {}

  private update(kind: string, apply: (v: FakeValidation) => void, failIfRule = false): void {
    this.range.ctx.enqueue(`dataValidation ${kind}`, () => {
      const r = this.range.resolve();
      this.range.guard(r, 'structure');
      for (const p of cellsOf(r.rect)) {
        const k = key(p.row, p.col);
        const v = r.sheet.validations.get(k) ?? { rule: null, prompt: {}, errorAlert: {} };
        // Excel on the web: setting a rule over an existing one can throw; clear() first.
        if (failIfRule && v.rule) throw new FakeOfficeError('InvalidOperation', 'A data validation rule already exists; clear it first.');
        apply(v);
        r.sheet.validations.set(k, v);
      }
    });
  }

  get rule(): XlDataValidation['rule'] {
    return this.range.read('dataValidation/rule');
  }

  set rule(rule: XlDataValidation['rule']) {
    this.update('rule', (v) => (v.rule = { ...rule }), true);
  }

  get prompt(): XlDataValidation['prompt'] {
    return this.range.read('dataValidation/prompt');
  }

  set prompt(p: XlDataValidation['prompt']) {
    this.update('prompt', (v) => (v.prompt = { ...p }));
  }

  get errorAlert(): XlDataValidation['errorAlert'] {
    return this.range.read('dataValidation/errorAlert');
  }

  set errorAlert(a: XlDataValidation['errorAlert']) {
    this.update('errorAlert', (v) => (v.errorAlert = { ...a }));
  }

  clear(): void {
    this.range.ctx.enqueue('dataValidation clear', () => {
      const r = this.range.resolve();
      this.range.guard(r, 'structure');
      for (const p of cellsOf(r.rect)) r.sheet.validations.delete(key(p.row, p.col));
    });
  }
}

class ConditionalFormatsProxy implements XlConditionalFormatCollection {
  constructor(private readonly range: RangeProxy) {}

  add(type: string): XlConditionalFormat {
    const entry: FakeConditionalFormat = { rect: { row: 0, col: 0, rows: 1, cols: 1 }, type, formula: '', fill: null, font: null };
    const ctx = this.range.ctx;
    ctx.enqueue('add conditional format', () => {
      ctx.excel.requireApi('1.6', 'conditionalFormats');
      const r = this.range.resolve();
      this.range.guard(r, 'format');
      entry.rect = r.rect;
      r.sheet.conditionalFormats.push(entry);
    });
    const setter = (kind: string, apply: (v: string) => void) => (v: string) => ctx.enqueue(`set conditional format ${kind}`, () => apply(v));
    const unreadable = (): never => {
      throw notLoaded('conditionalFormat');
    };
    const rule = Object.defineProperty({} as { formula: string }, 'formula', { get: unreadable, set: setter('formula', (v) => (entry.formula = v)) });
    const fill = Object.defineProperty({} as { color: string }, 'color', { get: unreadable, set: setter('fill', (v) => (entry.fill = v)) });
    const font = Object.defineProperty({} as { color: string }, 'color', { get: unreadable, set: setter('font', (v) => (entry.font = v)) });
    return { custom: { rule, format: { fill, font } } };
  }

  clearAll(): void {
    this.range.ctx.enqueue('clear conditional formats', () => {
      const r = this.range.resolve();
      r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, r.rect));
    });
  }
}

class NamedItemCollectionProxy extends Loadable implements XlNamedItemCollection {
  private itemProxies: XlNamedItem[] | null = null;

  get items(): XlNamedItem[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  readPath(): unknown {
    return null;
  }

  private named(name: string): XlNamedItem {
    const ctx = this.ctx;
    const resolve = (): Resolved => {
      const n = ctx.excel.names.get(name);
      if (!n) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: name ${name}`);
      return { sheet: ctx.excel.sheet(n.sheet), rect: n.rect };
    };
    return {
      get name(): string {
        return name;
      },
      getRange: () => new RangeProxy(ctx, resolve),
    };
  }

  add(name: string, reference: string): XlNamedItem {
    this.ctx.enqueue('add name', () => {
      if (this.ctx.excel.names.has(name)) throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists`);
      const ref = parseQualified(reference);
      this.ctx.excel.sheet(ref.sheet);
      this.ctx.excel.names.set(name, ref);
    });
    return this.named(name);
  }

  getItem(name: string): XlNamedItem {
    return this.named(name);
  }

  load(): XlNamedItemCollection {
    this.ctx.enqueue('load names', () => {
      this.itemProxies = [...this.ctx.excel.names.keys()].map((n) => this.named(n));
    });
    return this;
  }
}

class NoteProxy extends Loadable implements XlNote {
  constructor(
    ctx: FakeContext,
    private readonly locate: () => { sheet: FakeSheet; key: string } | null,
  ) {
    super(ctx);
  }

  private found(): { sheet: FakeSheet; key: string } {
    const at = this.locate();
    if (!at || !at.sheet.notes.has(at.key)) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
    return at;
  }

  get content(): string {
    return this.read('content');
  }

  set content(v: string) {
    this.ctx.enqueue('set note content', () => {
      const at = this.found();
      at.sheet.notes.set(at.key, v);
    });
  }

  readPath(path: string): unknown {
    if (this.nullState) return null;
    const at = this.found();
    if (path === 'content') return at.sheet.notes.get(at.key);
    throw new FakeOfficeError('InvalidArgument', `Fake note cannot load ${path}`);
  }

  delete(): void {
    this.ctx.enqueue('delete note', () => {
      const at = this.found();
      at.sheet.notes.delete(at.key);
    });
  }

  load(props?: string | string[]): XlNote {
    this.queueLoad(props, 'note');
    return this;
  }
}

class NoteCollectionProxy extends Loadable implements XlNoteCollection {
  private itemProxies: XlNote[] | null = null;

  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetProxy | null,
  ) {
    super(ctx);
  }

  get items(): XlNote[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  readPath(): unknown {
    return null;
  }

  private target(address: string): { sheet: FakeSheet; key: string } {
    const { sheet, rect } = this.sheet ? { sheet: this.sheet.resolve(), rect: parseRect(address) } : (() => {
      const q = parseQualified(address);
      return { sheet: this.ctx.excel.sheet(q.sheet), rect: q.rect };
    })();
    if (rect.rows !== 1 || rect.cols !== 1) throw new FakeOfficeError('InvalidCellAddress', `Not a single cell: ${address}`);
    return { sheet, key: key(rect.row, rect.col) };
  }

  add(cellAddress: string, content: string): XlNote {
    this.ctx.enqueue('add note', () => {
      this.ctx.excel.requireApi('1.18', 'notes');
      const at = this.target(cellAddress);
      if (at.sheet.notes.has(at.key)) throw new FakeOfficeError('InvalidArgument', `The cell ${cellAddress} already has a note.`);
      at.sheet.notes.set(at.key, String(content));
    });
    return new NoteProxy(this.ctx, () => this.target(cellAddress));
  }

  getItemOrNullObject(cellAddress: string): XlNote {
    const proxy = new NoteProxy(this.ctx, () => this.target(cellAddress));
    this.ctx.enqueue('getItemOrNullObject note', () => {
      this.ctx.excel.requireApi('1.18', 'notes');
      const at = this.target(cellAddress);
      proxy.nullState = !at.sheet.notes.has(at.key);
    });
    return proxy;
  }

  load(props?: string | string[]): XlNoteCollection {
    const paths = splitProps(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue('load notes', () => {
      this.ctx.excel.requireApi('1.18', 'notes');
      const sheets = this.sheet ? [this.sheet.resolve()] : this.ctx.excel.sheets;
      this.itemProxies = sheets.flatMap((s) =>
        [...s.notes.keys()].map((k) => {
          const p = new NoteProxy(this.ctx, () => ({ sheet: s, key: k }));
          p.nullState = false;
          for (const path of paths) p.loaded.set(path, p.readPath(path));
          return p;
        }),
      );
    });
    return this;
  }
}

class CommentCollectionProxy extends Loadable implements XlCommentCollection {
  private itemProxies: XlComment[] | null = null;

  get items(): XlComment[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  readPath(): unknown {
    return null;
  }

  private proxy(find: () => FakeComment | undefined, loaded: boolean): XlComment {
    const ctx = this.ctx;
    const snapshot = loaded ? find()?.content : undefined;
    return {
      get content(): string {
        if (!loaded) throw notLoaded('content');
        return snapshot ?? '';
      },
      set content(v: string) {
        ctx.enqueue('set comment content', () => {
          const c = find();
          if (!c) throw new FakeOfficeError('ItemNotFound', 'The comment does not exist.');
          c.content = v;
        });
      },
      delete: () =>
        ctx.enqueue('delete comment', () => {
          const c = find();
          if (!c) throw new FakeOfficeError('ItemNotFound', 'The comment does not exist.');
          ctx.excel.comments = ctx.excel.comments.filter((x) => x !== c);
        }),
    };
  }

  add(cellAddress: string, content: string): XlComment {
    let added: FakeComment | undefined;
    this.ctx.enqueue('add comment', () => {
      this.ctx.excel.requireApi('1.10', 'comments');
      const q = parseQualified(cellAddress);
      this.ctx.excel.sheet(q.sheet);
      added = this.ctx.excel.addComment(q.sheet, q.rect.row, q.rect.col, content);
    });
    return this.proxy(() => added, false);
  }

  load(): XlCommentCollection {
    this.ctx.enqueue('load comments', () => {
      this.ctx.excel.requireApi('1.10', 'comments');
      this.itemProxies = this.ctx.excel.comments.map((c) => this.proxy(() => this.ctx.excel.comments.find((x) => x.id === c.id), true));
    });
    return this;
  }
}
