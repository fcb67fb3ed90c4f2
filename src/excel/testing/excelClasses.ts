/**
 * TEST ONLY: the Excel object model as the simulated host serves it: for each class the office.js client names in a
 * request, its properties (read and written by their PascalCase wire names), navigation properties, methods and
 * indexer, over ./workbookModel.ts. The sources of the behaviours imitated here are listed in ./README.md.
 * Adding a class (a chart, a table) means adding an entry to CLASSES and, where it holds state, a field to the model.
 */
import { CHART_CLASSES, type ChartObject } from './chartClasses';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  HostError,
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  cellsOf,
  interpretInput,
  intersects,
  parseQualified,
  parseRect,
  rectA1,
  type CellModel,
  type CellValue,
  type CommentModel,
  type ConditionalFormatModel,
  type CustomPropertyModel,
  type NameModel,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from './workbookModel';

/** What the host needs while it runs one request. */
export interface HostEnv {
  model: WorkbookModel;
  /** The host's ExcelApi version: members above it do not exist (ApiNotFound). */
  supports(version: string): boolean;
}

type RangePartKind = 'RangeFormat' | 'RangeFill' | 'RangeFont' | 'RangeBorderCollection' | 'FormatProtection' | 'DataValidation' | 'ConditionalFormatCollection';
type CfPartKind = 'ConditionalFormat' | 'CustomConditionalFormat' | 'ConditionalFormatRule' | 'ConditionalRangeFormat' | 'ConditionalRangeFill' | 'ConditionalRangeFont';
/** Any object that stands for a rectangle of one sheet. */
export interface RangePart {
  sheet: SheetModel;
  rect: Rect;
}

/** A resolved object of a request; `null` is Excel's null object. */
export type HostObject =
  | { kind: 'Workbook' }
  | { kind: 'WorksheetCollection' }
  | { kind: 'Worksheet'; sheet: SheetModel }
  | { kind: 'WorksheetProtection'; sheet: SheetModel }
  | { kind: 'PageLayout'; sheet: SheetModel }
  | { kind: 'Range'; sheet: SheetModel; rect: Rect }
  | { kind: 'RangeAreas'; sheet: SheetModel; rects: Rect[] }
  | { [K in RangePartKind]: { kind: K; sheet: SheetModel; rect: Rect } }[RangePartKind]
  | { kind: 'RangeBorder'; sheet: SheetModel; rect: Rect; edge: string }
  | { [K in CfPartKind]: { kind: K; sheet: SheetModel; cf: ConditionalFormatModel } }[CfPartKind]
  | { kind: 'NamedItemCollection' }
  | { kind: 'NamedItem'; name: NameModel }
  | { kind: 'NoteCollection'; sheet: SheetModel | null }
  | { kind: 'Note'; sheet: SheetModel; key: string }
  | { kind: 'CommentCollection' }
  | { kind: 'Comment'; comment: CommentModel }
  | { kind: 'WorksheetFreezePanes'; sheet: SheetModel }
  | { kind: 'AutoFilter'; sheet: SheetModel }
  | { kind: 'DocumentProperties' }
  | { kind: 'CustomPropertyCollection' }
  | { kind: 'CustomProperty'; property: CustomPropertyModel }
  | ChartObject
  | { kind: 'Service'; name: string };

export type Kind = HostObject['kind'];
type Of<K extends Kind> = Extract<HostObject, { kind: K }>;

/* Method syntax on purpose: helpers shared by several classes type their object as RangePart (bivariance). */
interface PropDef<K extends Kind> {
  get?(o: Of<K>, env: HostEnv): unknown;
  set?(o: Of<K>, value: unknown, env: HostEnv): void;
  /** ExcelApi version that introduced it, when above 1.1. */
  api?: string;
}

export interface ClassDef<K extends Kind> {
  props?: Record<string, PropDef<K>>;
  nav?: Record<string, { get(o: Of<K>, env: HostEnv): HostObject | null; api?: string }>;
  methods?: Record<string, { call(o: Of<K>, args: unknown[], env: HostEnv): unknown; api?: string }>;
  indexer?(o: Of<K>, args: unknown[], env: HostEnv): HostObject | null;
  items?(o: Of<K>, env: HostEnv): HostObject[];
  /** Returned in the instantiate result so the client can address the object by id afterwards. */
  id?(o: Of<K>): string;
}

// ---- helpers --------------------------------------------------------------------------------------------------------

const accessDenied = (): HostError => new HostError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');

/** Commands that change cells check protection (README: protection). */
function guard(env: HostEnv, sheet: SheetModel, rect: Rect, what: 'value' | 'format' | 'structure'): void {
  if (!sheet.protection.protected) return;
  if (what === 'format' && sheet.protection.options.allowFormatCells) return;
  if (what === 'value') {
    for (const p of cellsOf(rect)) if (env.model.formatOf(env.model.peek(sheet, p.row, p.col), 'protection/locked') !== false) throw accessDenied();
    return;
  }
  throw accessDenied();
}

function alive(env: HostEnv, sheet: SheetModel): SheetModel {
  if (!env.model.sheets.includes(sheet)) throw new HostError('ItemNotFound', `The requested resource doesn't exist: worksheet ${sheet.name}`);
  return sheet;
}

function grid<T>(env: HostEnv, sheet: SheetModel, rect: Rect, f: (c: CellModel | undefined) => T): T[][] {
  if (rect.rows * rect.cols > 5_000_000) throw new HostError('InvalidOperation', 'The range is too large: more than 5 million cells.');
  const out: T[][] = [];
  for (let i = 0; i < rect.rows; i += 1) {
    const row: T[] = [];
    for (let j = 0; j < rect.cols; j += 1) row.push(f(env.model.peek(sheet, rect.row + i, rect.col + j)));
    out.push(row);
  }
  return out;
}

/** A 2-D input must match the range; a single value is written to every cell. */
function eachInput(rect: Rect, input: unknown, apply: (row: number, col: number, v: unknown) => void): void {
  if (!Array.isArray(input)) {
    for (const p of cellsOf(rect)) apply(p.row, p.col, input);
    return;
  }
  if (input.length !== rect.rows || input.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
    throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectA1(rect)}).`);
  }
  input.forEach((r: unknown[], i) => r.forEach((v, j) => apply(rect.row + i, rect.col + j, v)));
}

function uniform<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

function isDateFormat(format: string): boolean {
  if (format === 'General' || format === '@') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) || /年|月|日/.test(format);
}

/** What Range.text shows (README: text). */
function displayText(c: CellModel | undefined): string {
  if (!c || c.value === '') return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  if (typeof c.value === 'number' && isDateFormat(c.numberFormat)) return serialToDate(c.value);
  return String(c.value);
}

const normColor = (v: unknown): string => {
  const s = String(v);
  if (!/^#?[0-9a-f]{6}$/i.test(s)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: color ${s}`);
  return `#${s.replace(/^#/, '').toUpperCase()}`;
};

// ---- fills (README: fills) -----------------------------------------------------------------------------------------

function readFill(c: CellModel | undefined, prop: string): unknown {
  const f = c?.fill ?? null;
  switch (prop) {
    case 'Color':
      return f ? f.color : '#FFFFFF';
    case 'Pattern':
      return !f || (f.pattern === 'Solid' && f.color === '#FFFFFF') ? null : f.pattern;
    case 'PatternColor':
      return f ? f.patternColor : null;
    case 'TintAndShade':
      return f ? f.tintAndShade : null;
    case 'PatternTintAndShade':
      return f ? f.patternTintAndShade : null;
    default:
      return null;
  }
}

function writeFill(c: CellModel, prop: string, value: unknown): void {
  if (prop === 'Pattern' && value === 'None') {
    c.fill = null;
    return;
  }
  const f = c.fill ?? { color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  if (prop === 'Color') Object.assign(f, { color: normColor(value), tintAndShade: 0 });
  else if (prop === 'Pattern') f.pattern = String(value);
  else if (prop === 'PatternColor') f.patternColor = normColor(value);
  else if (prop === 'TintAndShade') f.tintAndShade = Number(value);
  else if (prop === 'PatternTintAndShade') f.patternTintAndShade = Number(value);
  c.fill = f;
}

function fillProp(prop: string, api: string): PropDef<'RangeFill'> {
  return {
    api,
    get: (o: RangePart, env: HostEnv) => uniform([...cellsOf(o.rect)].map((p) => readFill(env.model.peek(o.sheet, p.row, p.col), prop))),
    set: (o: RangePart, v: unknown, env: HostEnv) => {
      guard(env, o.sheet, o.rect, 'format');
      for (const p of cellsOf(o.rect)) writeFill(env.model.cellAt(o.sheet, p.row, p.col), prop, v);
    },
  };
}

/** A format property stored per cell under `path`. */
function cellFormat<P extends RangePart>(path: (o: P) => string, what: 'format' | 'structure' = 'format'): { get(o: P, env: HostEnv): unknown; set(o: P, v: unknown, env: HostEnv): void } {
  return {
    get: (o, env) => uniform([...cellsOf(o.rect)].map((p) => env.model.formatOf(env.model.peek(o.sheet, p.row, p.col), path(o)))),
    set: (o, v, env) => {
      guard(env, o.sheet, o.rect, what);
      for (const p of cellsOf(o.rect)) env.model.cellAt(o.sheet, p.row, p.col).format.set(path(o), v);
    },
  };
}

/** Column widths or row heights of the lines a range spans (ExcelApi 1.2, points). */
function lineSize(line: 'row' | 'col'): PropDef<'RangeFormat'> {
  const sizes = (o: RangePart): Map<number, number> => (line === 'col' ? o.sheet.columnWidths : o.sheet.rowHeights);
  const span = (o: RangePart): { first: number; count: number } => (line === 'col' ? { first: o.rect.col, count: o.rect.cols } : { first: o.rect.row, count: o.rect.rows });
  const fallback = line === 'col' ? DEFAULT_COLUMN_WIDTH : DEFAULT_ROW_HEIGHT;
  return {
    api: '1.2',
    get: (o: RangePart) => {
      const { first, count } = span(o);
      return uniform(Array.from({ length: Math.min(count, 1000) }, (_, i) => sizes(o).get(first + i) ?? fallback));
    },
    set: (o: RangePart, v: unknown, env: HostEnv) => {
      guard(env, o.sheet, o.rect, 'format');
      const { first, count } = span(o);
      for (let i = 0; i < count; i += 1) sizes(o).set(first + i, Number(v));
    },
  };
}

// ---- names, notes, comments -----------------------------------------------------------------------------------------

function namedRange(env: HostEnv, n: NameModel): HostObject | null {
  if (!n.ref) return null;
  const sheet = env.model.sheetById(n.ref.sheetId);
  return sheet ? { kind: 'Range', sheet, rect: n.ref.rect } : null;
}

function noteTarget(env: HostEnv, sheet: SheetModel | null, address: unknown): { sheet: SheetModel; key: string } {
  const text = String(address);
  let target: SheetModel;
  let rect: Rect;
  if (text.includes('!')) {
    const q = parseQualified(text);
    target = env.model.sheet(q.sheet);
    rect = q.rect;
    if (sheet && target !== sheet) throw new HostError('InvalidArgument', `The cell ${text} is not on worksheet ${sheet.name}.`);
  } else {
    if (!sheet) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${text} needs a worksheet`);
    target = sheet;
    rect = parseRect(text);
  }
  if (rect.rows !== 1 || rect.cols !== 1) throw new HostError('InvalidCellAddress', `The cell address is invalid or not a single cell: ${text}`);
  return { sheet: alive(env, target), key: cellKey(rect.row, rect.col) };
}

function notesOf(env: HostEnv, sheet: SheetModel | null): HostObject[] {
  const sheets = sheet ? [sheet] : env.model.sheets;
  return sheets.flatMap((s) =>
    [...s.notes.keys()]
      .sort((a, b) => {
        const [ar, ac] = a.split(',').map(Number);
        const [br, bc] = b.split(',').map(Number);
        return ar - br || ac - bc;
      })
      .map((key) => ({ kind: 'Note' as const, sheet: s, key })),
  );
}

function liveNote(o: Of<'Note'>): string {
  const content = o.sheet.notes.get(o.key);
  if (content === undefined) throw new HostError('ItemNotFound', 'The requested resource doesn\u2019t exist: note');
  return content;
}

function liveComment(env: HostEnv, o: Of<'Comment'>): CommentModel {
  if (!env.model.comments.includes(o.comment)) throw new HostError('ItemNotFound', 'The requested resource doesn\u2019t exist: comment');
  return o.comment;
}

function cellOfAddress(env: HostEnv, address: unknown): { sheet: SheetModel; row: number; col: number } {
  const q = parseQualified(String(address));
  if (q.rect.rows !== 1 || q.rect.cols !== 1) throw new HostError('InvalidArgument', `Not a single cell: ${String(address)}`);
  return { sheet: env.model.sheet(q.sheet), row: q.rect.row, col: q.rect.col };
}

// ---- the classes ----------------------------------------------------------------------------------------------------

const range = (sheet: SheetModel, rect: Rect): HostObject => ({ kind: 'Range', sheet, rect });
const sub =
  (kind: RangePartKind) =>
  (o: RangePart): HostObject => ({ kind, sheet: o.sheet, rect: o.rect });

type Classes = { [K in Kind]: ClassDef<K> };

export const CLASSES: Classes = {
  Workbook: {
    nav: {
      Worksheets: { get: () => ({ kind: 'WorksheetCollection' }) },
      Names: { get: () => ({ kind: 'NamedItemCollection' }), api: '1.4' },
      Comments: { get: () => ({ kind: 'CommentCollection' }), api: '1.10' },
      Notes: { get: () => ({ kind: 'NoteCollection', sheet: null }), api: '1.18' },
      Properties: { get: () => ({ kind: 'DocumentProperties' }), api: '1.7' },
    },
  },

  WorksheetCollection: {
    items: (_o, env) => env.model.sheets.map((sheet) => ({ kind: 'Worksheet', sheet })),
    indexer: (_o, [key], env) => ({ kind: 'Worksheet', sheet: env.model.sheet(String(key)) }),
    methods: {
      GetItem: { call: (_o, [key], env) => ({ kind: 'Worksheet', sheet: env.model.sheet(String(key)) }) },
      GetItemOrNullObject: {
        api: '1.4',
        call: (_o, [key], env) => {
          const sheet = env.model.findSheet(String(key));
          return sheet ? { kind: 'Worksheet', sheet } : null;
        },
      },
      GetItemAt: { call: (_o, [i], env) => ({ kind: 'Worksheet', sheet: itemAt(env.model.sheets, i) }) },
      Add: { call: (_o, [name], env) => ({ kind: 'Worksheet', sheet: env.model.addSheet(name === null || name === undefined ? nextSheetName(env) : String(name)) }) },
      GetCount: { api: '1.4', call: (_o, _a, env) => env.model.sheets.length },
    },
  },

  Worksheet: {
    id: (o) => o.sheet.id,
    props: {
      Id: { get: (o) => o.sheet.id },
      Name: {
        get: (o) => o.sheet.name,
        set: (o, v, env) => {
          const other = env.model.findSheet(String(v));
          if (other && other !== o.sheet) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${String(v)}`);
          o.sheet.name = String(v);
        },
      },
      Visibility: { get: (o) => o.sheet.visibility, set: (o, v) => void (o.sheet.visibility = String(v)) },
      Position: { get: (o, env) => env.model.sheets.indexOf(o.sheet) },
    },
    nav: {
      Protection: { get: (o) => ({ kind: 'WorksheetProtection', sheet: o.sheet }), api: '1.2' },
      PageLayout: { get: (o) => ({ kind: 'PageLayout', sheet: o.sheet }), api: '1.9' },
      Notes: { get: (o) => ({ kind: 'NoteCollection', sheet: o.sheet }), api: '1.18' },
      Charts: { get: (o) => ({ kind: 'ChartCollection', sheet: o.sheet }) },
      FreezePanes: { get: (o) => ({ kind: 'WorksheetFreezePanes', sheet: o.sheet }), api: '1.7' },
      AutoFilter: { get: (o) => ({ kind: 'AutoFilter', sheet: o.sheet }), api: '1.9' },
    },
    methods: {
      GetRange: { call: (o, [address], env) => range(alive(env, o.sheet), address === undefined || address === null || address === '' ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseRect(String(address))) },
      GetUsedRange: {
        call: (o, [valuesOnly], env) => range(alive(env, o.sheet), env.model.usedRect(o.sheet, valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
      },
      GetUsedRangeOrNullObject: {
        api: '1.4',
        call: (o, [valuesOnly], env) => {
          const r = env.model.usedRect(alive(env, o.sheet), valuesOnly === true);
          return r ? range(o.sheet, r) : null;
        },
      },
      Activate: {
        call: (o, _a, env) => {
          env.model.activeSheet = alive(env, o.sheet).name;
        },
      },
      Delete: {
        call: (o, _a, env) => {
          env.model.deleteSheet(alive(env, o.sheet).id);
        },
      },
    },
  },

  WorksheetProtection: {
    props: {
      Protected: { get: (o) => o.sheet.protection.protected },
      Options: { get: (o) => ({ ...o.sheet.protection.options }) },
    },
    methods: {
      Protect: {
        call: (o, [options, password]) => {
          const p = o.sheet.protection;
          if (p.protected) throw new HostError('InvalidOperation', 'The sheet is already protected.');
          p.protected = true;
          p.password = typeof password === 'string' && password !== '' ? password : null;
          p.options = options && typeof options === 'object' ? { ...(options as Record<string, boolean>) } : {};
        },
      },
      Unprotect: {
        call: (o, [password]) => {
          const p = o.sheet.protection;
          if (!p.protected) throw new HostError('InvalidOperation', 'The sheet is not protected.');
          if (p.password !== null && p.password !== password) throw new HostError('InvalidArgument', 'The password you supplied is not correct.');
          p.protected = false;
          p.password = null;
        },
      },
    },
  },

  PageLayout: {
    props: Object.fromEntries(
      ['Orientation', 'PaperSize', 'Zoom', 'CenterHorizontally'].map((prop) => [
        prop,
        {
          get: (o: Of<'PageLayout'>) => o.sheet.pageLayout[prop] ?? null,
          set: (o: Of<'PageLayout'>, v: unknown) => {
            o.sheet.pageLayout[prop] = v;
          },
        },
      ]),
    ),
  },

  Range: {
    props: {
      Address: { get: (o, env) => env.model.address(o.sheet, o.rect) },
      RowIndex: { get: (o) => o.rect.row },
      ColumnIndex: { get: (o) => o.rect.col },
      RowCount: { get: (o) => o.rect.rows },
      ColumnCount: { get: (o) => o.rect.cols },
      CellCount: { get: (o) => o.rect.rows * o.rect.cols },
      Values: {
        get: (o, env) => grid(env, o.sheet, o.rect, (c) => c?.value ?? ''),
        set: (o, v, env) => writeInputs(env, o, v),
      },
      Formulas: {
        get: (o, env) => grid(env, o.sheet, o.rect, (c) => c?.formula ?? c?.value ?? ''),
        set: (o, v, env) => writeInputs(env, o, v),
      },
      Text: { get: (o, env) => grid(env, o.sheet, o.rect, displayText) },
      NumberFormat: {
        get: (o, env) => grid(env, o.sheet, o.rect, (c) => c?.numberFormat ?? 'General'),
        set: (o, v, env) => {
          guard(env, o.sheet, o.rect, 'format');
          eachInput(o.rect, v, (row, col, x) => {
            if (x !== null) env.model.cellAt(o.sheet, row, col).numberFormat = String(x);
          });
        },
      },
    },
    nav: {
      Format: { get: sub('RangeFormat') },
      DataValidation: { get: sub('DataValidation'), api: '1.8' },
      ConditionalFormats: { get: sub('ConditionalFormatCollection'), api: '1.6' },
      Worksheet: { get: (o) => ({ kind: 'Worksheet', sheet: o.sheet }) },
    },
    methods: {
      Merge: {
        api: '1.2',
        call: (o, [across], env) => {
          guard(env, o.sheet, o.rect, 'structure');
          const rects = across === true ? Array.from({ length: o.rect.rows }, (_, i) => ({ ...o.rect, row: o.rect.row + i, rows: 1 })) : [o.rect];
          for (const m of rects) {
            // Merging keeps the top-left value only.
            for (const p of cellsOf(m)) {
              if (p.row === m.row && p.col === m.col) continue;
              const c = env.model.peek(o.sheet, p.row, p.col);
              if (c) Object.assign(c, { value: '', formula: null });
            }
            o.sheet.merges = o.sheet.merges.filter((x) => !intersects(x, m));
            o.sheet.merges.push(m);
          }
        },
      },
      Clear: {
        call: (o, [applyTo], env) => {
          const what = applyTo === undefined || applyTo === null ? 'All' : String(applyTo);
          guard(env, o.sheet, o.rect, what === 'Contents' ? 'value' : 'structure');
          for (const [k, c] of o.sheet.cells) {
            const [r, col] = k.split(',').map(Number);
            if (r < o.rect.row || r >= o.rect.row + o.rect.rows || col < o.rect.col || col >= o.rect.col + o.rect.cols) continue;
            if (what === 'Contents' || what === 'All') Object.assign(c, { value: '', formula: null });
            if (what === 'Formats' || what === 'All') Object.assign(c, { numberFormat: 'General', fill: null, format: new Map() });
          }
        },
      },
      Select: {
        call: (o, _a, env) => {
          env.model.selection = { sheet: alive(env, o.sheet).name, address: rectA1(o.rect) };
          env.model.activeSheet = o.sheet.name;
        },
      },
      GetMergedAreasOrNullObject: {
        api: '1.13',
        call: (o) => {
          const rects = o.sheet.merges.filter((m) => intersects(m, o.rect));
          return rects.length ? { kind: 'RangeAreas', sheet: o.sheet, rects } : null;
        },
      },
      GetCell: { call: (o, [r, c]) => range(o.sheet, { row: o.rect.row + Number(r), col: o.rect.col + Number(c), rows: 1, cols: 1 }) },
      // What office.js sends when it splits a write of more than 1,500 cells (setRangePropertiesInBulk).
      _ValidateArraySize: {
        api: '1.3',
        call: (o, [rows, cols]) => {
          if (Number(rows) !== o.rect.rows || Number(cols) !== o.rect.cols) {
            throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectA1(o.rect)}).`);
          }
        },
      },
      GetRow: { call: (o, [i]) => range(o.sheet, { ...o.rect, row: o.rect.row + Number(i), rows: 1 }) },
      GetBoundingRect: {
        call: (o, [other]) => {
          const b = other as HostObject | null;
          if (!b || b.kind !== 'Range' || b.sheet !== o.sheet) throw new HostError('InvalidArgument', 'GetBoundingRect needs a range on the same worksheet.');
          const row = Math.min(o.rect.row, b.rect.row);
          const col = Math.min(o.rect.col, b.rect.col);
          return range(o.sheet, { row, col, rows: Math.max(o.rect.row + o.rect.rows, b.rect.row + b.rect.rows) - row, cols: Math.max(o.rect.col + o.rect.cols, b.rect.col + b.rect.cols) - col });
        },
      },
    },
  },

  RangeAreas: {
    props: {
      Address: { get: (o, env) => o.rects.map((r) => env.model.address(o.sheet, r)).join(', ') },
      AreaCount: { get: (o) => o.rects.length },
    },
  },

  RangeFormat: {
    props: {
      ColumnWidth: lineSize('col'),
      RowHeight: lineSize('row'),
      WrapText: cellFormat(() => 'wrapText'),
      HorizontalAlignment: cellFormat(() => 'horizontalAlignment'),
      VerticalAlignment: cellFormat(() => 'verticalAlignment'),
    },
    nav: {
      Fill: { get: sub('RangeFill') },
      Font: { get: sub('RangeFont') },
      Borders: { get: sub('RangeBorderCollection') },
      Protection: { get: sub('FormatProtection'), api: '1.2' },
    },
  },

  RangeFill: {
    props: {
      Color: fillProp('Color', '1.1'),
      Pattern: fillProp('Pattern', '1.9'),
      PatternColor: fillProp('PatternColor', '1.9'),
      TintAndShade: fillProp('TintAndShade', '1.9'),
      PatternTintAndShade: fillProp('PatternTintAndShade', '1.9'),
    },
    methods: {
      Clear: {
        call: (o, _a, env) => {
          guard(env, o.sheet, o.rect, 'format');
          for (const p of cellsOf(o.rect)) {
            const c = env.model.peek(o.sheet, p.row, p.col);
            if (c) c.fill = null;
          }
        },
      },
    },
  },

  RangeFont: {
    props: Object.fromEntries(['Name', 'Size', 'Bold', 'Color', 'Italic'].map((p) => [p, cellFormat<RangePart>(() => `font/${p[0].toLowerCase()}${p.slice(1)}`)])),
  },

  RangeBorderCollection: {
    indexer: (o, [edge]) => ({ kind: 'RangeBorder', sheet: o.sheet, rect: o.rect, edge: String(edge) }),
    methods: { GetItem: { call: (o, [edge]) => ({ kind: 'RangeBorder', sheet: o.sheet, rect: o.rect, edge: String(edge) }) } },
  },

  RangeBorder: {
    props: Object.fromEntries(['Style', 'Weight', 'Color'].map((p) => [p, cellFormat<Of<'RangeBorder'>>((o) => `borders/${o.edge}/${p.toLowerCase()}`)])),
  },

  FormatProtection: {
    props: { Locked: cellFormat<RangePart>(() => 'protection/locked', 'structure') },
  },

  DataValidation: {
    props: {
      Rule: { get: (o) => validationAt(o).rule, set: (o, v, env) => updateValidation(env, o, (x) => (x.rule = { ...(v as object) }), true) },
      Prompt: { get: (o) => validationAt(o).prompt, set: (o, v, env) => updateValidation(env, o, (x) => (x.prompt = { ...(v as object) })) },
      ErrorAlert: { get: (o) => validationAt(o).errorAlert, set: (o, v, env) => updateValidation(env, o, (x) => (x.errorAlert = { ...(v as object) })) },
    },
    methods: {
      Clear: {
        call: (o, _a, env) => {
          guard(env, o.sheet, o.rect, 'structure');
          for (const p of cellsOf(o.rect)) o.sheet.validations.delete(cellKey(p.row, p.col));
        },
      },
    },
  },

  ConditionalFormatCollection: {
    items: (o) => o.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, o.rect)).map((cf) => ({ kind: 'ConditionalFormat', sheet: o.sheet, cf })),
    methods: {
      Add: {
        call: (o, [type], env) => {
          guard(env, o.sheet, o.rect, 'format');
          const cf: ConditionalFormatModel = { rect: o.rect, type: String(type), formula: '', fill: null, font: null };
          o.sheet.conditionalFormats.push(cf);
          return { kind: 'ConditionalFormat', sheet: o.sheet, cf };
        },
      },
      ClearAll: {
        call: (o, _a, env) => {
          guard(env, o.sheet, o.rect, 'format');
          o.sheet.conditionalFormats = o.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, o.rect));
        },
      },
      GetCount: { call: (o) => o.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, o.rect)).length },
    },
  },
  ConditionalFormat: {
    props: { Type: { get: (o) => o.cf.type } },
    nav: { Custom: { get: (o) => (o.cf.type === 'Custom' ? { kind: 'CustomConditionalFormat', sheet: o.sheet, cf: o.cf } : null) } },
  },
  CustomConditionalFormat: {
    nav: {
      Rule: { get: (o) => ({ kind: 'ConditionalFormatRule', sheet: o.sheet, cf: o.cf }) },
      Format: { get: (o) => ({ kind: 'ConditionalRangeFormat', sheet: o.sheet, cf: o.cf }) },
    },
  },
  ConditionalFormatRule: {
    props: { Formula: { get: (o) => o.cf.formula, set: (o, v) => void (o.cf.formula = String(v)) } },
  },
  ConditionalRangeFormat: {
    nav: {
      Fill: { get: (o) => ({ kind: 'ConditionalRangeFill', sheet: o.sheet, cf: o.cf }) },
      Font: { get: (o) => ({ kind: 'ConditionalRangeFont', sheet: o.sheet, cf: o.cf }) },
    },
  },
  ConditionalRangeFill: { props: { Color: { get: (o) => o.cf.fill, set: (o, v) => void (o.cf.fill = normColor(v)) } } },
  ConditionalRangeFont: { props: { Color: { get: (o) => o.cf.font, set: (o, v) => void (o.cf.font = normColor(v)) } } },

  NamedItemCollection: {
    items: (_o, env) => [...env.model.names.values()].map((name) => ({ kind: 'NamedItem', name })),
    indexer: (_o, [name], env) => ({ kind: 'NamedItem', name: findName(env, name) }),
    methods: {
      GetItem: { call: (_o, [name], env) => ({ kind: 'NamedItem', name: findName(env, name) }) },
      GetItemOrNullObject: {
        api: '1.4',
        call: (_o, [name], env) => {
          const n = env.model.findName(String(name));
          return n ? { kind: 'NamedItem', name: n } : null;
        },
      },
      Add: { call: (_o, [name, reference], env) => ({ kind: 'NamedItem', name: env.model.addName(String(name), String(reference)) }) },
    },
  },
  NamedItem: {
    props: {
      Name: { get: (o) => o.name.name },
      Type: { get: (o) => (o.name.ref ? 'Range' : 'Error') },
      Value: { get: (o) => (o.name.ref ? o.name.formula.replace(/^=/, '') : '#REF!') },
      Formula: { get: (o) => o.name.formula },
    },
    methods: {
      GetRange: {
        call: (o, _a, env) => {
          const r = namedRange(env, o.name);
          // README: names. The reference documents a throw for a name that is not a range, without its code.
          if (!r) throw new HostError('InvalidArgument', `The named item ${o.name.name} does not refer to a range.`);
          return r;
        },
      },
      GetRangeOrNullObject: { api: '1.4', call: (o, _a, env) => namedRange(env, o.name) },
    },
  },

  NoteCollection: {
    items: (o, env) => notesOf(env, o.sheet),
    methods: {
      Add: {
        call: (o, [cellAddress, content], env) => {
          const at = noteTarget(env, o.sheet, cellAddress);
          const [row, col] = at.key.split(',').map(Number);
          if (at.sheet.protection.protected) throw accessDenied();
          // README: notes. A cell holds a note or a threaded comment, not both.
          if (at.sheet.notes.has(at.key)) throw new HostError('InvalidArgument', `The cell already has a note: ${String(cellAddress)}`);
          if (env.model.commentAt(at.sheet, row, col)) throw new HostError('InvalidArgument', `The cell already has a threaded comment: ${String(cellAddress)}`);
          at.sheet.notes.set(at.key, String(content));
          return { kind: 'Note', sheet: at.sheet, key: at.key };
        },
      },
      GetItem: {
        call: (o, [key], env) => {
          const at = noteTarget(env, o.sheet, key);
          if (!at.sheet.notes.has(at.key)) throw new HostError('ItemNotFound', `The requested resource doesn't exist: note ${String(key)}`);
          return { kind: 'Note', ...at };
        },
      },
      GetItemOrNullObject: {
        call: (o, [key], env) => {
          const at = noteTarget(env, o.sheet, key);
          return at.sheet.notes.has(at.key) ? { kind: 'Note', ...at } : null;
        },
      },
      GetItemAt: { call: (o, [i], env) => itemAt(notesOf(env, o.sheet), i) },
      GetCount: { call: (o, _a, env) => notesOf(env, o.sheet).length },
    },
  },
  Note: {
    props: {
      Content: {
        get: (o) => liveNote(o),
        set: (o, v) => {
          liveNote(o);
          o.sheet.notes.set(o.key, String(v));
        },
      },
    },
    methods: {
      Delete: {
        call: (o) => {
          liveNote(o);
          if (o.sheet.protection.protected) throw accessDenied();
          o.sheet.notes.delete(o.key);
        },
      },
      GetLocation: {
        call: (o) => {
          const [row, col] = o.key.split(',').map(Number);
          return range(o.sheet, { row, col, rows: 1, cols: 1 });
        },
      },
    },
  },

  CommentCollection: {
    items: (_o, env) => env.model.comments.map((comment) => ({ kind: 'Comment', comment })),
    indexer: (_o, [id], env) => ({ kind: 'Comment', comment: findComment(env, id) }),
    methods: {
      Add: {
        call: (_o, [cellAddress, content], env) => {
          const at = cellOfAddress(env, cellAddress);
          if (at.sheet.protection.protected) throw accessDenied();
          if (at.sheet.notes.has(cellKey(at.row, at.col))) throw new HostError('InvalidArgument', `The cell already has a note: ${String(cellAddress)}`);
          return { kind: 'Comment', comment: env.model.addComment(at.sheet.name, rectA1({ row: at.row, col: at.col, rows: 1, cols: 1 }), String(content)) };
        },
      },
      GetItem: { call: (_o, [id], env) => ({ kind: 'Comment', comment: findComment(env, id) }) },
      GetItemAt: { call: (_o, [i], env) => ({ kind: 'Comment', comment: itemAt(env.model.comments, i) }) },
      GetItemByCell: {
        call: (_o, [cell], env) => {
          const at = cellOfAddress(env, cell);
          const c = env.model.commentAt(at.sheet, at.row, at.col);
          if (!c) throw new HostError('ItemNotFound', `The requested resource doesn't exist: comment at ${String(cell)}`);
          return { kind: 'Comment', comment: c };
        },
      },
      GetCount: { call: (_o, _a, env) => env.model.comments.length },
    },
  },
  Comment: {
    id: (o) => o.comment.id,
    props: {
      Id: { get: (o) => o.comment.id },
      Content: {
        get: (o, env) => liveComment(env, o).content,
        set: (o, v, env) => void (liveComment(env, o).content = String(v)),
      },
    },
    methods: {
      Delete: {
        call: (o, _a, env) => {
          const c = liveComment(env, o);
          const sheet = env.model.sheetById(c.sheetId);
          if (sheet?.protection.protected) throw accessDenied();
          env.model.comments = env.model.comments.filter((x) => x !== c);
        },
      },
      GetLocation: {
        call: (o, _a, env) => {
          const c = liveComment(env, o);
          const sheet = env.model.sheetById(c.sheetId);
          if (!sheet) throw new HostError('ItemNotFound', 'The requested resource doesn\u2019t exist: worksheet');
          return range(sheet, { row: c.row, col: c.col, rows: 1, cols: 1 });
        },
      },
    },
  },

  WorksheetFreezePanes: {
    methods: {
      FreezeRows: { call: (o, [count]) => void (o.sheet.freeze = { rows: count === undefined || count === null ? 1 : Number(count), cols: 0 }) },
      FreezeColumns: { call: (o, [count]) => void (o.sheet.freeze = { rows: 0, cols: count === undefined || count === null ? 1 : Number(count) }) },
      Unfreeze: { call: (o) => void (o.sheet.freeze = { rows: 0, cols: 0 }) },
    },
  },

  AutoFilter: {
    props: { Enabled: { get: (o) => o.sheet.autoFilter !== null } },
    methods: {
      Apply: {
        call: (o, [target], env) => {
          const r = target as HostObject | string | null;
          const rect = typeof r === 'string' ? parseRect(r) : r && r.kind === 'Range' && r.sheet === o.sheet ? r.rect : null;
          if (!rect) throw new HostError('InvalidArgument', 'AutoFilter.apply needs a range on the same worksheet.');
          // README: S7. One AutoFilter per sheet; applying it again moves it.
          guard(env, o.sheet, rect, 'format');
          o.sheet.autoFilter = rect;
        },
      },
      Remove: { call: (o) => void (o.sheet.autoFilter = null) },
    },
  },

  DocumentProperties: {
    nav: { Custom: { get: () => ({ kind: 'CustomPropertyCollection' }) } },
  },
  CustomPropertyCollection: {
    items: (_o, env) => [...env.model.customProperties.values()].map((property) => ({ kind: 'CustomProperty', property })),
    // office.js sends getItem(key) as an indexer (library: CustomPropertyCollection.getItem).
    indexer: (_o, [key], env) => {
      const property = env.model.customProperties.get(String(key).toLowerCase());
      if (!property) throw new HostError('ItemNotFound', `The requested resource doesn't exist: custom property ${String(key)}`);
      return { kind: 'CustomProperty', property };
    },
    methods: {
      Add: {
        call: (_o, [key, value], env) => {
          const k = String(key);
          // README: D1. Keys are case-insensitive; adding an existing key replaces its value.
          if (!k || k.length > 255) throw new HostError('InvalidArgument', `The custom property key is invalid: ${k}`);
          const v = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
          if (typeof v === 'string' && v.length > 255) throw new HostError('InvalidArgument', 'A custom property value cannot be longer than 255 characters.');
          const property: CustomPropertyModel = { key: k, value: v, type: typeof v === 'number' ? (Number.isInteger(v) ? 'Number' : 'Float') : typeof v === 'boolean' ? 'Boolean' : 'String' };
          env.model.customProperties.set(k.toLowerCase(), property);
          return { kind: 'CustomProperty', property };
        },
      },
      GetItem: {
        call: (_o, [key], env) => {
          const property = env.model.customProperties.get(String(key).toLowerCase());
          if (!property) throw new HostError('ItemNotFound', `The requested resource doesn't exist: custom property ${String(key)}`);
          return { kind: 'CustomProperty', property };
        },
      },
      GetItemOrNullObject: {
        call: (_o, [key], env) => {
          const property = env.model.customProperties.get(String(key).toLowerCase());
          return property ? { kind: 'CustomProperty', property } : null;
        },
      },
      GetCount: { call: (_o, _a, env) => env.model.customProperties.size },
      DeleteAll: { call: (_o, _a, env) => env.model.customProperties.clear() },
    },
  },
  CustomProperty: {
    props: {
      Key: { get: (o) => o.property.key },
      Type: { get: (o) => o.property.type },
      Value: {
        get: (o) => o.property.value,
        set: (o, v) => {
          const value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
          if (typeof value === 'string' && value.length > 255) throw new HostError('InvalidArgument', 'A custom property value cannot be longer than 255 characters.');
          o.property.value = value;
        },
      },
    },
    methods: {
      Delete: {
        call: (o, _a, env) => {
          env.model.customProperties.delete(o.property.key.toLowerCase());
        },
      },
    },
  },

  ...CHART_CLASSES,

  // Services the library itself calls (telemetry, add-in internals): accepted, never answered with data.
  Service: {},
};

function itemAt<T>(items: T[], i: unknown): T {
  const item = items[Number(i)];
  if (item === undefined) throw new HostError('ItemNotFound', `The requested resource doesn't exist: item ${String(i)}`);
  return item;
}

function nextSheetName(env: HostEnv): string {
  for (let i = env.model.sheets.length + 1; ; i += 1) if (!env.model.findSheet(`Sheet${i}`)) return `Sheet${i}`;
}

function findName(env: HostEnv, name: unknown): NameModel {
  const n = env.model.findName(String(name));
  if (!n) throw new HostError('ItemNotFound', `The requested resource doesn't exist: name ${String(name)}`);
  return n;
}

function findComment(env: HostEnv, id: unknown): CommentModel {
  const c = env.model.comments.find((x) => x.id === id);
  if (!c) throw new HostError('ItemNotFound', `The requested resource doesn't exist: comment ${String(id)}`);
  return c;
}

function writeInputs(env: HostEnv, o: Of<'Range'>, v: unknown): void {
  guard(env, o.sheet, o.rect, 'value');
  const writes: Array<[number, number, unknown]> = [];
  eachInput(o.rect, v, (row, col, x) => writes.push([row, col, x]));
  for (const [row, col, x] of writes) {
    // README: writing values. null leaves a cell as it is.
    if (x === null || x === undefined) continue;
    if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') throw new HostError('InvalidArgument', `Unsupported cell value: ${JSON.stringify(x)}`);
    const c = env.model.cellAt(o.sheet, row, col);
    Object.assign(c, interpretInput(x as CellValue, c.numberFormat));
  }
}

function validationAt(o: { sheet: SheetModel; rect: Rect }): { rule: unknown; prompt: unknown; errorAlert: unknown } {
  const v = o.sheet.validations.get(cellKey(o.rect.row, o.rect.col));
  return { rule: v?.rule ?? null, prompt: v?.prompt ?? null, errorAlert: v?.errorAlert ?? null };
}

function updateValidation(env: HostEnv, o: { sheet: SheetModel; rect: Rect }, apply: (v: { rule: Record<string, unknown> | null; prompt: Record<string, unknown>; errorAlert: Record<string, unknown> }) => void, isRule = false): void {
  guard(env, o.sheet, o.rect, 'structure');
  for (const p of cellsOf(o.rect)) {
    const k = cellKey(p.row, p.col);
    const v = o.sheet.validations.get(k) ?? { rule: null, prompt: {}, errorAlert: {} };
    // README: data validation. Setting a rule over an existing one can throw on the web; clear() first.
    if (isRule && v.rule) throw new HostError('InvalidOperation', 'A data validation rule already exists on the range; clear it first.');
    apply(v);
    o.sheet.validations.set(k, v);
  }
}

/** The ExcelApi version of each gated member, for the host to refuse what it does not support. */
export function memberApi(kind: Kind, member: string): string | undefined {
  const def = CLASSES[kind] as ClassDef<Kind>;
  return def.props?.[member]?.api ?? def.nav?.[member]?.api ?? def.methods?.[member]?.api;
}

