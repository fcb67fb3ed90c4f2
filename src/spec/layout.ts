/**
 * The template's sheets, drawn as the official format draws them: which cells merge, their text, where each key's
 * input cell sits. Rows and columns are 0-based; A1 conversion lives in core/address.ts. The Excel task pane and the
 * .xlsx writer both draw from this.
 */
import {
  KEY_INDEX,
  PREV_KEYS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_ROWS,
  T4_GROUPS,
  T4_OUTCOMES,
  t3Key,
  t4Key,
} from './keys';

export type CellRole = 'title' | 'header' | 'label' | 'input' | 'note' | 'fixed';

export interface LayoutCell {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  role: CellRole;
  text?: string;
  /** For input cells: the canonical key (or `prev.<key>`, `meta.<field>`). */
  key?: string;
  /** Input prompt shown by data validation. */
  prompt?: string;
}

export type SheetId = 'meta' | 't2' | 't3' | 't4' | 'supplement' | 'prev';

export interface SheetLayout {
  id: SheetId;
  /** Worksheet name. */
  name: string;
  /** Column widths in points. */
  columnWidths: number[];
  /** Row heights in points for rows that need more than the default (e.g. wrapped headers). */
  rowHeights: Record<number, number>;
  cells: LayoutCell[];
  /** Number of rows the layout occupies. */
  rowCount: number;
  /** Whether the sheet is one of the three official tables. */
  official: boolean;
}

export const CHECK_SHEET_NAME = '校验';
export const EXPLANATION_SHEET_NAME = '核实说明';

// ---------------------------------------------------------------------------------------------------------------
// 表二

function buildT2(): SheetLayout {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, colSpan: 4, role: 'title', text: '二、主动公开政府信息情况' },
  ];
  let r = 1;
  const band = (text: string): void => {
    cells.push({ row: r, col: 0, colSpan: 4, role: 'header', text });
    r += 1;
  };
  band('第二十条第（一）项');
  cells.push(
    { row: r, col: 0, role: 'header', text: '信息内容' },
    { row: r, col: 1, role: 'header', text: '本年制发件数' },
    { row: r, col: 2, role: 'header', text: '本年废止件数' },
    { row: r, col: 3, role: 'header', text: '现行有效件数' },
  );
  r += 1;
  for (const [k, label] of [
    ['regulations', '规章'],
    ['normative', '行政规范性文件'],
  ] as const) {
    cells.push({ row: r, col: 0, role: 'label', text: label });
    (['issued', 'repealed', 'in_force'] as const).forEach((f, i) => {
      cells.push({ row: r, col: 1 + i, role: 'input', key: `t2.${k}.${f}` });
    });
    r += 1;
  }
  const decisionBand = (bandText: string, head: string, items: [string, string][]): void => {
    band(bandText);
    cells.push({ row: r, col: 0, role: 'header', text: '信息内容' }, { row: r, col: 1, colSpan: 3, role: 'header', text: head });
    r += 1;
    for (const [key, label] of items) {
      cells.push({ row: r, col: 0, role: 'label', text: label }, { row: r, col: 1, colSpan: 3, role: 'input', key });
      r += 1;
    }
  };
  decisionBand('第二十条第（五）项', '本年处理决定数量', [['t2.licensing', '行政许可']]);
  decisionBand('第二十条第（六）项', '本年处理决定数量', [
    ['t2.punishment', '行政处罚'],
    ['t2.enforcement', '行政强制'],
  ]);
  decisionBand('第二十条第（八）项', '本年收费金额（单位：万元）', [['t2.fees', '行政事业性收费']]);
  return withPrompts({
    id: 't2',
    name: '表二',
    columnWidths: [150, 100, 100, 100],
    rowHeights: { 0: 30 },
    cells,
    rowCount: r,
    official: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 表三

/** Columns A–C hold labels; D–J the seven applicant columns. Header rows 1–3 under the title. */
export const T3_FIRST_VALUE_COL = 3;
export const T3_FIRST_DATA_ROW = 4;

function buildT3(): SheetLayout {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, colSpan: 10, role: 'title', text: '三、收到和处理政府信息公开申请情况' },
    {
      row: 1,
      col: 0,
      rowSpan: 3,
      colSpan: 3,
      role: 'note',
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    },
    { row: 1, col: 3, colSpan: 7, role: 'header', text: '申请人情况' },
    { row: 2, col: 3, rowSpan: 2, role: 'header', text: '自然人' },
    { row: 2, col: 4, colSpan: 5, role: 'header', text: '法人或其他组织' },
    { row: 2, col: 9, rowSpan: 2, role: 'header', text: '总计' },
  ];
  T3_COLUMNS.slice(1, 6).forEach((c, i) => cells.push({ row: 3, col: 4 + i, role: 'header', text: c.label }));

  const rowOf = (key: string): number => T3_FIRST_DATA_ROW + T3_ROWS.findIndex((r) => r.key === key);
  const firstOutcome = rowOf('granted');
  const lastOutcome = rowOf('handled_total');
  cells.push({
    row: firstOutcome,
    col: 0,
    rowSpan: lastOutcome - firstOutcome + 1,
    role: 'label',
    text: '三、本年度办理结果',
  });
  for (const row of T3_ROWS) {
    const r = rowOf(row.key);
    if (row.key === 'new' || row.key === 'carried_in' || row.key === 'carried_out') {
      cells.push({ row: r, col: 0, colSpan: 3, role: 'label', text: row.label });
    } else if (!row.group) {
      cells.push({ row: r, col: 1, colSpan: 2, role: 'label', text: row.label });
    } else {
      cells.push({ row: r, col: 2, role: 'label', text: row.label });
    }
    T3_COLUMNS.forEach((c, i) => cells.push({ row: r, col: T3_FIRST_VALUE_COL + i, role: 'input', key: t3Key(row.key, c.key) }));
  }
  for (const [group, text] of Object.entries(T3_GROUPS)) {
    const rows = T3_ROWS.filter((r) => r.group === group).map((r) => rowOf(r.key));
    cells.push({ row: Math.min(...rows), col: 1, rowSpan: rows.length, role: 'label', text });
  }
  const rowHeights: Record<number, number> = { 0: 30, 1: 24, 2: 24, 3: 40 };
  for (const key of ['partly_granted', 'ignored_confirm', 'other_no_correction', 'other_no_fee']) rowHeights[rowOf(key)] = 30;
  return withPrompts({
    id: 't3',
    name: '表三',
    columnWidths: [36, 66, 250, 50, 50, 50, 50, 50, 50, 50],
    rowHeights,
    cells,
    rowCount: T3_FIRST_DATA_ROW + T3_ROWS.length,
    official: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 表四

function buildT4(): SheetLayout {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, colSpan: 15, role: 'title', text: '四、政府信息公开行政复议、行政诉讼情况' },
    // As the format draws it: 行政复议's five outcomes each merged down two rows, beside the two 行政诉讼 groups.
    { row: 1, col: 0, colSpan: 5, role: 'header', text: '行政复议' },
    { row: 1, col: 5, colSpan: 10, role: 'header', text: '行政诉讼' },
    { row: 2, col: 5, colSpan: 5, role: 'header', text: '未经复议直接起诉' },
    { row: 2, col: 10, colSpan: 5, role: 'header', text: '复议后起诉' },
  ];
  T4_GROUPS.forEach((g, gi) =>
    T4_OUTCOMES.forEach((o, oi) => {
      const col = gi * 5 + oi;
      if (gi === 0) cells.push({ row: 2, col, rowSpan: 2, role: 'header', text: o.label });
      else cells.push({ row: 3, col, role: 'header', text: o.label });
      cells.push({ row: 4, col, role: 'input', key: t4Key(g.key, o.key) });
    }),
  );
  return withPrompts({
    id: 't4',
    name: '表四',
    columnWidths: Array.from({ length: 15 }, () => 40),
    rowHeights: { 0: 30, 3: 32 },
    cells,
    rowCount: 5,
    official: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// List sheets: metadata, supplementary figures, last year's figures

interface ListItem {
  key: string;
  label: string;
  unit?: string;
  prompt?: string;
}

function buildList(
  id: SheetId,
  name: string,
  title: string,
  sections: { heading: string; items: ListItem[] }[],
): SheetLayout {
  const cells: LayoutCell[] = [{ row: 0, col: 0, colSpan: 3, role: 'title', text: title }];
  let r = 1;
  cells.push(
    { row: r, col: 0, role: 'header', text: '项目' },
    { row: r, col: 1, role: 'header', text: '数值' },
    { row: r, col: 2, role: 'header', text: '单位' },
  );
  r += 1;
  for (const section of sections) {
    if (section.heading) {
      cells.push({ row: r, col: 0, colSpan: 3, role: 'header', text: section.heading });
      r += 1;
    }
    for (const item of section.items) {
      cells.push({ row: r, col: 0, role: 'label', text: item.label });
      cells.push({ row: r, col: 1, role: 'input', key: item.key, prompt: item.prompt });
      cells.push({ row: r, col: 2, role: 'fixed', text: item.unit ?? '' });
      r += 1;
    }
  }
  return withPrompts({ id, name, columnWidths: [300, 160, 40], rowHeights: { 0: 30 }, cells, rowCount: r, official: false });
}

function keyItem(key: string, prefix = ''): ListItem {
  const def = KEY_INDEX.get(key);
  if (!def) throw new Error(`layout names unknown key ${key}`);
  return { key: `${prefix}${key}`, label: prefix ? def.short : def.label, unit: def.unit };
}

export const META_FIELDS = ['meta.body', 'meta.year', 'meta.level', 'meta.kind', 'meta.template_version'] as const;

function buildMeta(): SheetLayout {
  return buildList('meta', '基本信息', '政府信息公开工作年度报告 基本信息', [
    {
      heading: '',
      items: [
        { key: 'meta.body', label: '机关名称', prompt: '填写发布报告的机关全称，如：沙坡头区人民政府办公室' },
        { key: 'meta.year', label: '报告年度', unit: '年', prompt: '填写统计年度，如：2024' },
        { key: 'meta.level', label: '机关层级', prompt: '从下拉列表中选择' },
        { key: 'meta.kind', label: '报告类型', prompt: '本机关年度报告，或汇总本地区各机关数据的汇总年度报告' },
        { key: 'meta.template_version', label: '模板版本' },
      ],
    },
  ]);
}

function buildSupplement(): SheetLayout {
  return buildList('supplement', '补充数据', '补充数据（表格以外、正文需要引用的数字）', [
    {
      heading: '六、其他需要报告的事项：信息处理费（没有收费的填0）',
      items: ['fee.notices', 'fee.notified', 'fee.collected'].map((k) => keyItem(k)),
    },
    {
      heading: '一、总体情况（一）主动公开：正文引用的数字（可不填）',
      items: [
        'extra.items_total',
        'extra.items_website',
        'extra.items_new_media',
        'extra.policy_documents',
        'extra.interpretations',
        'extra.responses',
      ].map((k) => keyItem(k)),
    },
  ]);
}

function buildPrev(): SheetLayout {
  return buildList('prev', '上年数据', '上年度数据（用于跨年度校验和正文同比，可从上年报告导入）', [
    { heading: '表三 四、结转下年度继续办理（上年）', items: PREV_KEYS.filter((k) => k.startsWith('t3.carried_out')).map((k) => keyItem(k, 'prev.')) },
    { heading: '表二（上年）', items: PREV_KEYS.filter((k) => k.startsWith('t2.')).map((k) => keyItem(k, 'prev.')) },
    {
      heading: '表三、表四合计（上年）',
      items: PREV_KEYS.filter((k) => k.startsWith('t4.') || (k.startsWith('t3.') && !k.startsWith('t3.carried_out'))).map((k) =>
        keyItem(k, 'prev.'),
      ),
    },
  ]);
}

function withPrompts(layout: SheetLayout): SheetLayout {
  for (const cell of layout.cells) {
    if (cell.role !== 'input' || !cell.key || cell.prompt) continue;
    const def = KEY_INDEX.get(cell.key.replace(/^prev\./, ''));
    if (!def) continue;
    cell.prompt = def.kind === 'amount' ? `填写不小于0的数（单位：${def.unit}），没有的填0` : '填写不小于0的整数，没有的填0';
  }
  return layout;
}

export const SHEETS: readonly SheetLayout[] = [buildMeta(), buildT2(), buildT3(), buildT4(), buildSupplement(), buildPrev()];

export interface CellPosition {
  sheet: SheetLayout;
  row: number;
  col: number;
}

/** Where each input key sits in the template. */
export const KEY_POSITIONS: ReadonlyMap<string, CellPosition> = new Map(
  SHEETS.flatMap((sheet) =>
    sheet.cells.filter((c) => c.role === 'input' && c.key).map((c) => [c.key as string, { sheet, row: c.row, col: c.col }] as const),
  ),
);

export function getSheet(id: SheetId): SheetLayout {
  const sheet = SHEETS.find((s) => s.id === id);
  if (!sheet) throw new Error(`unknown sheet ${id}`);
  return sheet;
}

/**
 * The 核实说明 sheet: explanations (说明) kept for warnings travel with the workbook here. Row 1 is this header; one
 * row per finding (rule id + target identify it). Written by the task pane, read by the command line.
 */
export const EXPLANATION_COLUMNS = ['规则', '对象', '问题', '说明', '记录时间'] as const;

/** The member list of an aggregate report (written by `merge`, read back by every reader). */
export const MEMBERS_SHEET_NAME = '汇总成员';
export const MEMBERS_COLUMNS = ['序号', '机关名称', '报告年度', '来源文件'] as const;

/** The hidden sheet where the task pane keeps the formats it changed, to restore them. */
export const STORE_SHEET_NAME = '_年报助手';

/** Sheets the tool writes beside the tables: never searched for the tables' labels. */
export const TOOL_SHEET_NAMES: readonly string[] = [CHECK_SHEET_NAME, EXPLANATION_SHEET_NAME, MEMBERS_SHEET_NAME, STORE_SHEET_NAME];
