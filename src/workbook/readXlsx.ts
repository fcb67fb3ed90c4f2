/**
 * A received .xlsx read into report data, from its bytes, in Node or in a browser worker: the container opened with
 * bounds, the workbook part and names read, and only the sheets that are needed parsed (a template workbook's names
 * point at six sheets; the 校验 sheet is never read). Bad files are refused with a Chinese reason; bad cells become
 * findings. Never throws.
 */
import { makeSheet, readGridReport, structureFinding, type Grid, type GridSheet, type ReadOutcome } from '../core';
import { LIMITS, type Limits } from './limits';
import { readDateStyles, readSharedStrings, readWorkbookPart, type SheetEntry, type WorkbookPart } from './parts';
import { parseSheet } from './sheet';
import { decodePart } from './xml';
import { WorkbookRefusal, openZip, type ZipArchive } from './zip';

export interface ReadXlsxOptions {
  /** The file's name, the last source of the unit's name and year. */
  fileName?: string;
  limits?: Limits;
}

/** Shared state of one workbook's lazily parsed sheets. */
class WorkbookSource {
  private strings: string[] | null | undefined;
  private dates: Set<number> | undefined;
  readonly problems = new Set<string>();
  readonly budget = { cells: 0 };

  constructor(
    readonly zip: ZipArchive,
    readonly part: WorkbookPart,
    readonly limits: Limits,
  ) {}

  sharedStrings(): string[] | null {
    if (this.strings === undefined) this.strings = this.part.sharedStrings ? readSharedStrings(this.zip, this.part.sharedStrings, this.limits) : null;
    return this.strings;
  }

  dateStyles(): Set<number> {
    if (this.dates === undefined) this.dates = this.part.styles ? readDateStyles(this.zip, this.part.styles) : new Set();
    return this.dates;
  }

  parse(entry: SheetEntry): GridSheet {
    if (!entry.part) return makeSheet(entry.name, entry.hidden, []);
    const parsed = parseSheet(decodePart(this.zip.read(entry.part)), {
      part: entry.part,
      strings: this.sharedStrings(),
      dateStyles: this.dateStyles(),
      date1904: this.part.date1904,
      limits: this.limits,
      budget: this.budget,
    });
    for (const p of parsed.problems) this.problems.add(p);
    return makeSheet(entry.name, entry.hidden, parsed.cells, parsed.merges);
  }
}

/** A sheet that parses its part the first time anything but its name is asked for. */
function lazySheet(source: WorkbookSource, entry: SheetEntry): GridSheet {
  let sheet: GridSheet | undefined;
  const get = (): GridSheet => (sheet ??= source.parse(entry));
  return {
    name: entry.name,
    hidden: entry.hidden,
    get texts() {
      return get().texts;
    },
    get rows() {
      return get().rows;
    },
    get lastRow() {
      return get().lastRow;
    },
    value: (row, col) => get().value(row, col),
    covered: (row, col) => get().covered(row, col),
  };
}

/** Open a workbook's container and workbook part; throws WorkbookRefusal. */
export function openWorkbook(bytes: Uint8Array, limits: Limits = LIMITS): { zip: ZipArchive; part: WorkbookPart } {
  const zip = openZip(bytes, limits);
  return { zip, part: readWorkbookPart(zip, limits) };
}

export function readXlsxBytes(bytes: Uint8Array, options: ReadXlsxOptions = {}): ReadOutcome {
  const limits = options.limits ?? LIMITS;
  try {
    const { zip, part } = openWorkbook(bytes, limits);
    const source = new WorkbookSource(zip, part, limits);
    const grid: Grid = { sheets: part.sheets.map((s) => lazySheet(source, s)) };
    const value = readGridReport(grid, part.names, { fileName: options.fileName });
    const problems = [...source.problems].map((p) => structureFinding('workbook', p));
    if (problems.length) value.findings = [...problems, ...(value.findings ?? [])];
    return { ok: true, value };
  } catch (e) {
    if (e instanceof WorkbookRefusal) return { ok: false, error: e.message };
    // A reader bug must not stop the batch: say so for this file.
    return { ok: false, error: `读取工作簿时出错（${e instanceof Error ? e.message.slice(0, 120) : String(e)}）` };
  }
}
