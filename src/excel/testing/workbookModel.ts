/**
 * TEST ONLY: the in-memory workbook beneath the simulated Excel host (./excelHost.ts). Microsoft's office.js client
 * library talks to the host; the host reads and changes this model. Tests and the bench arrange a workbook and look at
 * the result here, never through the adapter. Every behaviour that imitates Excel is listed with its source in
 * ./README.md; the comments below name the entry.
 *
 * Kept plain so that features add fields here and classes in ./excelClasses.ts (charts: `SheetModel.charts`).
 */
import { columnLetters } from '../../core/address';

/** An error as Excel reports it in a response: `code` is what `OfficeExtension.Error.code` becomes. */
export class HostError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export type CellValue = string | number | boolean;

/** One fill as Excel holds it (README: fills). `null` on the cell means no fill. */
export interface FillModel {
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface CellModel {
  /** What `values` returns: for a formula, its cached result ('' until something computes it). */
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  fill: FillModel | null;
  /** Other format properties by path: `font/name`, `protection/locked`, `borders/EdgeTop/style`, `wrapText`, … */
  format: Map<string, unknown>;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ValidationModel {
  rule: Record<string, unknown> | null;
  prompt: Record<string, unknown>;
  errorAlert: Record<string, unknown>;
}

export interface ConditionalFormatModel {
  rect: Rect;
  type: string;
  formula: string;
  fill: string | null;
  font: string | null;
}

export interface ProtectionModel {
  protected: boolean;
  password: string | null;
  options: Record<string, boolean>;
}

/** Font of a chart element (title, legend, axis labels, data labels, chart area). */
export type ChartFontModel = Record<string, unknown>;

export interface ChartPointModel {
  fill: string | null;
  border: { color: string | null; weight: number | null; lineStyle: string | null };
}

/**
 * A series refers to cells (README: H4): its name, categories and values are read from the sheet when asked,
 * as Excel's series formulas do, so a chart follows its data.
 */
export interface ChartSeriesModel {
  /** The cell holding the name (a header cell), or null when the name was set as text. */
  nameCell: { sheetId: string; row: number; col: number } | null;
  name: string;
  sheetId: string;
  values: Rect;
  /** The category labels, or null (categories 1, 2, 3 …). */
  categories: Rect | null;
  fill: string | null;
  gapWidth: number;
  hasDataLabels: boolean;
  /** Formats of single points by index, made when a point is first formatted. */
  points: Map<number, ChartPointModel>;
}

export interface ChartAxisModel {
  reversePlotOrder: boolean;
  numberFormat: string;
  tickLabelSpacing: number | null;
  visible: boolean;
  font: ChartFontModel;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: { sheetId: string; rect: Rect };
  seriesBy: string;
  top: number;
  left: number;
  width: number;
  height: number;
  title: { text: string; visible: boolean; font: ChartFontModel };
  legend: { visible: boolean; position: string; font: ChartFontModel };
  axes: { category: ChartAxisModel; value: ChartAxisModel };
  dataLabels: { showValue: boolean; numberFormat: string; position: string; font: ChartFontModel };
  /** The chart area's font (Chart.format.font). */
  font: ChartFontModel;
  series: ChartSeriesModel[];
}

export interface SheetModel {
  /** Stable id, as `Worksheet.id` ("{GUID}"-like). */
  id: string;
  name: string;
  visibility: string;
  protection: ProtectionModel;
  cells: Map<string, CellModel>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  conditionalFormats: ConditionalFormatModel[];
  validations: Map<string, ValidationModel>;
  /** Notes (ExcelApi 1.18) by cell key `row,col`. */
  notes: Map<string, string>;
  pageLayout: Record<string, unknown>;
  charts: ChartModel[];
  /** Rows and columns frozen at the top and left (WorksheetFreezePanes). */
  freeze: { rows: number; cols: number };
  /** The range an AutoFilter was applied to (ExcelApi 1.9), or null. */
  autoFilter: Rect | null;
}

export interface CommentModel {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
}

/** A defined name: a reference to a range, or `#REF!` once its sheet was deleted. */
export interface NameModel {
  name: string;
  ref: { sheetId: string; rect: Rect } | null;
  /** The formula text as Excel shows it (`=表三!$D$5`, `=#REF!$D$5`). */
  formula: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export const DEFAULT_FORMAT: Readonly<Record<string, unknown>> = {
  'font/name': 'Calibri',
  'font/size': 11,
  'font/bold': false,
  'font/color': '#000000',
  'protection/locked': true,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
};
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 14.25;

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a1.trim().toUpperCase());
  if (!m) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 1 || col > MAX_COLS) throw new HostError('InvalidArgument', `The address is outside the sheet: ${a1}`);
  return { row, col: col - 1 };
}

function parseLine(part: string, kind: 'row' | 'col'): number {
  const clean = part.replace(/\$/g, '').toUpperCase();
  if (kind === 'row') return Number(clean) - 1;
  let col = 0;
  for (const ch of clean) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** `A1`, `A1:C3`, `A:C`, `3:5` (no sheet). */
export function parseRect(address: string): Rect {
  const text = address.trim();
  const [a, b = a] = text.split(':');
  if (/^\$?[A-Za-z]{1,3}$/.test(a) && /^\$?[A-Za-z]{1,3}$/.test(b)) {
    const c0 = parseLine(a, 'col');
    const c1 = parseLine(b, 'col');
    return { row: 0, col: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  if (/^\$?\d+$/.test(a) && /^\$?\d+$/.test(b)) {
    const r0 = parseLine(a, 'row');
    const r1 = parseLine(b, 'row');
    return { row: Math.min(r0, r1), col: 0, rows: Math.abs(r1 - r0) + 1, cols: MAX_COLS };
  }
  const s = parseCell(a);
  const e = parseCell(b);
  return { row: Math.min(s.row, e.row), col: Math.min(s.col, e.col), rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

export function rectA1(r: Rect): string {
  const s = `${columnLetters(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? s : `${s}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** The simulator quotes every sheet name that is not a plain ASCII word in an address (README: addresses). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `表三!D5`, `'My sheet'!A1:B2`, `=表三!$D$5` → sheet name and rect. */
export function parseQualified(ref: string): { sheet: string; rect: Rect } {
  const text = ref.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${ref}`);
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, rect: parseRect(text.slice(bang + 1)) };
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

export function* cellsOf(r: Rect): Generator<{ row: number; col: number }> {
  for (let i = 0; i < r.rows; i += 1) for (let j = 0; j < r.cols; j += 1) yield { row: r.row + i, col: r.col + j };
}

export function newCell(): CellModel {
  return { value: '', formula: null, numberFormat: 'General', fill: null, format: new Map() };
}

/** What a string typed into a cell becomes (README: writing values). */
export function interpretInput(input: CellValue | null, numberFormat: string): { value: CellValue; formula: string | null } {
  if (input === null) return { value: '', formula: null };
  if (typeof input !== 'string') return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.length > 1 && (input.startsWith('=') || input.startsWith('+') || input.startsWith('-'))) {
    const rest = input.slice(1).trim();
    if (input[0] !== '=' && /^\d+(\.\d+)?$/.test(rest)) return { value: input[0] === '-' ? -Number(rest) : Number(rest), formula: null };
    const formula = input.startsWith('=') ? input : `=${input}`;
    // Nothing here computes formulas: the cached result stays empty, and a formula that is plain text is an error.
    return { value: input.startsWith('=') ? '' : '#NAME?', formula };
  }
  if (numberFormat === '@') return { value: input, formula: null };
  const trimmed = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed), formula: null };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: null };
  return { value: input, formula: null };
}

export interface NewSheetOptions {
  id: string;
  name: string;
}

export function newSheet({ id, name }: NewSheetOptions): SheetModel {
  return {
    id,
    name,
    visibility: 'Visible',
    protection: { protected: false, password: null, options: {} },
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    conditionalFormats: [],
    validations: new Map(),
    notes: new Map(),
    pageLayout: {},
    charts: [],
    freeze: { rows: 0, cols: 0 },
    autoFilter: null,
  };
}

/** A custom document property (DocumentProperties.custom, ExcelApi 1.7). */
export interface CustomPropertyModel {
  key: string;
  value: string | number | boolean;
  type: 'String' | 'Number' | 'Boolean' | 'Float';
}

/** Everything the workbook holds, as plain data (to save and restore a workbook between runs). */
export interface ModelState {
  sheets: SheetModel[];
  names: Map<string, NameModel>;
  comments: CommentModel[];
  customProperties: Map<string, CustomPropertyModel>;
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  nextId: number;
}

/** The workbook and the helpers tests use to arrange it and to look at what the adapter did. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, NameModel>();
  comments: CommentModel[] = [];
  /** Custom document properties by lower-case key (keys are case-insensitive: README, D1). */
  customProperties = new Map<string, CustomPropertyModel>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  private nextId = 1;

  save(): ModelState {
    return structuredClone({
      sheets: this.sheets,
      names: this.names,
      comments: this.comments,
      customProperties: this.customProperties,
      selection: this.selection,
      activeSheet: this.activeSheet,
      nextId: this.nextId,
    });
  }

  restore(state: ModelState): void {
    const c = structuredClone(state);
    this.sheets = c.sheets;
    this.names = c.names;
    this.comments = c.comments;
    this.customProperties = c.customProperties;
    this.selection = c.selection;
    this.activeSheet = c.activeSheet;
    this.nextId = c.nextId;
  }

  newId(prefix: string): string {
    const n = String(this.nextId++).padStart(8, '0');
    return `{${prefix}${n}-0000-4000-8000-000000000000}`.slice(0, 38);
  }

  addSheet(name: string): SheetModel {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new HostError('InvalidArgument', `The sheet name is invalid: ${name}`);
    if (this.findSheet(name)) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${name}`);
    const s = newSheet({ id: this.newId('S'), name });
    this.sheets.push(s);
    this.activeSheet ??= s.name;
    return s;
  }

  /**
   * Deleting a sheet turns the names that point into it into `#REF!` (README: names). A very hidden sheet cannot be
   * deleted, nor the last visible one (README: S5).
   */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    if (s.visibility === 'VeryHidden') throw new HostError('InvalidOperation', `The worksheet ${s.name} is very hidden: make it visible or hidden before deleting it.`);
    if (s.visibility === 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
      throw new HostError('InvalidOperation', `The worksheet ${s.name} is the last visible sheet of the workbook and cannot be deleted.`);
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    this.comments = this.comments.filter((c) => c.sheetId !== s.id);
    for (const n of this.names.values()) {
      if (n.ref?.sheetId === s.id) {
        n.formula = `=#REF!${n.formula.slice(n.formula.lastIndexOf('!') + 1)}`;
        n.ref = null;
      }
    }
    // Charts elsewhere that plot this sheet's cells keep their series, which now read nothing (#REF! in Excel).
    for (const sheet of this.sheets) for (const c of sheet.charts) c.series = c.series.filter((x) => x.sheetId !== s.id);
    if (this.activeSheet === s.name) this.activeSheet = this.sheets[0]?.name ?? null;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheet(nameOrId: string): SheetModel {
    const s = this.findSheet(nameOrId);
    if (!s) throw new HostError('ItemNotFound', `The requested resource doesn't exist: worksheet ${nameOrId}`);
    return s;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  cellAt(s: SheetModel, row: number, col: number): CellModel {
    let c = s.cells.get(cellKey(row, col));
    if (!c) {
      c = newCell();
      s.cells.set(cellKey(row, col), c);
    }
    return c;
  }

  peek(s: SheetModel, row: number, col: number): CellModel | undefined {
    return s.cells.get(cellKey(row, col));
  }

  cell(sheet: string, a1: string): CellModel {
    const p = parseCell(a1);
    return this.cellAt(this.sheet(sheet), p.row, p.col);
  }

  /** Type a value into a cell, as a user would (a string is interpreted like typed input). */
  type(sheet: string, a1: string, value: CellValue): void {
    const c = this.cell(sheet, a1);
    Object.assign(c, interpretInput(value, c.numberFormat));
  }

  /** Put a raw value into a cell (no interpretation: a string stays text). */
  setValue(sheet: string, a1: string, value: CellValue): void {
    const c = this.cell(sheet, a1);
    c.value = value;
    c.formula = null;
  }

  getValue(sheet: string, a1: string): CellValue {
    const p = parseCell(a1);
    return this.peek(this.sheet(sheet), p.row, p.col)?.value ?? '';
  }

  formulaOf(sheet: string, a1: string): string | null {
    const p = parseCell(a1);
    return this.peek(this.sheet(sheet), p.row, p.col)?.formula ?? null;
  }

  /** A solid fill as the Excel UI applies it. */
  setFill(sheet: string, a1: string, color: string | null, pattern = 'Solid'): void {
    this.cell(sheet, a1).fill = color === null ? null : { color: color.toUpperCase(), pattern, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  }

  fillOf(sheet: string, a1: string): FillModel | null {
    const p = parseCell(a1);
    return this.peek(this.sheet(sheet), p.row, p.col)?.fill ?? null;
  }

  formatOf(c: CellModel | undefined, path: string): unknown {
    if (c?.format.has(path)) return c.format.get(path);
    return DEFAULT_FORMAT[path] ?? null;
  }

  note(sheet: string, a1: string): string | undefined {
    const p = parseCell(a1);
    return this.sheet(sheet).notes.get(cellKey(p.row, p.col));
  }

  setNote(sheet: string, a1: string, content: string | null): void {
    const p = parseCell(a1);
    const notes = this.sheet(sheet).notes;
    if (content === null) notes.delete(cellKey(p.row, p.col));
    else notes.set(cellKey(p.row, p.col), content);
  }

  addComment(sheet: string, a1: string, content: string): CommentModel {
    const s = this.sheet(sheet);
    const p = parseCell(a1);
    if (this.comments.some((c) => c.sheetId === s.id && c.row === p.row && c.col === p.col)) {
      throw new HostError('InvalidArgument', `The cell ${sheet}!${a1} already has a comment.`);
    }
    const c = { id: this.newId('C'), sheetId: s.id, row: p.row, col: p.col, content };
    this.comments.push(c);
    return c;
  }

  commentAt(s: SheetModel, row: number, col: number): CommentModel | undefined {
    return this.comments.find((c) => c.sheetId === s.id && c.row === row && c.col === col);
  }

  addName(name: string, reference: string): NameModel {
    if (this.names.has(name.toLowerCase())) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${name}`);
    const q = parseQualified(reference);
    const s = this.sheet(q.sheet);
    const n: NameModel = { name, ref: { sheetId: s.id, rect: q.rect }, formula: reference.startsWith('=') ? reference : `=${reference}` };
    this.names.set(name.toLowerCase(), n);
    return n;
  }

  findName(name: string): NameModel | undefined {
    return this.names.get(name.toLowerCase());
  }

  /** Bounding rect of cells with a value (`valuesOnly`) or with any content or format; null when empty. */
  usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of s.cells) {
      const hasValue = c.value !== '' || c.formula !== null;
      if (valuesOnly ? !hasValue : !hasValue && c.format.size === 0 && c.fill === null && c.numberFormat === 'General') continue;
      const comma = k.indexOf(',');
      const r = Number(k.slice(0, comma));
      const col = Number(k.slice(comma + 1));
      if (r < r0) r0 = r;
      if (col < c0) c0 = col;
      if (r > r1) r1 = r;
      if (col > c1) c1 = col;
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** A chart's series as it plots them now: name, categories and values read from the cells they refer to. */
  chartData(chart: ChartModel): { name: string; categories: string[]; values: (number | null)[] }[] {
    return chart.series.map((s) => ({ name: this.seriesName(s), categories: this.seriesCategories(s), values: this.seriesValues(s) }));
  }

  seriesName(s: ChartSeriesModel): string {
    if (!s.nameCell) return s.name;
    const sheet = this.sheetById(s.nameCell.sheetId);
    const v = sheet ? this.peek(sheet, s.nameCell.row, s.nameCell.col)?.value : undefined;
    return v === undefined ? '' : String(v);
  }

  seriesValues(s: ChartSeriesModel): (number | null)[] {
    const sheet = this.sheetById(s.sheetId);
    return [...cellsOf(s.values)].map((p) => {
      const v = sheet ? this.peek(sheet, p.row, p.col)?.value : undefined;
      return typeof v === 'number' ? v : null;
    });
  }

  seriesCategories(s: ChartSeriesModel): string[] {
    const count = s.values.rows * s.values.cols;
    if (!s.categories) return Array.from({ length: count }, (_, i) => String(i + 1));
    const sheet = this.sheetById(s.sheetId);
    return [...cellsOf(s.categories)].map((p) => {
      const v = sheet ? this.peek(sheet, p.row, p.col)?.value : undefined;
      return v === undefined ? '' : String(v);
    });
  }

  /** `'表三'!D5` style address of a rect, as Range.address returns it. */
  address(s: SheetModel, r: Rect): string {
    return `${quoteSheetName(s.name)}!${rectA1(r)}`;
  }
}
