/**
 * The rule catalogue, generated from src/spec/rules.ts: docs/rules.md (every rule with its id, severity, what it
 * checks and the figures it holds as data) and the summary table in README.md between its markers.
 * `npm run generate` writes both; test/docs/rules.test.ts fails when the spec changes and they do not.
 */
import { KEYS, PREV_KEYS, RULES, SEVERITIES, T3_COLUMNS, T3_ROWS, T4_GROUPS, type Rule, type SumInstance, type Term } from '../src/spec';
import { cellLabel, levelLabel } from '../src/core';

export const RULES_DOC = 'docs/rules.md';
export const README_BEGIN = '<!-- 规则一览：以下由 npm run generate 根据 src/spec/rules.ts 生成，请勿手工修改 -->';
export const README_END = '<!-- 规则一览结束 -->';

const severityLabel = (rule: Rule): string => SEVERITIES.find((s) => s.key === rule.severity)?.label ?? rule.severity;
const anchor = (id: string): string => id.toLowerCase();
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The name of what one instance of an equation is about: a column, a row, a group. */
function targetLabel(target: string): string {
  const column = T3_COLUMNS.find((c) => c.key === target);
  if (column) return `「${column.label}」列`;
  const row = T3_ROWS.find((r) => r.key === target);
  if (row) return `「${row.short}」行`;
  const group = T4_GROUPS.find((g) => g.key === target);
  if (group) return `「${group.short}」`;
  const t2: Record<string, string> = { regulations: '「规章」', normative: '「行政规范性文件」' };
  return t2[target] ?? `「${target}」`;
}

function terms(list: Term[]): string {
  return list.map((t, i) => `${i === 0 ? (t.weight < 0 ? '－' : '') : t.weight < 0 ? ' － ' : ' ＋ '}${cellLabel(t.key)}`).join('');
}

function equation(instance: SumInstance): string {
  return `${terms(instance.total)} ＝ ${terms(instance.parts)}`;
}

/** The figures a rule holds as data, as Markdown lines. */
function details(rule: Rule): string[] {
  switch (rule.kind) {
    case 'sumEquals': {
      const [first] = rule.instances;
      const where = rule.instances.map((i) => targetLabel(i.target)).join('、');
      return [
        `- 共 ${rule.instances.length} 处：${where}。`,
        `- 等式（以第一处为例）：${equation(first)}`,
        ...(rule.instances.some((i) => [...i.total, ...i.parts].some((t) => t.key.startsWith('prev.'))) ? ['- 只在有上年数据时检查。'] : []),
      ];
    }
    case 'value': {
      if (rule.applies === 'blank') return [`- 检查表二、表三、表四的全部 ${KEYS.filter((k) => k.required).length} 个单元格；补充数据和上年数据可以不填。`];
      const keys = KEYS.filter((k) => k.kind === rule.applies);
      if (rule.applies === 'amount') return [`- 检查的单元格：${keys.map((k) => cellLabel(k.key)).join('、')}，以及上年数据中的金额。`];
      return [`- 检查全部 ${keys.length} 个件数单元格（表二、表三、表四和补充数据），以及上年数据中的件数。`];
    }
    case 'levelForbids':
      return [
        `- 检查的单元格：${rule.keys.map(cellLabel).join('、')}。`,
        `- 可以制定规章的机关层级：${rule.allowedLevels.map(levelLabel).join('、')}；其他层级填报了不为 0 的数时提示核实。`,
      ];
    case 'atLeast':
      return [`- 检查：${cellLabel(rule.key)} 不少于 ${cellLabel(rule.atLeast)}${rule.onlyWhenPositive ? `（只在${cellLabel(rule.atLeast)}大于 0 时检查）` : ''}。`];
    case 'jump': {
      const counts = PREV_KEYS.filter((k) => KEYS.find((d) => d.key === k)?.kind === 'count');
      return [
        `- 本年与上年相差超过 ${rule.factor} 倍（较大的一个不少于 ${rule.floor} 件）时提示。`,
        `- 比较的单元格（有上年数据的 ${counts.length} 个件数）：${counts.map(cellLabel).join('、')}。`,
      ];
    }
    default:
      return [];
  }
}

/** docs/rules.md. */
export function renderRulesDoc(): string {
  const out = [
    '# 校验规则一览',
    '',
    '<!-- 本文件由 npm run generate 根据 src/spec/rules.ts 生成，请勿手工修改；test/docs/rules.test.ts 检查两者一致。 -->',
    '',
    '年报助手按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）校验年报。',
    'Excel 加载项、模板文件自带的“校验”工作表和命令行 `nianbao check` 用的是同一套规则。每条规则有固定的编号和级别：',
    '',
    '- **错误**：数字之间的勾稽关系不成立、值不能使用、格式不对，必须改正。有错误时 `nianbao check` 以退出码 1 结束。',
    '- **核实**：可能有问题，请核实；确认无误的，可以写一条核实说明，随工作簿交给审核人员。',
    '- **提示**：值得看一眼的变化，不一定有问题。',
    '',
    '| 编号 | 级别 | 规则 |',
    '|---|---|---|',
    ...RULES.map((r) => `| [${r.id}](#${anchor(r.id)}) | ${severityLabel(r)} | ${cell(r.title)} |`),
    '',
  ];
  for (const rule of RULES) {
    out.push(`## ${rule.id}`, '', `**${rule.title}**（${severityLabel(rule)}）`, '', rule.description, '', ...details(rule), '');
  }
  out.push(
    '## 一个数读不出来时',
    '',
    '单元格里是文字、负数、公式错误等无法使用的值时，报 VALUE-COUNT 或 VALUE-AMOUNT，并且不再用这个单元格去算它所在的勾稽关系',
    '（否则同一个问题会重复报很多条）；空白和“/”按 0 参与计算，同时报 VALUE-EMPTY 提醒改填 0。',
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

/** The README's summary table, with its markers. */
export function renderReadmeRules(): string {
  return [
    README_BEGIN,
    '',
    '| 规则 | 级别 | 检查内容 |',
    '|---|---|---|',
    ...RULES.map((r) => `| [${r.id}](docs/rules.md#${anchor(r.id)}) | ${severityLabel(r)} | ${cell(r.description)} |`),
    '',
    README_END,
  ].join('\n');
}

/** README text with its summary table replaced by the current one; throws when the markers are missing. */
export function withReadmeRules(readme: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no rule table markers (${README_BEGIN} … ${README_END})`);
  return readme.slice(0, begin) + renderReadmeRules() + readme.slice(end + README_END.length);
}
