/**
 * The report's narrative as data (FORMAT.md §5): sentence templates with named slots and conditions for drafting,
 * and the vocabulary that recognises table quantities in written text for checking. Wording changes here, not in
 * code. No logic.
 *
 * Slots in a template's text:
 *   {t3.new.total}        a key's value (table, fee.*, extra.* keys) or a computed sum (`sum.*`, see NARRATIVE_SUMS)
 *   {meta.body} {meta.year}
 *   {yoy:t3.new.total}    the year-on-year phrase (NARRATIVE_YOY); empty when last year's figure is not known
 *   {list:applicants}     the items of a list whose value is > 0, joined (NARRATIVE_LISTS)
 *   {only:applicants}     the name of the one item of a list whose value is > 0
 * Inside a list item's text, {n} is the item's value; other slots work there too.
 */
import { T3_COLUMNS, T3_LEAF_ROWS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from './keys';

// ---------------------------------------------------------------------------------------------------------------
// Drafting

export type SectionId = 'opening' | '一' | '一（一）' | '一（二）' | '一（三）' | '一（四）' | '一（五）' | '二' | '三' | '四' | '五' | '六';

/** How a value (or a list) must be for a template to apply. */
export type ValueTest =
  | 'zero' // a number, equal to 0
  | 'one' // equal to 1
  | 'many' // greater than 1
  | 'positive' // greater than 0
  | 'known' // a usable number
  | 'unknown' // missing, or not a usable number
  | 'none' // list: no item > 0
  | 'single' // list: exactly one item > 0
  | 'several'; // list: two or more items > 0

export type Condition =
  | { of: string; is: ValueTest }
  /** The body's level: a people's government (its report also covers 考核、评议、责任追究), or one that may make 规章. */
  | { level: 'government' | 'makesRegulations' };

export interface SentenceTemplate {
  /** All must hold; no conditions = always. */
  when?: Condition[];
  text: string;
}

export interface NarrativeBlock {
  id: string;
  /** The first alternative whose conditions hold and whose slots all have values is used. */
  alternatives: SentenceTemplate[];
  /** Used when no alternative applies (e.g. a figure is missing): a visible placeholder. Omitted block if absent. */
  fallback?: string;
  /** Starts a new paragraph. */
  paragraph?: boolean;
}

export interface SectionTemplate {
  id: SectionId;
  /** As printed; for the opening, the report's title. */
  title: string;
  /** Heading level: 0 title, 1 一、…, 2 （一）…. */
  level: 0 | 1 | 2;
  blocks: NarrativeBlock[];
}

export interface ListItem {
  /** Key or `sum.*` whose value decides whether the item is listed and fills {n}. */
  of: string;
  /** Text in a list, with {n}. */
  text: string;
  /** Name used by {only:…}. */
  name: string;
  /** A list whose items detail this one, in full-width brackets after it: 不予公开2件（属于国家秘密1件、…）. */
  detail?: string;
  /** Text when the value is 0; without it an item of 0 is left out (never a 「0件」 in a list). */
  zero?: string;
}

export interface ListTemplate {
  items: ListItem[];
  separator: string;
}

/** Placeholder marks: visibly not final text. */
export const PLACEHOLDER_OPEN = '【请补充：';
export const PLACEHOLDER_CLOSE = '】';
export const placeholder = (what: string): string => `${PLACEHOLDER_OPEN}${what}${PLACEHOLDER_CLOSE}`;

/** Values a slot needs that the report does not give. */
export const MISSING_META: Record<string, string> = {
  'meta.body': placeholder('机关名称'),
  'meta.year': placeholder('年度'),
};

const T3_OUTCOME_GROUP_ROWS = (group: string): string[] => T3_ROWS.filter((r) => r.group === group).map((r) => r.key);

/** Computed slots: sums of keys. A sum has a value only when every key has one. */
export const NARRATIVE_SUMS: Record<string, string[]> = {
  'sum.t3.refused.total': T3_OUTCOME_GROUP_ROWS('refused').map((r) => t3Key(r, 'total')),
  'sum.t3.unable.total': T3_OUTCOME_GROUP_ROWS('unable').map((r) => t3Key(r, 'total')),
  'sum.t3.ignored.total': T3_OUTCOME_GROUP_ROWS('ignored').map((r) => t3Key(r, 'total')),
  'sum.t3.other.total': T3_OUTCOME_GROUP_ROWS('other').map((r) => t3Key(r, 'total')),
  'sum.t3.new.organisations': T3_COLUMNS.slice(1, 6).map((c) => t3Key('new', c.key)),
  'sum.t3.new_and_carried.total': [t3Key('new', 'total'), t3Key('carried_in', 'total')],
  'sum.t2.regulations': ['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.in_force'],
  'sum.t2.decisions': ['t2.licensing', 't2.punishment', 't2.enforcement'],
  'sum.t4.cases': T4_GROUPS.map((g) => t4Key(g.key, 'total')),
  ...Object.fromEntries(
    T4_OUTCOMES.map((o) => [`sum.t4.litigation.${o.key}`, [t4Key('litigation_direct', o.key), t4Key('litigation_after', o.key)]]),
  ),
  'sum.fee': ['fee.notices', 'fee.notified', 'fee.collected'],
};

const reasonItems = (group: string): ListItem[] =>
  T3_ROWS.filter((r) => r.group === group).map((r) => {
    const reason = r.label.replace(/^\d+\./, '');
    return { of: t3Key(r.key, 'total'), text: `${reason}${'{n}'}件`, name: reason };
  });

function documentFigures(key: 'normative' | 'regulations', name: string, make: string): ListTemplate {
  return {
    separator: '，',
    items: [
      { of: `t2.${key}.issued`, text: `${make}${name}{n}件{yoy:t2.${key}.issued}`, name: make, zero: `未${make}${name}` },
      { of: `t2.${key}.repealed`, text: `废止${name}{n}件`, name: '废止', zero: `未废止${name}` },
      { of: `t2.${key}.in_force`, text: `现行有效${name}{n}件`, name: '现行有效', zero: `无现行有效的${name}` },
    ],
  };
}

export const NARRATIVE_LISTS: Record<string, ListTemplate> = {
  applicants: {
    separator: '、',
    items: T3_COLUMNS.slice(0, 6).map((c) => ({
      of: t3Key('new', c.key),
      text: `${c.key === 'other' ? '其他法人或其他组织' : c.label}{n}件`,
      name: c.key === 'other' ? '其他法人或其他组织' : c.label,
    })),
  },
  outcomes: {
    separator: '，',
    items: [
      { of: 't3.granted.total', text: '予以公开{n}件', name: '予以公开' },
      { of: 't3.partly_granted.total', text: '部分公开{n}件', name: '部分公开' },
      { of: 'sum.t3.refused.total', text: '不予公开{n}件', name: '不予公开', detail: 'refusedReasons' },
      { of: 'sum.t3.unable.total', text: '无法提供{n}件', name: '无法提供', detail: 'unableReasons' },
      { of: 'sum.t3.ignored.total', text: '不予处理{n}件', name: '不予处理', detail: 'ignoredReasons' },
      { of: 'sum.t3.other.total', text: '其他处理{n}件', name: '其他处理', detail: 'otherReasons' },
    ],
  },
  refusedReasons: { separator: '、', items: reasonItems('refused') },
  unableReasons: { separator: '、', items: reasonItems('unable') },
  ignoredReasons: { separator: '、', items: reasonItems('ignored') },
  otherReasons: {
    separator: '、',
    items: [
      { of: 't3.other_no_correction.total', text: '申请人逾期不补正{n}件', name: '申请人逾期不补正' },
      { of: 't3.other_no_fee.total', text: '申请人逾期未缴纳信息处理费{n}件', name: '申请人逾期未缴纳信息处理费' },
      { of: 't3.other_other.total', text: '其他情形{n}件', name: '其他情形' },
    ],
  },
  reconsiderationOutcomes: {
    separator: '、',
    items: T4_OUTCOMES.filter((o) => o.key !== 'total').map((o) => ({
      of: t4Key('reconsideration', o.key),
      text: `${o.label}{n}件`,
      name: o.label,
    })),
  },
  litigationOutcomes: {
    separator: '、',
    items: T4_OUTCOMES.filter((o) => o.key !== 'total').map((o) => ({
      of: `sum.t4.litigation.${o.key}`,
      text: `${o.label}{n}件`,
      name: o.label,
    })),
  },
  litigationKinds: {
    separator: '，',
    items: [
      { of: 't4.litigation_direct.total', text: '未经复议直接起诉{n}件', name: '未经复议直接起诉' },
      { of: 't4.litigation_after.total', text: '复议后起诉{n}件', name: '复议后起诉' },
    ],
  },
  decisions: {
    separator: '、',
    items: [
      { of: 't2.licensing', text: '行政许可决定{n}件', name: '行政许可决定' },
      { of: 't2.punishment', text: '行政处罚决定{n}件', name: '行政处罚决定' },
      { of: 't2.enforcement', text: '行政强制决定{n}件', name: '行政强制决定' },
    ],
  },
  normativeFigures: documentFigures('normative', '行政规范性文件', '制发'),
  regulationsFigures: documentFigures('regulations', '规章', '制定'),
  channels: {
    separator: '，',
    items: [
      { of: 'extra.items_website', text: '政府网站发布{n}条', name: '政府网站' },
      { of: 'extra.items_new_media', text: '政务新媒体发布{n}条', name: '政务新媒体' },
    ],
  },
};

/** Year-on-year phrases; {delta} the difference, {pct} the change in per cent, {unit} the key's unit. */
export const NARRATIVE_YOY = {
  up: '，较上年增加{delta}{unit}（增长{pct}%）',
  upFromZero: '，较上年增加{delta}{unit}',
  down: '，较上年减少{delta}{unit}（下降{pct}%）',
  flat: '，与上年持平',
} as const;

const OPENING_ORDER =
  '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。';

export const NARRATIVE_SECTIONS: readonly SectionTemplate[] = [
  {
    id: 'opening',
    title: '{meta.body}{meta.year}年政府信息公开工作年度报告',
    level: 0,
    blocks: [
      {
        id: 'basis',
        alternatives: [
          {
            text:
              '根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现发布《{meta.body}{meta.year}年政府信息公开工作年度报告》。',
          },
        ],
      },
      { id: 'period', alternatives: [{ text: '本报告统计数据从{meta.year}年1月1日至{meta.year}年12月31日。' }] },
      { id: 'order', alternatives: [{ text: OPENING_ORDER }] },
      {
        id: 'contact',
        alternatives: [
          {
            text: `本报告电子版可在${placeholder('网站名称及网址')}查阅或下载。如对本报告有疑问，请与${placeholder('联系机构、地址、邮编、电话')}联系。`,
          },
        ],
      },
    ],
  },
  {
    id: '一',
    title: '一、总体情况',
    level: 1,
    blocks: [
      {
        id: 'summary',
        alternatives: [{ text: `{meta.year}年，{meta.body}${placeholder('本年度政府信息公开工作的总体思路和主要成效')}。` }],
      },
    ],
  },
  {
    id: '一（一）',
    title: '（一）主动公开',
    level: 2,
    blocks: [
      {
        id: 'items',
        alternatives: [
          { when: [{ of: 'list:channels', is: 'several' }, { of: 'extra.items_total', is: 'positive' }], text: '本年度主动公开政府信息{extra.items_total}条{yoy:extra.items_total}，其中{list:channels}。' },
          { when: [{ of: 'extra.items_total', is: 'positive' }], text: '本年度主动公开政府信息{extra.items_total}条{yoy:extra.items_total}。' },
        ],
        fallback: `本年度${placeholder('主动公开政府信息的条数和主要渠道（政府网站、政务新媒体等）')}。`,
      },
      {
        id: 'normative',
        alternatives: [
          {
            when: [
              { of: 't2.normative.issued', is: 'zero' },
              { of: 't2.normative.repealed', is: 'zero' },
              { of: 't2.normative.in_force', is: 'zero' },
            ],
            text: '本年度未制发行政规范性文件，无现行有效的行政规范性文件。',
          },
          {
            when: [
              { of: 't2.normative.issued', is: 'zero' },
              { of: 't2.normative.repealed', is: 'zero' },
            ],
            text: '本年度未制发、废止行政规范性文件，现行有效行政规范性文件{t2.normative.in_force}件。',
          },
          { text: '本年度{list:normativeFigures}。' },
        ],
        fallback: `本年度${placeholder('行政规范性文件制发、废止和现行有效件数（表二中该项不是有效数字）')}。`,
      },
      {
        id: 'regulations',
        // Only bodies that may make 规章 speak of them, unless the table has figures (then they must be stated).
        alternatives: [
          {
            when: [{ of: 'sum.t2.regulations', is: 'zero' }, { level: 'makesRegulations' }],
            text: '本年度未制定、废止规章，无现行有效的规章。',
          },
          { when: [{ of: 'sum.t2.regulations', is: 'positive' }], text: '本年度{list:regulationsFigures}。' },
        ],
      },
      {
        id: 'decisions',
        alternatives: [{ when: [{ of: 'sum.t2.decisions', is: 'positive' }], text: '本年度作出{list:decisions}。' }],
      },
      {
        id: 'fees',
        alternatives: [{ when: [{ of: 't2.fees', is: 'positive' }], text: '本年度行政事业性收费{t2.fees}万元。' }],
      },
      {
        id: 'documents',
        alternatives: [{ when: [{ of: 'extra.policy_documents', is: 'positive' }], text: '发布政策文件{extra.policy_documents}件。' }],
      },
      {
        id: 'interpretation',
        alternatives: [
          {
            when: [{ of: 'extra.interpretations', is: 'positive' }, { of: 'extra.responses', is: 'positive' }],
            text: '开展政策解读{extra.interpretations}次，回应社会关切{extra.responses}条。',
          },
          { when: [{ of: 'extra.interpretations', is: 'positive' }], text: '开展政策解读{extra.interpretations}次。' },
          { when: [{ of: 'extra.responses', is: 'positive' }], text: '回应社会关切{extra.responses}条。' },
        ],
      },
    ],
  },
  {
    id: '一（二）',
    title: '（二）依申请公开',
    level: 2,
    blocks: [
      {
        id: 'received',
        alternatives: [
          {
            when: [{ of: 't3.new.total', is: 'zero' }, { of: 't3.carried_in.total', is: 'zero' }],
            text: '本年度未收到政府信息公开申请，无上年结转的申请。',
          },
          {
            when: [{ of: 't3.new.total', is: 'zero' }, { of: 't3.carried_in.total', is: 'positive' }],
            text: '本年度未收到新的政府信息公开申请，上年结转政府信息公开申请{t3.carried_in.total}件。',
          },
          {
            when: [{ of: 't3.new.total', is: 'one' }, { of: 'list:applicants', is: 'single' }],
            text: '本年度共收到政府信息公开申请{t3.new.total}件{yoy:t3.new.total}，为{only:applicants}申请。',
          },
          {
            when: [{ of: 't3.new.total', is: 'many' }, { of: 'list:applicants', is: 'single' }],
            text: '本年度共收到政府信息公开申请{t3.new.total}件{yoy:t3.new.total}，均为{only:applicants}申请。',
          },
          {
            when: [{ of: 't3.new.total', is: 'positive' }, { of: 'list:applicants', is: 'several' }],
            text: '本年度共收到政府信息公开申请{t3.new.total}件{yoy:t3.new.total}，其中{list:applicants}。',
          },
          {
            when: [{ of: 't3.new.total', is: 'positive' }],
            text: '本年度共收到政府信息公开申请{t3.new.total}件{yoy:t3.new.total}。',
          },
        ],
        fallback: `本年度${placeholder('收到政府信息公开申请的件数（表三“本年新收政府信息公开申请数量”不是有效数字）')}。`,
      },
      {
        id: 'carried_in',
        alternatives: [
          {
            when: [{ of: 't3.new.total', is: 'positive' }, { of: 't3.carried_in.total', is: 'positive' }],
            text: '另有上年结转政府信息公开申请{t3.carried_in.total}件。',
          },
        ],
      },
      {
        id: 'handled',
        alternatives: [
          { when: [{ of: 't3.handled_total.total', is: 'zero' }, { of: 'sum.t3.new_and_carried.total', is: 'positive' }], text: '本年度尚无办结的申请。' },
          { when: [{ of: 't3.handled_total.total', is: 'zero' }], text: '' },
          {
            when: [{ of: 't3.handled_total.total', is: 'one' }, { of: 'list:outcomes', is: 'single' }],
            text: '共办结政府信息公开申请{t3.handled_total.total}件，办理结果为{only:outcomes}。',
          },
          {
            when: [{ of: 't3.handled_total.total', is: 'many' }, { of: 'list:outcomes', is: 'single' }],
            text: '共办结政府信息公开申请{t3.handled_total.total}件，均为{only:outcomes}。',
          },
          {
            when: [{ of: 't3.handled_total.total', is: 'positive' }, { of: 'list:outcomes', is: 'several' }],
            text: '共办结政府信息公开申请{t3.handled_total.total}件，其中{list:outcomes}。',
          },
          { when: [{ of: 't3.handled_total.total', is: 'positive' }], text: '共办结政府信息公开申请{t3.handled_total.total}件。' },
        ],
        fallback: `本年度${placeholder('办结政府信息公开申请的件数和办理结果（表三“（七）总计”不是有效数字）')}。`,
      },
      {
        id: 'carried_out',
        alternatives: [
          { when: [{ of: 't3.carried_out.total', is: 'positive' }], text: '结转下年度继续办理的政府信息公开申请{t3.carried_out.total}件。' },
          {
            when: [{ of: 't3.carried_out.total', is: 'zero' }, { of: 'sum.t3.new_and_carried.total', is: 'positive' }],
            text: '无结转下年度继续办理的申请。',
          },
        ],
      },
      {
        id: 'practice',
        alternatives: [
          { when: [{ of: 'sum.t3.new_and_carried.total', is: 'positive' }], text: placeholder('依申请公开工作的主要做法，如规范办理流程、加强与申请人沟通等') },
        ],
      },
    ],
  },
  {
    id: '一（三）',
    title: '（三）政府信息管理',
    level: 2,
    blocks: [
      {
        id: 'skeleton',
        alternatives: [{ text: placeholder('政府信息管理情况，如公开属性源头认定、公开前保密审查、行政规范性文件清理、政府信息公开目录和指南更新等') }],
      },
    ],
  },
  {
    id: '一（四）',
    title: '（四）政府信息公开平台建设',
    level: 2,
    blocks: [
      {
        id: 'skeleton',
        alternatives: [{ text: placeholder('政府网站、政务新媒体、政府公报、政务公开专区等公开平台的建设和管理情况') }],
      },
    ],
  },
  {
    id: '一（五）',
    title: '（五）监督保障',
    level: 2,
    blocks: [
      {
        id: 'skeleton',
        alternatives: [
          {
            when: [{ level: 'government' }],
            text: placeholder('组织领导、制度建设、业务培训等监督保障情况，以及工作考核、社会评议和责任追究结果情况'),
          },
          { text: placeholder('组织领导、制度建设、业务培训、监督检查等监督保障情况') },
        ],
      },
    ],
  },
  {
    id: '二',
    title: '二、主动公开政府信息情况',
    level: 1,
    blocks: [{ id: 'lead', alternatives: [{ text: '本年度主动公开政府信息情况见下表。' }] }],
  },
  {
    id: '三',
    title: '三、收到和处理政府信息公开申请情况',
    level: 1,
    blocks: [
      {
        id: 'lead',
        alternatives: [
          {
            when: [{ of: 't3.new.total', is: 'zero' }, { of: 't3.carried_in.total', is: 'zero' }],
            text: '本年度未收到政府信息公开申请，也无上年结转的申请，下表各项均无发生。',
          },
          { text: '本年度收到和处理政府信息公开申请情况见下表。' },
        ],
      },
    ],
  },
  {
    id: '四',
    title: '四、政府信息公开行政复议、行政诉讼情况',
    level: 1,
    blocks: [
      {
        id: 'none',
        alternatives: [
          { when: [{ of: 'sum.t4.cases', is: 'zero' }], text: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。' },
        ],
      },
      {
        id: 'reconsideration',
        alternatives: [
          {
            when: [{ of: 't4.reconsideration.total', is: 'zero' }, { of: 'sum.t4.cases', is: 'positive' }],
            text: '本年度未发生因政府信息公开引起的行政复议。',
          },
          { when: [{ of: 't4.reconsideration.total', is: 'zero' }], text: '' },
          {
            when: [{ of: 't4.reconsideration.total', is: 'positive' }, { of: 'list:reconsiderationOutcomes', is: 'several' }],
            text: '本年度因政府信息公开引起行政复议{t4.reconsideration.total}件{yoy:t4.reconsideration.total}，其中{list:reconsiderationOutcomes}。',
          },
          {
            when: [{ of: 't4.reconsideration.total', is: 'one' }, { of: 'list:reconsiderationOutcomes', is: 'single' }],
            text: '本年度因政府信息公开引起行政复议{t4.reconsideration.total}件{yoy:t4.reconsideration.total}，{only:reconsiderationOutcomes}。',
          },
          {
            when: [{ of: 't4.reconsideration.total', is: 'many' }, { of: 'list:reconsiderationOutcomes', is: 'single' }],
            text: '本年度因政府信息公开引起行政复议{t4.reconsideration.total}件{yoy:t4.reconsideration.total}，均为{only:reconsiderationOutcomes}。',
          },
          {
            when: [{ of: 't4.reconsideration.total', is: 'positive' }],
            text: '本年度因政府信息公开引起行政复议{t4.reconsideration.total}件{yoy:t4.reconsideration.total}。',
          },
        ],
        fallback: `本年度${placeholder('因政府信息公开引起行政复议的件数和结果（表四中该项不是有效数字）')}。`,
      },
      {
        id: 'litigation',
        alternatives: [
          {
            when: [{ of: 'sum.t4.litigation.total', is: 'zero' }, { of: 'sum.t4.cases', is: 'positive' }],
            text: '本年度未发生因政府信息公开引起的行政诉讼。',
          },
          { when: [{ of: 'sum.t4.litigation.total', is: 'zero' }], text: '' },
          {
            when: [{ of: 'sum.t4.litigation.total', is: 'positive' }, { of: 'list:litigationOutcomes', is: 'several' }],
            text: '本年度因政府信息公开引起行政诉讼{sum.t4.litigation.total}件，其中{list:litigationOutcomes}；按起诉方式分，{list:litigationKinds}。',
          },
          {
            when: [{ of: 'sum.t4.litigation.total', is: 'one' }, { of: 'list:litigationOutcomes', is: 'single' }],
            text: '本年度因政府信息公开引起行政诉讼{sum.t4.litigation.total}件，{only:litigationOutcomes}；按起诉方式分，为{only:litigationKinds}。',
          },
          {
            when: [{ of: 'sum.t4.litigation.total', is: 'many' }, { of: 'list:litigationOutcomes', is: 'single' }],
            text: '本年度因政府信息公开引起行政诉讼{sum.t4.litigation.total}件，均为{only:litigationOutcomes}；按起诉方式分，{list:litigationKinds}。',
          },
          {
            when: [{ of: 'sum.t4.litigation.total', is: 'positive' }],
            text: '本年度因政府信息公开引起行政诉讼{sum.t4.litigation.total}件；按起诉方式分，{list:litigationKinds}。',
          },
        ],
        fallback: `本年度${placeholder('因政府信息公开引起行政诉讼的件数和结果（表四中该项不是有效数字）')}。`,
      },
      { id: 'table', alternatives: [{ text: '具体情况见下表。' }] },
    ],
  },
  {
    id: '五',
    title: '五、存在的主要问题及改进情况',
    level: 1,
    blocks: [
      {
        id: 'problems',
        paragraph: true,
        alternatives: [{ text: `（一）存在的主要问题。${placeholder('本年度政府信息公开工作存在的主要问题，应结合本机关实际，不照搬上年或其他机关的表述')}` }],
      },
      {
        id: 'improvements',
        paragraph: true,
        alternatives: [{ text: `（二）改进措施。${placeholder('针对上述问题的具体改进措施')}` }],
      },
      {
        id: 'last_year',
        paragraph: true,
        alternatives: [{ text: `（三）上年度问题整改情况。${placeholder('上年度年报所列问题的整改落实情况')}` }],
      },
    ],
  },
  {
    id: '六',
    title: '六、其他需要报告的事项',
    level: 1,
    blocks: [
      {
        id: 'fees',
        alternatives: [
          { when: [{ of: 'sum.fee', is: 'zero' }], text: '本年度未发出信息处理费收费通知，未收取信息处理费。' },
          {
            when: [{ of: 'fee.notices', is: 'positive' }, { of: 'fee.collected', is: 'zero' }],
            text: '本年度依据《政府信息公开信息处理费管理办法》发出收费通知{fee.notices}件，收费通知总金额{fee.notified}元，实际未收取信息处理费。',
          },
          {
            when: [{ of: 'fee.notices', is: 'positive' }, { of: 'fee.collected', is: 'positive' }],
            text: '本年度依据《政府信息公开信息处理费管理办法》发出收费通知{fee.notices}件，收费通知总金额{fee.notified}元，实际收取信息处理费{fee.collected}元。',
          },
        ],
        fallback: `本年度${placeholder('信息处理费情况：发出收费通知的件数、收费通知的总金额和实际收取的总金额（没有收费的写明未收取信息处理费）')}。`,
      },
      {
        id: 'other',
        paragraph: true,
        alternatives: [{ text: placeholder('本年度政务公开工作要点落实情况，人大代表建议和政协提案办理结果公开情况，以及其他需要报告的事项') }],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Checking: what a number in written text stands for

/**
 * Subjects a sentence talks about. The subject of a number is the one named last before it in its clause, else the
 * one named last earlier in the sentence. Order breaks ties where matches end together (复议后起诉 before 复议).
 */
export const TEXT_SUBJECTS: readonly { id: string; pattern: RegExp }[] = [
  { id: 'litigation_after', pattern: /复议后(?:提起)?(?:行政)?(?:诉讼|起诉)/g },
  { id: 'litigation_direct', pattern: /(?:未经复议)?直接(?:提起)?(?:行政)?(?:诉讼|起诉)|未经(?:行政)?复议/g },
  { id: 'reconsideration', pattern: /行政复议|复议/g },
  { id: 'litigation', pattern: /行政诉讼|诉讼|起诉/g },
  { id: 'regulations', pattern: /规章/g },
  { id: 'normative', pattern: /规范性文件/g },
  { id: 'licensing', pattern: /行政许可/g },
  { id: 'punishment', pattern: /行政处罚/g },
  { id: 'enforcement', pattern: /行政强制/g },
  // 申请 after 复议/诉讼 is an appeal, not an information request.
  { id: 'application', pattern: /(?<!复议|诉讼)申请/g },
];

export interface TextMeasure {
  subject: string;
  /**
   * Matched against the words before the number (from the last clause break); `after`: also the words after it.
   * No pattern: the subject's own total, used when the clause names the subject and no other measure.
   */
  pattern?: RegExp;
  keys: string[];
  after?: boolean;
}

const t3Total = (row: string): string[] => [t3Key(row, 'total')];
const reasonMeasures: TextMeasure[] = [
  ['refused_secret', /国家秘密/],
  ['refused_law', /法律行政法规禁止/],
  ['refused_security', /三安全一稳定/],
  ['refused_third_party', /第三方合法权益/],
  ['refused_internal', /内部事务/],
  ['refused_process', /过程性信息/],
  ['refused_case_file', /行政执法案卷/],
  ['refused_query', /行政查询/],
  ['unable_not_held', /不掌握/],
  ['unable_need_create', /另行制作|没有现成信息/],
  ['unable_unclear', /内容仍?不明确/],
  ['ignored_complaint', /信访|举报投诉/],
  ['ignored_repeat', /重复申请/],
  ['ignored_publication', /公开出版物/],
  ['ignored_mass', /大量反复/],
  ['ignored_confirm', /确认或重新出具|重新出具/],
  ['other_no_correction', /逾期不补正|不补正/],
  ['other_no_fee', /缴纳(?:信息处理)?费/],
].map(([row, pattern]) => ({ subject: 'application', pattern: pattern as RegExp, keys: t3Total(row as string) }));

const outcomeWords: [string, RegExp][] = [
  ['upheld', /维持/],
  ['corrected', /纠正/],
  ['other', /其他结果/],
  ['pending', /尚未审结|未审结|正在审理|审理中/],
];

/** First match wins, so the more specific measures come first. */
export const TEXT_MEASURES: readonly TextMeasure[] = [
  { subject: 'application', pattern: /(?:结转|顺延|转入)(?:至|到)?下一?年|下一?年度继续办理/, keys: t3Total('carried_out'), after: true },
  { subject: 'application', pattern: /上一?年度?(?:结转|未办结)|结转(?:自)?上一?年/, keys: t3Total('carried_in') },
  { subject: 'application', pattern: /部分(?:予以)?公开/, keys: t3Total('partly_granted') },
  ...reasonMeasures,
  { subject: 'application', pattern: /不予(?:以)?公开/, keys: T3_LEAF_ROWS.filter((r) => r.startsWith('refused_')).map((r) => t3Key(r, 'total')) },
  { subject: 'application', pattern: /无法提供/, keys: T3_LEAF_ROWS.filter((r) => r.startsWith('unable_')).map((r) => t3Key(r, 'total')) },
  { subject: 'application', pattern: /不予处理/, keys: T3_LEAF_ROWS.filter((r) => r.startsWith('ignored_')).map((r) => t3Key(r, 'total')) },
  { subject: 'application', pattern: /其他处理/, keys: T3_LEAF_ROWS.filter((r) => r.startsWith('other_')).map((r) => t3Key(r, 'total')) },
  { subject: 'application', pattern: /予以公开|同意公开|全部公开/, keys: t3Total('granted') },
  { subject: 'application', pattern: /其他法人或其他组织/, keys: [t3Key('new', 'other')] },
  { subject: 'application', pattern: /法人或其他组织/, keys: T3_COLUMNS.slice(1, 6).map((c) => t3Key('new', c.key)) },
  ...T3_COLUMNS.slice(0, 5).map((c) => ({ subject: 'application', pattern: new RegExp(c.label), keys: [t3Key('new', c.key)] })),
  { subject: 'application', pattern: /办结|答复|办理完毕|处理完毕|作出.*决定/, keys: t3Total('handled_total') },
  { subject: 'application', pattern: /受理|收到|新收|接收|收悉|接到|提出/, keys: t3Total('new') },
  ...T4_GROUPS.flatMap((g) =>
    outcomeWords.map(([o, pattern]) => ({ subject: g.key, pattern, keys: [t4Key(g.key, o)] })),
  ),
  ...outcomeWords.map(([o, pattern]) => ({ subject: 'litigation', pattern, keys: [t4Key('litigation_direct', o), t4Key('litigation_after', o)] })),
  // A subject named with no measure word: the group's total (政府信息公开行政复议351件).
  ...T4_GROUPS.map((g) => ({ subject: g.key, keys: [t4Key(g.key, 'total')] })),
  { subject: 'litigation', keys: [t4Key('litigation_direct', 'total'), t4Key('litigation_after', 'total')] },
  ...(['regulations', 'normative'] as const).flatMap((doc) => [
    { subject: doc, pattern: /废止/, keys: [`t2.${doc}.repealed`] },
    { subject: doc, pattern: /现行有效|保留/, keys: [`t2.${doc}.in_force`] },
    { subject: doc, pattern: /制发|印发|出台|制定|新增/, keys: [`t2.${doc}.issued`] },
  ]),
  { subject: 'licensing', keys: ['t2.licensing'] },
  { subject: 'punishment', keys: ['t2.punishment'] },
  { subject: 'enforcement', keys: ['t2.enforcement'] },
];

/** Units of the table quantities a text states; other units (条, 个, 次, %) are never compared. */
export const TEXT_COUNT_UNIT = '件';

/**
 * Words before a number that say it is not the table's figure: another body's share (代表, 本级, 各部门 …), last
 * year's figure or a change (较上年增加 …), an approximation.
 */
export const TEXT_OTHER_SCOPE: readonly RegExp[] = [
  /代表/,
  /本级/,
  /所属|下属/,
  /各(?:部门|单位|乡镇|街道|县区|县|区|地|级)/,
  /(?<!本|我)(?:部门|乡镇|街道)/,
  /除[^，]*外/,
  /不含/,
  /通过[^，]*(?:网|平台|信函|邮件|当面|现场)/,
];
export const TEXT_NOT_A_FIGURE: readonly RegExp[] = [
  /较上一?年|比上一?年|同比|环比/,
  /(?:增加|减少|增长|下降|上升|新增加)$/,
  /(?<!结转|度结转)上一?年(?!度?结转|度?未办结)/,
  /(?:约|近|将近|大约|超过|逾|不足|多于|少于)$/,
];

/** Things a clause may count that are none of the subjects (政策性文件 is not 规范性文件): no subject carried over. */
export const TEXT_OTHER_NOUNS: readonly RegExp[] = [/文件/, /公告|通知|会议|解读|提案|建议|公报/];

/** Sentences saying that nothing happened; checked against the table being 0. */
export const TEXT_ZERO_STATEMENTS: readonly { pattern: RegExp; unless?: RegExp; keys: string[] }[] = [
  { pattern: /(?:未|没有|无)(?:收到|受理|接到|新收)(?:新的)?(?:政府信息公开|信息公开|依申请公开)?申请/, keys: t3Total('new') },
  { pattern: /(?:未|没有|无)(?:发生|出现|产生|收到)?[^，。；]{0,16}?行政复议/, unless: /纠正|败诉|维持|撤销|被/, keys: [t4Key('reconsideration', 'total')] },
  {
    pattern: /(?:未|没有|无)(?:发生|出现|产生|收到)?[^，。；]{0,20}?(?:行政)?诉讼/,
    unless: /纠正|败诉|维持|撤销|被/,
    keys: [t4Key('litigation_direct', 'total'), t4Key('litigation_after', 'total')],
  },
];
