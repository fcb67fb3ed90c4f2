/**
 * The zh-CN message catalog: the only place findings become prose. Messages name cells by their labels and show
 * the arithmetic, so that a reviewer understands them without formula syntax.
 */
import { T3_GROUPS, T3_ROWS, T4_OUTCOMES, getRule, type SumEqualsRule } from '../spec';
import type { Finding } from './findings';
import { cellLabel, columnLabel, fmt, levelLabel, t3RowLabel, t4GroupLabel, termLabel } from './labels';

type Render = (f: Finding) => string;

const v = (f: Finding, key: string): number | null => f.values?.[key] ?? null;

/** `自然人 3 + 商业企业 1`, listing only non-zero terms when there are many. (Sum rules with weights have their own text.) */
function sumText(f: Finding, keys: string[], label: (key: string) => string = termLabel): string {
  const many = keys.length > 4;
  const shown = keys
    .map((k) => ({ k, n: v(f, k) ?? 0 }))
    .filter((t, i) => !many || t.n !== 0 || i === 0);
  if (shown.length === 0) return '各项均为 0';
  const text = shown
    .map((t, i) => `${i === 0 ? '' : ' + '}${label(t.k)} ${fmt(t.n)}`)
    .join('');
  return many && shown.length < keys.length ? `${text}，其余各项为 0` : text;
}

function diff(f: Finding): string {
  if (typeof f.expected !== 'number' || typeof f.actual !== 'number') return '';
  return `，相差 ${fmt(Math.abs(f.expected - f.actual))}`;
}

function sides(f: Finding): { total: string[]; parts: string[] } {
  const rule = getRule(f.rule) as SumEqualsRule;
  const inst = rule.instances.find((i) => i.target === f.target);
  const total = inst ? inst.total.map((t) => t.key) : f.cells.slice(0, 1);
  // Parts as evaluated (the engine may have substituted the 2019 single （六）row): the finding's cells minus totals.
  const parts = f.cells.filter((c) => !total.includes(c));
  return { total, parts };
}

const VALUE_FOUND: Record<string, (found: string) => string> = {
  text: (x) => `填的是文字“${x}”`,
  negative: (x) => `填的是负数 ${x}`,
  fraction: (x) => `填的是小数 ${x}`,
  date: (x) => `填的是日期 ${x}（单元格可能被设成了日期格式）`,
  boolean: (x) => `填的是逻辑值 ${x}`,
  error: (x) => `是错误值 ${x}（公式出错或引用的单元格已被删除）`,
  'not-finite': (x) => `填的不是有效数字（${x}）`,
  unreadable: (x) => `其中是${x}`,
};

export const VALUE_CODES = Object.keys(VALUE_FOUND);

function valueMessage(f: Finding, what: string, fix: string): string {
  const found = VALUE_FOUND[f.code ?? 'text'] ?? VALUE_FOUND.text;
  return `${cellLabel(f.target)}应填${what}，${found(String(f.actual ?? ''))}。${fix}`;
}

/** `（合计 5 件，其中自然人 3 件、商业企业 2 件）` from a combined row's figures, when the finding carries them. */
function combinedFigures(f: Finding): string {
  const total = v(f, 't3.other_combined.total');
  if (total === null) return '';
  const parts = f.cells
    .filter((k) => !k.endsWith('.total') && (v(f, k) ?? 0) !== 0)
    .map((k) => `${columnLabel(k.split('.')[2])} ${fmt(v(f, k))} 件`);
  return `（合计 ${fmt(total)} 件${parts.length ? `，其中${parts.join('、')}` : ''}）`;
}

export const MESSAGES: Record<string, Render> = {
  'T3-BALANCE': (f) => {
    const col = columnLabel(f.target);
    const [n, c, h, o] = f.cells;
    return (
      `表三「${col}」列：本年新收 ${fmt(v(f, n))} + 上年结转 ${fmt(v(f, c))} = ${fmt(f.expected as number)}，` +
      `应等于办理结果总计 ${fmt(v(f, h))} + 结转下年度 ${fmt(v(f, o))} = ${fmt(f.actual as number)}${diff(f)}。` +
      `（表三的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）`
    );
  },
  'T3-HANDLED': (f) => {
    const { total, parts } = sides(f);
    return (
      `表三「${columnLabel(f.target)}」列：（七）总计填报 ${fmt(v(f, total[0]))}，` +
      `但各项办理结果相加为 ${fmt(f.expected as number)}（${sumText(f, parts)}）${diff(f)}。`
    );
  },
  'T3-ROWSUM': (f) => {
    const { total, parts } = sides(f);
    const row = t3RowLabel(f.target);
    return `表三「${row}」行：总计填报 ${fmt(v(f, total[0]))}，但六类申请人相加为 ${fmt(f.expected as number)}（${sumText(f, parts, (k) => columnLabel(k.split('.')[2]))}）${diff(f)}。`;
  },
  'T4-TOTAL': (f) => {
    const { total, parts } = sides(f);
    return `表四「${t4GroupLabel(f.target)}」：总计填报 ${fmt(v(f, total[0]))}，但 ${sumText(f, parts)} = ${fmt(f.expected as number)}${diff(f)}。`;
  },
  'VALUE-COUNT': (f) => valueMessage(f, '不小于 0 的整数（件数）', '请改为阿拉伯数字，没有的填 0。'),
  'VALUE-AMOUNT': (f) => valueMessage(f, '不小于 0 的数（金额）', '请改为阿拉伯数字，没有的填 0。'),
  'VALUE-EMPTY': (f) =>
    f.code === 'placeholder'
      ? `${cellLabel(f.target)}填的是“${String(f.actual)}”，应填数字；没有的请填 0（校验时暂按 0 计算）。`
      : `${cellLabel(f.target)}为空白，应填数字；没有的请填 0（校验时暂按 0 计算）。`,
  'T2-REGULATIONS': (f) =>
    `机关层级为“${levelLabel(f.detail ?? '')}”，按规定不能制定规章，但表二“规章”一行填报了 ` +
    `${f.cells.map((k) => `${termLabel(k)} ${fmt(v(f, k))}`).join('、')}。` +
    `请核实是否把行政规范性文件填进了规章行；只有国务院部门、省级和设区的市级人民政府可以制定规章。`,
  'FEE-NOTICES': (f) =>
    `表三「其他处理·逾期未缴纳费用」有 ${fmt(f.expected as number)} 件，说明发出过收费通知，` +
    `但发出收费通知的件数${f.values?.['fee.notices'] === null ? '未填报' : `为 ${fmt(f.actual as number)}`}，少于 ${fmt(f.expected as number)} 件。请核实并在“补充数据”中填写信息处理费情况。`,
  'FEE-COLLECTED': (f) =>
    `实际收取的信息处理费 ${fmt(f.actual as number)} 元，多于收费通知的总金额 ${fmt(f.expected as number)} 元，请核实。`,
  'YOY-CARRY': (f) =>
    `表三「${columnLabel(f.target)}」列：本年“上年结转”填报 ${fmt(f.actual as number)}，` +
    `而上年报告“结转下年度继续办理”为 ${fmt(f.expected as number)}${diff(f)}，两者应相等。`,
  'YOY-IN-FORCE': (f) => {
    const name = f.target === 'regulations' ? '规章' : '行政规范性文件';
    const k = `t2.${f.target}`;
    return (
      `表二「${name}」：上年现行有效 ${fmt(v(f, `prev.${k}.in_force`))} + 本年制发 ${fmt(v(f, `${k}.issued`))} − 本年废止 ` +
      `${fmt(v(f, `${k}.repealed`))} = ${fmt(f.expected as number)}，但现行有效件数填报 ${fmt(f.actual as number)}${diff(f)}。` +
      `如有宣布失效、自然失效等情形，请核实后写明说明。`
    );
  },
  'YOY-JUMP': (f) =>
    `${cellLabel(f.target)}本年 ${fmt(f.actual as number)}，上年 ${fmt(f.expected as number)}，变化超过 5 倍，请核实是否填错位数或单位。`,
  'TEXT-NUMBER': (f) => {
    const what = quantityLabel(f.cells.length ? f.cells : [f.target]);
    const check = '请核对：如正文写错，请按表格改正；如表格填错，请改表格；如正文说的是另一口径（如本级、某部门），请在正文中写明并记录说明。';
    return f.code === 'zero-statement'
      ? `正文“${f.detail ?? ''}”说没有发生，但${what}为 ${fmt(f.expected as number)}。${check}`
      : `正文“${f.detail ?? ''}”中的 ${fmt(f.actual as number)} 件与${what} ${fmt(f.expected as number)} 不一致${diff(f)}。${check}`;
  },
  'AGGREGATE-SUM': (f) =>
    f.code === 'missing-member'
      ? `汇总报告列出的成员“${f.detail ?? ''}”没有提供报告，汇总数无法核对完整。`
      : `汇总报告${cellLabel(f.target)}填报 ${fmt(f.actual as number)}，各成员报告之和为 ${fmt(f.expected as number)}${diff(f)}。`,
  'FORMAT-VERSION': (f) => {
    if (f.code !== 'other-combined' && f.code !== 'other-combined-import') {
      return `${f.detail ?? f.target}使用了 2019 年试行格式，请按 2021 年格式（国办公开办函〔2021〕30号）重新填报。`;
    }
    const head =
      `表三“（六）其他处理”按 2019 年试行格式合并为一行填报${combinedFigures(f)}，2021 年格式要求分为` +
      `“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行。`;
    return f.code === 'other-combined'
      ? `${head}校验时已按合并数计入总计，请拆分为三行填报。`
      : `${head}导入时无法拆分，这三行留空，请对照原报告拆分后填入。`;
  },
  STRUCTURE: (f) => `${f.detail ?? `找不到${f.target}`}。`,
};

/** One cell's label, or what a sum of cells is: a 表三 outcome group, the five 法人或其他组织 columns, or a list. */
function quantityLabel(cells: string[]): string {
  if (cells.length === 1) return cellLabel(cells[0]);
  const t3 = cells.map((k) => /^t3\.([a-z_]+)\.([a-z]+)$/.exec(k));
  if (t3.every((m) => m && m[2] === 'total')) {
    const groups = new Set(cells.map((k) => T3_ROWS.find((r) => `t3.${r.key}.total` === k)?.group));
    const group = groups.size === 1 ? [...groups][0] : undefined;
    if (group) return `表三「${T3_GROUPS[group]}」各项之和`;
  }
  if (t3.every((m) => m && m[1] === 'new') && cells.length === 5) return '表三「本年新收申请 / 法人或其他组织」五列之和';
  const t4 = cells.map((k) => /^t4\.litigation_(?:direct|after)\.([a-z]+)$/.exec(k));
  if (cells.length === 2 && t4.every((m) => m) && t4[0]?.[1] === t4[1]?.[1]) {
    const outcome = T4_OUTCOMES.find((o) => o.key === t4[0]?.[1])?.label ?? '';
    return `表四行政诉讼「未经复议直接起诉」与「复议后起诉」的“${outcome}”之和`;
  }
  return `${cells.map(cellLabel).join('、')}之和`;
}

export function renderMessage(f: Finding): string {
  const render = MESSAGES[f.rule];
  return render ? render(f) : `${f.rule}：${f.target}`;
}
