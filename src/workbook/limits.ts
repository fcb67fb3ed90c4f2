/**
 * What one received workbook may make us do. A filled report workbook is well under 1 MB, unpacked under 5 MB, with a
 * few thousand cells; the limits leave a wide margin for honest files and refuse the rest by name, with the bound.
 */
export const LIMITS = {
  /** Size of the file on disk. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Number of parts in the zip container. */
  maxEntries: 1000,
  /** Unpacked size of any one part we read. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** Unpacked size of all parts together, as declared. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Unpacked / packed size of a part larger than 1 MB; spreadsheet XML rarely passes 100. */
  maxRatio: 1000,
  /** Cells holding a value, over all sheets read. */
  maxCells: 1_000_000,
  /** Merged areas on one sheet. */
  maxMerges: 20_000,
  /** Defined names in the workbook. */
  maxNames: 20_000,
  /** Shared strings. */
  maxStrings: 1_000_000,
  /** Cells covered by defined names, merged areas and data validations together, for readers that materialise them. */
  maxCoveredCells: 2_000_000,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}
