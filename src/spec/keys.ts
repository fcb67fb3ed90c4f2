/**
 * Canonical keys of the 2021 format (FORMAT.md §2): every number in the report, its official label,
 * a short label for messages, unit and kind. Pure data.
 */

export type ValueKind = 'count' | 'amount';
export type TableId = 't2' | 't3' | 't4' | 'fee' | 'extra';

export interface KeyDef {
  key: string;
  table: TableId;
  /** Official label, as printed in the format. */
  label: string;
  /** Short label for messages and lists, e.g. 「本年新收 · 自然人」. */
  short: string;
  unit: '件' | '万元' | '元' | '条' | '次';
  kind: ValueKind;
  /** Required keys are part of the official tables: a blank there is a VALUE-EMPTY finding. */
  required: boolean;
}

export interface T3Row {
  key: string;
  label: string;
  short: string;
  /** Outcome group for rows 3–23 (the 21 leaves). */
  group?: 'refused' | 'unable' | 'ignored' | 'other';
  leaf: boolean;
}

export const T3_COLUMNS = [
  { key: 'natural', label: '自然人', short: '自然人' },
  { key: 'business', label: '商业企业', short: '商业企业' },
  { key: 'research', label: '科研机构', short: '科研机构' },
  { key: 'nonprofit', label: '社会公益组织', short: '社会公益组织' },
  { key: 'legal', label: '法律服务机构', short: '法律服务机构' },
  { key: 'other', label: '其他', short: '其他法人或其他组织' },
  { key: 'total', label: '总计', short: '总计' },
] as const;

export type T3ColumnKey = (typeof T3_COLUMNS)[number]['key'];
export const T3_APPLICANT_COLUMNS: readonly T3ColumnKey[] = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other'];

export const T3_GROUPS = {
  refused: '（三）不予公开',
  unable: '（四）无法提供',
  ignored: '（五）不予处理',
  other: '（六）其他处理',
} as const;

export const T3_ROWS: readonly T3Row[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收申请', leaf: false },
  { key: 'carried_in', label: '二、上年结转政府信息公开申请数量', short: '上年结转申请', leaf: false },
  { key: 'granted', label: '（一）予以公开', short: '予以公开', leaf: true },
  { key: 'partly_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', short: '部分公开', leaf: true },
  { key: 'refused_secret', label: '1.属于国家秘密', short: '不予公开·属于国家秘密', group: 'refused', leaf: true },
  { key: 'refused_law', label: '2.其他法律行政法规禁止公开', short: '不予公开·其他法律行政法规禁止公开', group: 'refused', leaf: true },
  { key: 'refused_security', label: '3.危及“三安全一稳定”', short: '不予公开·危及“三安全一稳定”', group: 'refused', leaf: true },
  { key: 'refused_third_party', label: '4.保护第三方合法权益', short: '不予公开·保护第三方合法权益', group: 'refused', leaf: true },
  { key: 'refused_internal', label: '5.属于三类内部事务信息', short: '不予公开·属于三类内部事务信息', group: 'refused', leaf: true },
  { key: 'refused_process', label: '6.属于四类过程性信息', short: '不予公开·属于四类过程性信息', group: 'refused', leaf: true },
  { key: 'refused_case_file', label: '7.属于行政执法案卷', short: '不予公开·属于行政执法案卷', group: 'refused', leaf: true },
  { key: 'refused_query', label: '8.属于行政查询事项', short: '不予公开·属于行政查询事项', group: 'refused', leaf: true },
  { key: 'unable_not_held', label: '1.本机关不掌握相关政府信息', short: '无法提供·本机关不掌握相关政府信息', group: 'unable', leaf: true },
  { key: 'unable_need_create', label: '2.没有现成信息需要另行制作', short: '无法提供·没有现成信息需要另行制作', group: 'unable', leaf: true },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确', short: '无法提供·补正后申请内容仍不明确', group: 'unable', leaf: true },
  { key: 'ignored_complaint', label: '1.信访举报投诉类申请', short: '不予处理·信访举报投诉类申请', group: 'ignored', leaf: true },
  { key: 'ignored_repeat', label: '2.重复申请', short: '不予处理·重复申请', group: 'ignored', leaf: true },
  { key: 'ignored_publication', label: '3.要求提供公开出版物', short: '不予处理·要求提供公开出版物', group: 'ignored', leaf: true },
  { key: 'ignored_mass', label: '4.无正当理由大量反复申请', short: '不予处理·无正当理由大量反复申请', group: 'ignored', leaf: true },
  { key: 'ignored_confirm', label: '5.要求行政机关确认或重新出具已获取信息', short: '不予处理·要求行政机关确认或重新出具已获取信息', group: 'ignored', leaf: true },
  { key: 'other_no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', short: '其他处理·逾期不补正', group: 'other', leaf: true },
  { key: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', short: '其他处理·逾期未缴纳费用', group: 'other', leaf: true },
  { key: 'other_other', label: '3.其他', short: '其他处理·其他', group: 'other', leaf: true },
  { key: 'handled_total', label: '（七）总计', short: '办理结果总计', leaf: false },
  { key: 'carried_out', label: '四、结转下年度继续办理', short: '结转下年度继续办理', leaf: false },
];

export const T3_LEAF_ROWS: readonly string[] = T3_ROWS.filter((r) => r.leaf).map((r) => r.key);

/**
 * The 2019 shape of （六）其他处理: one row instead of three. Not a key of the 2021 format; accepted in report data
 * as `t3.other_combined.<col>` so that such a report is checked with its numbers, and reported as FORMAT-VERSION.
 */
export const T3_OTHER_COMBINED_ROW = 'other_combined';
export const T3_OTHER_ROWS: readonly string[] = ['other_no_correction', 'other_no_fee', 'other_other'];

export const T4_GROUPS = [
  { key: 'reconsideration', label: '行政复议', short: '行政复议' },
  { key: 'litigation_direct', label: '未经复议直接起诉', short: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after', label: '复议后起诉', short: '行政诉讼（复议后起诉）' },
] as const;

export const T4_OUTCOMES = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

function t2(key: string, label: string, short: string, kind: ValueKind = 'count'): KeyDef {
  return { key, table: 't2', label, short, unit: kind === 'count' ? '件' : '万元', kind, required: true };
}

const T2_KEYS: KeyDef[] = [
  t2('t2.regulations.issued', '规章 本年制发件数', '规章·本年制发件数'),
  t2('t2.regulations.repealed', '规章 本年废止件数', '规章·本年废止件数'),
  t2('t2.regulations.in_force', '规章 现行有效件数', '规章·现行有效件数'),
  t2('t2.normative.issued', '行政规范性文件 本年制发件数', '行政规范性文件·本年制发件数'),
  t2('t2.normative.repealed', '行政规范性文件 本年废止件数', '行政规范性文件·本年废止件数'),
  t2('t2.normative.in_force', '行政规范性文件 现行有效件数', '行政规范性文件·现行有效件数'),
  t2('t2.licensing', '行政许可 本年处理决定数量', '行政许可·本年处理决定数量'),
  t2('t2.punishment', '行政处罚 本年处理决定数量', '行政处罚·本年处理决定数量'),
  t2('t2.enforcement', '行政强制 本年处理决定数量', '行政强制·本年处理决定数量'),
  t2('t2.fees', '行政事业性收费 本年收费金额（单位：万元）', '行政事业性收费·本年收费金额', 'amount'),
];

const T3_KEYS: KeyDef[] = T3_ROWS.flatMap((row) =>
  T3_COLUMNS.map((col) => ({
    key: `t3.${row.key}.${col.key}`,
    table: 't3' as const,
    label: `${row.label}（${col.label}）`,
    short: `${row.short}·${col.short}`,
    unit: '件' as const,
    kind: 'count' as const,
    required: true,
  })),
);

const T4_KEYS: KeyDef[] = T4_GROUPS.flatMap((g) =>
  T4_OUTCOMES.map((o) => ({
    key: `t4.${g.key}.${o.key}`,
    table: 't4' as const,
    label: `${g.label} ${o.label}`,
    short: `${g.short}·${o.label}`,
    unit: '件' as const,
    kind: 'count' as const,
    required: true,
  })),
);

const FEE_KEYS: KeyDef[] = [
  { key: 'fee.notices', table: 'fee', label: '发出收费通知的件数', short: '发出收费通知件数', unit: '件', kind: 'count', required: false },
  { key: 'fee.notified', table: 'fee', label: '收费通知的总金额（元）', short: '收费通知总金额', unit: '元', kind: 'amount', required: false },
  { key: 'fee.collected', table: 'fee', label: '实际收取的总金额（元）', short: '实际收取总金额', unit: '元', kind: 'amount', required: false },
];

/** Optional figures the narrative quotes (FORMAT.md §5, 一（一）); not in the tables. */
const EXTRA_KEYS: KeyDef[] = [
  { key: 'extra.items_total', table: 'extra', label: '主动公开政府信息总条数', short: '主动公开信息总数', unit: '条', kind: 'count', required: false },
  { key: 'extra.items_website', table: 'extra', label: '其中：政府网站发布条数', short: '政府网站发布', unit: '条', kind: 'count', required: false },
  { key: 'extra.items_new_media', table: 'extra', label: '其中：政务新媒体发布条数', short: '政务新媒体发布', unit: '条', kind: 'count', required: false },
  { key: 'extra.policy_documents', table: 'extra', label: '发布政策文件件数', short: '发布政策文件', unit: '件', kind: 'count', required: false },
  { key: 'extra.interpretations', table: 'extra', label: '政策解读次数', short: '政策解读', unit: '次', kind: 'count', required: false },
  { key: 'extra.responses', table: 'extra', label: '回应关切条数', short: '回应关切', unit: '条', kind: 'count', required: false },
];

export const KEYS: readonly KeyDef[] = [...T2_KEYS, ...T3_KEYS, ...T4_KEYS, ...FEE_KEYS, ...EXTRA_KEYS];

export const KEY_INDEX: ReadonlyMap<string, KeyDef> = new Map(KEYS.map((k) => [k.key, k]));

/** Keys of the three official tables: 10 + 175 + 15. */
export const TABLE_KEYS: readonly string[] = KEYS.filter((k) => k.required).map((k) => k.key);

/**
 * Last year's figures the template asks for: what the cross-year rules and the narrative's year-on-year phrases read.
 * Report data may carry any other `prev.<key>` too.
 */
export const PREV_KEYS: readonly string[] = [
  ...T3_COLUMNS.map((c) => `t3.carried_out.${c.key}`),
  't2.regulations.issued',
  't2.regulations.in_force',
  't2.normative.issued',
  't2.normative.in_force',
  't2.licensing',
  't2.punishment',
  't2.enforcement',
  't3.new.total',
  't3.handled_total.total',
  't4.reconsideration.total',
  't4.litigation_direct.total',
  't4.litigation_after.total',
];

export function t3Key(row: string, col: string): string {
  return `t3.${row}.${col}`;
}

export function t4Key(group: string, outcome: string): string {
  return `t4.${group}.${outcome}`;
}
