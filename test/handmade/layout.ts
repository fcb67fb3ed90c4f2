/**
 * How a clerk's hand-made workbook is laid out: every knob the generator turns, the baseline (the tables as the
 * official format draws them, copied onto one sheet), and the habits — each one change to the baseline, as seen in
 * workbooks units really send (issue 11). Habits on the same axis exclude each other.
 */

export type MergeMode = 'merged' | 'unmerged' | 'repeated';
export type ZeroStyle = 'number' | 'blank' | 'text0' | '/' | '—' | '-' | '无';
export type NumberStyle = 'number' | 'text' | 'spaces' | 'nbsp' | 'thousands' | 'fullwidth';

export interface Layout {
  /** All tables on one sheet, or one sheet per table. */
  placement: 'oneSheet' | 'perSheet';
  oneSheetName: string;
  /** Names of the 二, 三, 四 sheets when each table has its own. */
  sheetNames: [string, string, string];
  /** Tables start at odd rows and columns instead of column A. */
  offsets: boolean;
  /** Table 四 to the right of table 三 on the same rows. */
  sideBySide: boolean;
  /** Blank rows between tables on one sheet. */
  gap: number;
  /** 二、主动公开政府信息情况 etc. above each table. */
  sectionTitles: boolean;
  /** A report title, 填报单位/填报人/日期 lines above the tables and 审核人/联系电话 below. */
  reportTitle: boolean;
  /** How merged header and label cells arrive. */
  merge: MergeMode;
  /** 表三 group labels （三）不予公开 …: merged down their own column, on their own row, missing, or in the first item's cell. */
  t3Groups: 'column' | 'ownRow' | 'missing' | 'inline';
  /** 表三 三、本年度办理结果: merged down its own column, on its own row, or missing. */
  t3Section: 'column' | 'ownRow' | 'missing';
  /** 表三 applicant header: the format's three rows, two rows without 申请人情况, one flat row, or one row "法人或其他组织-商业企业". */
  t3Applicants: 'official' | 'twoRow' | 'oneRow' | 'flattened';
  /** The word clerks write for 总计. */
  totalWord: '总计' | '合计' | '小计' | '共计';
  /** 表四: the format's header; our old template's (行政复议 over rows 1–2); three small tables; one row per group. */
  t4: 'official' | 'template' | 'threeTables' | 'rowPerGroup';
  zero: ZeroStyle;
  number: NumberStyle;
  typos: boolean;
  halfWidthBrackets: boolean;
  enumComma: boolean;
  lineBreaks: boolean;
  fullWidthSpaces: boolean;
  /** Totals (表三 总计 column and （七）总计 row, 表四 总计) as =SUM() formulas with Excel's cached results. */
  sumFormulas: boolean;
  /** 封面 and 填报说明 sheets before the tables, 正文 after. */
  extraSheets: boolean;
  /** Tables (or their sheets) in the order 四, 三, 二. */
  reversed: boolean;
  /** A hidden sheet: drop-down lists, or last year's tables kept out of sight (after this year's, or before them). */
  hidden: 'none' | 'helper' | 'lastYear' | 'lastYearFirst';
  /** 表二 in the 2019 trial layout. */
  t2Of2019: boolean;
  /** 表三 （六）其他处理 as one 2019 row. */
  t3Of2019: boolean;
  /** Opened and saved again by LibreOffice (needs soffice; applied by the corpus runner). */
  libreoffice: boolean;
}

/** The tables drawn as the format draws them (2021), copied onto one sheet under their section titles. */
export const BASELINE: Readonly<Layout> = Object.freeze({
  placement: 'oneSheet',
  oneSheetName: 'Sheet1',
  sheetNames: ['表二', '表三', '表四'],
  offsets: false,
  sideBySide: false,
  gap: 1,
  sectionTitles: true,
  reportTitle: false,
  merge: 'merged',
  t3Groups: 'column',
  t3Section: 'column',
  t3Applicants: 'official',
  totalWord: '总计',
  t4: 'official',
  zero: 'number',
  number: 'number',
  typos: false,
  halfWidthBrackets: false,
  enumComma: false,
  lineBreaks: false,
  fullWidthSpaces: false,
  sumFormulas: false,
  extraSheets: false,
  reversed: false,
  hidden: 'none',
  t2Of2019: false,
  t3Of2019: false,
  libreoffice: false,
} as Layout);

export interface Habit {
  id: string;
  /** Habits on one axis exclude each other. */
  axis: string;
  title: string;
  /** What the habit changes in the baseline. */
  patch: Partial<Layout>;
}

const habit = (id: string, axis: string, title: string, patch: Partial<Layout>): Habit => ({ id, axis, title, patch });

export const HABITS: readonly Habit[] = [
  habit('per-sheet', 'sheets', 'one sheet per table: 表二 表三 表四', { placement: 'perSheet' }),
  habit('per-sheet-generic', 'sheets', 'one sheet per table: Sheet1 Sheet2 Sheet3', { placement: 'perSheet', sheetNames: ['Sheet1', 'Sheet2', 'Sheet3'] }),
  habit('per-sheet-odd', 'sheets', 'one sheet per table: 附表 表3 4', { placement: 'perSheet', sheetNames: ['附表', '表3', '4'] }),
  habit('sheet-named-table', 'sheets', 'all tables on one sheet named 表3', { oneSheetName: '表3' }),
  habit('offsets', 'offsets', 'tables start anywhere (odd rows and columns)', { offsets: true }),
  habit('side-by-side', 'side', '表四 beside 表三', { sideBySide: true }),
  habit('tight', 'gap', 'no blank row between tables', { gap: 0 }),
  habit('no-section-titles', 'titles', 'no 二、三、四 section titles', { sectionTitles: false }),
  habit('report-title', 'report-title', 'report title, 填报单位/填报人/日期 and 联系电话 lines', { reportTitle: true }),
  habit('unmerged', 'merge', 'headers unmerged (text in the first cell only)', { merge: 'unmerged' }),
  habit('repeated', 'merge', 'labels repeated in every cell of a former merge', { merge: 'repeated' }),
  habit('groups-own-row', 'groups', '表三 group labels on their own row', { t3Groups: 'ownRow' }),
  habit('groups-missing', 'groups', '表三 group labels missing', { t3Groups: 'missing' }),
  habit('groups-inline', 'groups', '表三 group label in the first item cell', { t3Groups: 'inline' }),
  habit('section-own-row', 'section', '三、本年度办理结果 on its own row', { t3Section: 'ownRow' }),
  habit('section-missing', 'section', '三、本年度办理结果 missing', { t3Section: 'missing' }),
  habit('applicants-two-rows', 'applicants', 'applicant header in two rows (no 申请人情况)', { t3Applicants: 'twoRow' }),
  habit('applicants-one-row', 'applicants', 'applicant header in one row (no 法人或其他组织)', { t3Applicants: 'oneRow' }),
  habit('applicants-flattened', 'applicants', 'applicant header flattened: 法人或其他组织-商业企业', { t3Applicants: 'flattened' }),
  habit('total-heji', 'total', '合计 for 总计', { totalWord: '合计' }),
  habit('total-xiaoji', 'total', '小计 for 总计', { totalWord: '小计' }),
  habit('total-gongji', 'total', '共计 for 总计', { totalWord: '共计' }),
  habit('t4-template', 't4', '表四 with 行政复议 over header rows 1–2 (our old template)', { t4: 'template' }),
  habit('t4-three-tables', 't4', '表四 as three small tables', { t4: 'threeTables' }),
  habit('t4-row-per-group', 't4', '表四 as one row per group', { t4: 'rowPerGroup' }),
  habit('zero-blank', 'zero', 'blank for zero', { zero: 'blank' }),
  habit('zero-text', 'zero', 'text "0" for zero', { zero: 'text0' }),
  habit('zero-slash', 'zero', '"/" for zero', { zero: '/' }),
  habit('zero-emdash', 'zero', '"—" for zero', { zero: '—' }),
  habit('zero-hyphen', 'zero', '"-" for zero', { zero: '-' }),
  habit('zero-wu', 'zero', '"无" for zero', { zero: '无' }),
  habit('numbers-as-text', 'number', 'numbers typed as text', { number: 'text' }),
  habit('numbers-spaces', 'number', 'numbers with spaces', { number: 'spaces' }),
  habit('numbers-nbsp', 'number', 'numbers with non-breaking spaces', { number: 'nbsp' }),
  habit('numbers-thousands', 'number', 'thousands separators (1,234 as text)', { number: 'thousands' }),
  habit('numbers-fullwidth', 'number', 'full-width digits', { number: 'fullwidth' }),
  habit('typos', 'typos', 'label typos (其他法律行政止公开, 规范性文件 …)', { typos: true }),
  habit('half-width-brackets', 'brackets', 'half-width brackets (三)', { halfWidthBrackets: true }),
  habit('enum-comma', 'enum', '1、 for 1.', { enumComma: true }),
  habit('line-breaks', 'line-breaks', 'line breaks inside labels', { lineBreaks: true }),
  habit('fullwidth-spaces', 'fullwidth-spaces', 'full-width spaces inside labels', { fullWidthSpaces: true }),
  habit('sum-formulas', 'formulas', 'totals as =SUM() with cached results', { sumFormulas: true }),
  habit('extra-sheets', 'extra', 'extra sheets 封面, 填报说明, 正文', { extraSheets: true }),
  habit('reversed', 'order', 'tables in the order 四, 三, 二', { reversed: true }),
  habit('hidden-helper', 'hidden', 'a hidden sheet of drop-down lists', { hidden: 'helper' }),
  habit('hidden-last-year', 'hidden', "last year's tables on a hidden sheet", { hidden: 'lastYear' }),
  habit('hidden-last-year-first', 'hidden', "last year's tables on a hidden sheet before this year's", { hidden: 'lastYearFirst' }),
  habit('layout-2019-t2', 't2-2019', '表二 in the 2019 layout (expect FORMAT-VERSION)', { t2Of2019: true }),
  habit('layout-2019-t3', 't3-2019', '表三 （六）其他处理 as one 2019 row (expect FORMAT-VERSION)', { t3Of2019: true }),
  habit('libreoffice', 'libreoffice', 'saved again by LibreOffice', { libreoffice: true }),
];

export const HABIT_INDEX: ReadonlyMap<string, Habit> = new Map(HABITS.map((h) => [h.id, h]));

/** The baseline with the named habits applied; throws on an unknown habit or two on one axis (a corpus bug). */
export function layoutOf(habitIds: readonly string[]): Layout {
  const layout: Layout = { ...BASELINE, sheetNames: [...BASELINE.sheetNames] };
  const axes = new Set<string>();
  for (const id of habitIds) {
    const h = HABIT_INDEX.get(id);
    if (!h) throw new Error(`unknown habit ${id}`);
    if (axes.has(h.axis)) throw new Error(`habits on one axis: ${habitIds.join(', ')}`);
    axes.add(h.axis);
    Object.assign(layout, h.patch);
  }
  return layout;
}
