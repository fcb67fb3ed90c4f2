/** A small report text written for the tests, in the shapes FORMAT.md §7 describes; rows can be given as printed. */

export const T3_LABELS: [string, string][] = [
  ['new', '一、本年新收政府信息公开申请数量'],
  ['carried_in', '二、上年结转政府信息公开申请数量'],
  ['granted', '三、本年度办理结果 （一）予以公开'],
  ['partly_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['refused_secret', '（三）不予公开 1.属于国家秘密'],
  ['refused_law', '2.其他法律行政法规禁止公开'],
  ['refused_security', '3.危及“三安全一稳定”'],
  ['refused_third_party', '4.保护第三方合法权益'],
  ['refused_internal', '5.属于三类内部事务信息'],
  ['refused_process', '6.属于四类过程性信息'],
  ['refused_case_file', '7.属于行政执法案卷'],
  ['refused_query', '8.属于行政查询事项'],
  ['unable_not_held', '（四）无法提供 1.本机关不掌握相关政府信息'],
  ['unable_need_create', '2.没有现成信息需要另行制作'],
  ['unable_unclear', '3.补正后申请内容仍不明确'],
  ['ignored_complaint', '（五）不予处理 1.信访举报投诉类申请'],
  ['ignored_repeat', '2.重复申请'],
  ['ignored_publication', '3.要求提供公开出版物'],
  ['ignored_mass', '4.无正当理由大量反复申请'],
  ['ignored_confirm', '5.要求行政机关确认或重新出具已获取信息'],
  ['other_no_correction', '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other_other', '3.其他'],
  ['handled_total', '（七）总计'],
  ['carried_out', '四、结转下年度继续办理'],
];

export interface SampleOptions {
  /** Table 三 rows as printed after the label (default: seven zeros separated by spaces). */
  rows?: Record<string, string>;
  /** The line(s) of table 二, replacing the 2021 default. */
  t2?: string;
  /** Table 四's printed numbers. */
  t4?: string;
  /** Rows to leave out of table 三. */
  omit?: string[];
}

export function sampleText(options: SampleOptions = {}): string {
  const t3 = T3_LABELS.filter(([k]) => !options.omit?.includes(k))
    .map(([k, label]) => `${label}${options.rows?.[k] ?? ' 0 0 0 0 0 0 0'}`)
    .join('\n');
  return [
    '某某县人民政府办公室2024年政府信息公开工作年度报告',
    '根据《中华人民共和国政府信息公开条例》要求，现发布本报告。本报告统计数据从2024年1月1日至2024年12月31日。',
    '一、总体情况',
    '（一）主动公开。全年主动公开政府信息120条。',
    '（二）依申请公开。全年受理申请81件。',
    '二、主动公开政府信息情况',
    options.t2 ??
      [
        '第二十条第（一）项',
        '信息内容 本年制发件数 本年废止件数 现行有效件数',
        '规章 0 0 0',
        '行政规范性文件 3 1 20',
        '第二十条第（五）项',
        '信息内容 本年处理决定数量',
        '行政许可 120',
        '第二十条第（六）项',
        '信息内容 本年处理决定数量',
        '行政处罚 45',
        '行政强制 2',
        '第二十条第（八）项',
        '信息内容 本年收费金额（单位：万元）',
        '行政事业性收费 12.5',
      ].join('\n'),
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况',
    '自然人 法人或其他组织 总计',
    '商业企业 科研机构 社会公益组织 法律服务机构 其他',
    t3,
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉',
    '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计',
    options.t4 ?? '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    '五、存在的主要问题及改进情况',
    '政策解读形式还不够丰富。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ].join('\n');
}
