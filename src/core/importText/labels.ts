/**
 * How the rows of the three tables are recognised in published text. Each row has anchors: short, distinctive
 * pieces of its official label that survive wrapping, split cells and the typos seen in real reports
 * (其他法律行政止公开, 只计这一情况, 三类内容事务信息, 规范性文件 for 行政规范性文件). Anchors are matched in the
 * compact text (no whitespace, NFKC, full-width brackets), in table order.
 */

export interface RowPattern {
  /** Row key: a T3 row key, or the key suffix in table 二. */
  key: string;
  /** The label as printed in the 2021 format, compact; the row's start is found by walking back along it. */
  label: string;
  anchors: readonly RegExp[];
}

export const T3_PATTERNS: readonly RowPattern[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', anchors: [/本年新收/, /新收政府信息公开申请/] },
  { key: 'carried_in', label: '二、上年结转政府信息公开申请数量', anchors: [/上年结转/, /上年度结转/] },
  { key: 'granted', label: '（一）予以公开', anchors: [/予以公开/] },
  { key: 'partly_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', anchors: [/部分公开/] },
  { key: 'refused_secret', label: '1.属于国家秘密', anchors: [/国家秘密/] },
  { key: 'refused_law', label: '2.其他法律行政法规禁止公开', anchors: [/其他法律/, /行政法规禁止/] },
  { key: 'refused_security', label: '3.危及“三安全一稳定”', anchors: [/危及/, /三安全/] },
  { key: 'refused_third_party', label: '4.保护第三方合法权益', anchors: [/第三方/] },
  { key: 'refused_internal', label: '5.属于三类内部事务信息', anchors: [/三类内/, /内部事务/] },
  { key: 'refused_process', label: '6.属于四类过程性信息', anchors: [/四类过程/, /过程性信息/] },
  { key: 'refused_case_file', label: '7.属于行政执法案卷', anchors: [/执法案卷/] },
  { key: 'refused_query', label: '8.属于行政查询事项', anchors: [/行政查询/, /查询事项/] },
  { key: 'unable_not_held', label: '1.本机关不掌握相关政府信息', anchors: [/不掌握/] },
  { key: 'unable_need_create', label: '2.没有现成信息需要另行制作', anchors: [/没有现成/, /另行制作/] },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确', anchors: [/补正后/, /仍不明确/] },
  { key: 'ignored_complaint', label: '1.信访举报投诉类申请', anchors: [/信访/, /举报投诉/] },
  { key: 'ignored_repeat', label: '2.重复申请', anchors: [/重复申请/] },
  { key: 'ignored_publication', label: '3.要求提供公开出版物', anchors: [/出版物/] },
  { key: 'ignored_mass', label: '4.无正当理由大量反复申请', anchors: [/大量反复/] },
  { key: 'ignored_confirm', label: '5.要求行政机关确认或重新出具已获取信息', anchors: [/重新出具/, /确认或重新/, /已获取信息/] },
  {
    key: 'other_no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    anchors: [/逾期不补正/, /逾期不补/],
  },
  {
    key: 'other_no_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    anchors: [/收费通知/, /缴纳费用/],
  },
  { key: 'other_other', label: '3.其他', anchors: [/3\.其他/, /（3）其他/] },
  { key: 'handled_total', label: '（七）总计', anchors: [/（七）总计/, /七）总计/, /总计/] },
  { key: 'carried_out', label: '四、结转下年度继续办理', anchors: [/结转下年/, /继续办理/] },
];

/** The 2019 single row of （六）其他处理. */
export const T3_OTHER_COMBINED: RowPattern = { key: 'other_combined', label: '（六）其他处理', anchors: [/其他处理/] };

export interface T2Row extends RowPattern {
  /** Keys the row's numbers go to, in column order. */
  keys: readonly string[];
}

export const T2_PATTERNS: readonly T2Row[] = [
  { key: 'regulations', label: '规章', anchors: [/规章/], keys: ['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.in_force'] },
  {
    key: 'normative',
    label: '行政规范性文件',
    anchors: [/规范性文件/],
    keys: ['t2.normative.issued', 't2.normative.repealed', 't2.normative.in_force'],
  },
  { key: 'licensing', label: '行政许可', anchors: [/行政许可/], keys: ['t2.licensing'] },
  { key: 'punishment', label: '行政处罚', anchors: [/行政处罚/], keys: ['t2.punishment'] },
  { key: 'enforcement', label: '行政强制', anchors: [/行政强制/], keys: ['t2.enforcement'] },
  { key: 'fees', label: '行政事业性收费', anchors: [/事业性收费/, /行政事业性/], keys: ['t2.fees'] },
];

/** Words only the 2019 trial layout of table 二 has (FORMAT.md §7). */
export const T2_TRIAL_MARKS: readonly RegExp[] = [/本年新制作数量/, /本年新公开数量/, /对外公开总数量/, /上一年项目数量/, /本年增\/?减/, /政府集中采购/, /采购总金额/];

/**
 * The 2019 rows of table 二 whose numbers mean the same as in 2021: the 处理决定数量 of 行政许可, 行政处罚 and
 * 行政强制 (the third column, after 上一年项目数量 and 本年增/减). 其他对外管理服务事项 sits between them.
 */
export const T2_TRIAL_ROWS: readonly (T2Row & { column: number; of: number })[] = [
  { key: 'licensing', label: '行政许可', anchors: [/行政许可/], keys: ['t2.licensing'], column: 2, of: 3 },
  { key: 'other_services', label: '其他对外管理服务事项', anchors: [/其他对外管理服务/, /对外管理服务/], keys: [], column: 2, of: 3 },
  { key: 'punishment', label: '行政处罚', anchors: [/行政处罚/], keys: ['t2.punishment'], column: 2, of: 3 },
  { key: 'enforcement', label: '行政强制', anchors: [/行政强制/], keys: ['t2.enforcement'], column: 2, of: 3 },
  { key: 'fees', label: '行政事业性收费', anchors: [/事业性收费/], keys: [], column: 0, of: 2 },
];

/** Section headings, in the normalised (not compact) text; whitespace allowed between characters. */
export function heading(words: string): RegExp {
  const chars = [...words].map((c) => {
    if (c === '、') return '[、.．,，]';
    if (c === '（') return '[（(]';
    if (c === '）') return '[）)]';
    return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(chars.join('\\s*'));
}
