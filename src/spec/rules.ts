/**
 * The rules of FORMAT.md §3 as data. Each rule has a stable id, a severity and a kind; the engine has one small
 * evaluator per kind. Rules name canonical keys, never addresses.
 */
import type { Severity } from './meta';
import { LEVELS_WITH_REGULATIONS, type Level } from './meta';
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_LEAF_ROWS, T3_ROWS, T4_GROUPS, t3Key, t4Key } from './keys';

/** A key with a sign; `prev.` keys read last year's figure. */
export interface Term {
  key: string;
  weight: 1 | -1;
}

/** `actual` = Σ total, `expected` = Σ parts; the rule holds when they are equal. */
export interface SumInstance {
  target: string;
  total: Term[];
  parts: Term[];
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** Short Chinese title, for the 校验 sheet and summaries. */
  title: string;
  /**
   * What the rule checks and why, in Chinese, for the rule catalogue (docs/rules.md, README). Figures the rule holds
   * as data (factors, levels, equations) are not repeated here: the catalogue prints them from the rule itself.
   */
  description: string;
}

export interface SumEqualsRule extends RuleBase {
  kind: 'sumEquals';
  instances: SumInstance[];
}

export interface ValueRule extends RuleBase {
  kind: 'value';
  /** Which cells: counts, amounts, or every cell (blank check). */
  applies: 'count' | 'amount' | 'blank';
}

export interface LevelForbidsRule extends RuleBase {
  kind: 'levelForbids';
  target: string;
  keys: string[];
  allowedLevels: readonly Level[];
}

/** `key` must be ≥ `atLeast`; with `onlyWhenPositive`, only checked when `atLeast` > 0. */
export interface AtLeastRule extends RuleBase {
  kind: 'atLeast';
  target: string;
  key: string;
  atLeast: string;
  onlyWhenPositive: boolean;
}

export interface JumpRule extends RuleBase {
  kind: 'jump';
  factor: number;
  floor: number;
}

/** Rules evaluated outside the cell engine: aggregate members, narrative text, layout. */
export interface ExternalRule extends RuleBase {
  kind: 'aggregate' | 'text' | 'format' | 'structure';
}

export type Rule = SumEqualsRule | ValueRule | LevelForbidsRule | AtLeastRule | JumpRule | ExternalRule;

const plus = (key: string): Term => ({ key, weight: 1 });
const minus = (key: string): Term => ({ key, weight: -1 });

export const RULES: readonly Rule[] = [
  {
    id: 'T3-BALANCE',
    severity: 'error',
    title: '表三各列：本年新收＋上年结转＝办理结果总计＋结转下年度',
    description: '表三每一列：本年新收＋上年结转＝办理结果总计＋结转下年度。这是格式表头注明的勾稽关系（“第一项加第二项之和，等于第三项加第四项之和”）。',
    kind: 'sumEquals',
    instances: T3_COLUMNS.map((c) => ({
      target: c.key,
      parts: [plus(t3Key('new', c.key)), plus(t3Key('carried_in', c.key))],
      total: [plus(t3Key('handled_total', c.key)), plus(t3Key('carried_out', c.key))],
    })),
  },
  {
    id: 'T3-HANDLED',
    severity: 'error',
    title: '表三各列：（七）总计＝21项办理结果之和',
    description: '表三每一列：（七）总计等于（一）至（六）21 项办理结果之和。',
    kind: 'sumEquals',
    instances: T3_COLUMNS.map((c) => ({
      target: c.key,
      total: [plus(t3Key('handled_total', c.key))],
      parts: T3_LEAF_ROWS.map((r) => plus(t3Key(r, c.key))),
    })),
  },
  {
    id: 'T3-ROWSUM',
    severity: 'error',
    title: '表三各行：总计＝六类申请人之和',
    description: '表三每一行：总计等于自然人与五类法人或其他组织之和。',
    kind: 'sumEquals',
    instances: T3_ROWS.map((r) => ({
      target: r.key,
      total: [plus(t3Key(r.key, 'total'))],
      parts: T3_APPLICANT_COLUMNS.map((c) => plus(t3Key(r.key, c))),
    })),
  },
  {
    id: 'T4-TOTAL',
    severity: 'error',
    title: '表四各组：总计＝结果维持＋结果纠正＋其他结果＋尚未审结',
    description: '表四每一组（行政复议、未经复议直接起诉、复议后起诉）：总计等于结果维持、结果纠正、其他结果、尚未审结之和。',
    kind: 'sumEquals',
    instances: T4_GROUPS.map((g) => ({
      target: g.key,
      total: [plus(t4Key(g.key, 'total'))],
      parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => plus(t4Key(g.key, o))),
    })),
  },
  { id: 'VALUE-COUNT', severity: 'error', title: '件数应为不小于0的整数',
    description: '件数应填不小于 0 的整数。文字（如“三”）、负数、小数、日期、公式错误值都会指出填了什么；这样的单元格不再参与它所在的勾稽关系，免得同一个问题重复报告。', kind: 'value', applies: 'count' },
  { id: 'VALUE-AMOUNT', severity: 'error', title: '金额应为不小于0的数',
    description: '金额（行政事业性收费、信息处理费）应填不小于 0 的数，可以有小数。不能使用的值同样指出填了什么，且不参与计算。', kind: 'value', applies: 'amount' },
  { id: 'VALUE-EMPTY', severity: 'warning', title: '应填数字处为空白或“/”“—”“无”',
    description: '应填数字的单元格空白，或填了“/”“—”“无”等。校验时按 0 计算，同时提醒改填 0。', kind: 'value', applies: 'blank' },
  {
    id: 'T2-REGULATIONS',
    severity: 'warning',
    title: '只有国务院部门、省级和设区的市级人民政府可以制定规章',
    description: '只有国务院部门、省级和设区的市级人民政府可以制定规章（立法法第九十三条）；其他机关的表二“规章”一行应为 0，常见原因是把行政规范性文件填进了规章行。',
    kind: 'levelForbids',
    target: 't2.regulations',
    keys: ['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.in_force'],
    allowedLevels: LEVELS_WITH_REGULATIONS,
  },
  {
    id: 'FEE-NOTICES',
    severity: 'warning',
    title: '因逾期未缴费不再处理的申请，应当发出过收费通知',
    description: '表三“（六）其他处理”中因逾期未缴纳费用而不再处理的申请，说明发出过收费通知：发出收费通知的件数不应少于该行的总计。',
    kind: 'atLeast',
    target: 'fee.notices',
    key: 'fee.notices',
    atLeast: 't3.other_no_fee.total',
    onlyWhenPositive: true,
  },
  {
    id: 'FEE-COLLECTED',
    severity: 'warning',
    title: '实际收取的信息处理费不应多于收费通知金额',
    description: '实际收取的信息处理费不应多于收费通知的金额；确有上年通知、本年收取等情况的，写一条核实说明。',
    kind: 'atLeast',
    target: 'fee.collected',
    key: 'fee.notified',
    atLeast: 'fee.collected',
    onlyWhenPositive: false,
  },
  {
    id: 'YOY-CARRY',
    severity: 'warning',
    title: '本年“上年结转”应等于上年报告的“结转下年度继续办理”',
    description: '有上年数据时，本年表三“上年结转”每一列应等于上年报告的“结转下年度继续办理”。',
    kind: 'sumEquals',
    instances: T3_COLUMNS.map((c) => ({
      target: c.key,
      total: [plus(t3Key('carried_in', c.key))],
      parts: [plus(`prev.${t3Key('carried_out', c.key)}`)],
    })),
  },
  {
    id: 'YOY-IN-FORCE',
    severity: 'warning',
    title: '现行有效件数＝上年现行有效＋本年制发－本年废止',
    description: '有上年数据时，表二现行有效件数应等于上年现行有效件数加本年制发件数、减本年废止件数；有宣布失效、自然失效等情形的，写一条核实说明。',
    kind: 'sumEquals',
    instances: (['regulations', 'normative'] as const).map((k) => ({
      target: k,
      total: [plus(`t2.${k}.in_force`)],
      parts: [plus(`prev.t2.${k}.in_force`), plus(`t2.${k}.issued`), minus(`t2.${k}.repealed`)],
    })),
  },
  { id: 'YOY-JUMP', severity: 'info', title: '与上年相比变化超过5倍',
    description: '有上年数据时，与上年相比变化过大的件数，提示核实是否填错位数或单位。', kind: 'jump', factor: 5, floor: 10 },
  { id: 'TEXT-NUMBER', severity: 'warning', title: '正文中的数字与表格不一致',
    description: '正文里说的件数与表格不一致时指出，并引用原句。正文写明是另一范围的数字（如“区政府办代表区政府受理……”）、与上年比较的数字、约数，都不算不一致。', kind: 'text' },
  { id: 'AGGREGATE-SUM', severity: 'error', title: '汇总报告的数字应等于各成员报告之和',
    description: '汇总报告的每个数应等于各成员报告之和；汇总报告列出的成员没有提供报告的，也会指出。', kind: 'aggregate' },
  { id: 'FORMAT-VERSION', severity: 'error', title: '表格使用了2019年试行格式',
    description: '表格用了 2019 年试行格式（如表二的“本年新制作数量”栏目、表三“（六）其他处理”合并为一行），应按 2021 年格式填报。合并的（六）其他处理一行仍按它的数参与校验。', kind: 'format' },
  { id: 'STRUCTURE', severity: 'error', title: '格式要求的表、行或列缺失或无法定位',
    description: '格式要求的表、行、列缺失或无法识别：工作簿里找不到的表和栏目、报告数据里拼错的项目名、文本中读不出或按行合计推断拆开的数字。找不到的不会当成 0。', kind: 'structure' },
];

export const RULE_INDEX: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule {
  const rule = RULE_INDEX.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

/** Every key a rule reads (with `prev.` prefixes where it reads last year). */
export function ruleKeys(rule: Rule): string[] {
  switch (rule.kind) {
    case 'sumEquals':
      return rule.instances.flatMap((i) => [...i.total, ...i.parts].map((t) => t.key));
    case 'levelForbids':
      return [...rule.keys];
    case 'atLeast':
      return [rule.key, rule.atLeast];
    default:
      return [];
  }
}
