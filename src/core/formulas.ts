/**
 * Rules compiled to spreadsheet formulas over the template's A1 addresses, so that a workbook checks itself with no
 * add-in (Excel, WPS, LibreOffice). The 校验 sheet holds one row per input cell (its number and status, as the
 * engine reads it) and one row per rule instance; conditional formats on the input cells point at those rows.
 * Formulas are written without the leading "=".
 */
import {
  CHECK_SHEET_NAME,
  KEY_INDEX,
  KEYS,
  LEVELS,
  PREV_KEYS,
  RULES,
  SEVERITIES,
  type Rule,
  type Severity,
  type SumEqualsRule,
  type Term,
} from '../spec';
import { keyAddress, keyPosition, quoteSheet, toA1 } from './address';
import { cellLabel, columnLabel, t3RowLabel, t4GroupLabel } from './labels';

export type CheckCell = string | number | { formula: string } | null;

export interface CheckRow {
  kind: 'title' | 'summary' | 'header' | 'section' | 'rule' | 'value';
  cells: CheckCell[];
  rule?: string;
  target?: string;
  severity?: Severity;
  /** Input keys this row reads. */
  keys?: string[];
}

export interface CheckSheet {
  name: string;
  columnWidths: number[];
  rows: CheckRow[];
  /** 0-based row of each key's value row. */
  valueRows: Map<string, number>;
}

const COL = { rule: 0, severity: 1, what: 2, expected: 3, actual: 4, result: 5, target: 6 } as const;
export const CHECK_RESULT_COLUMN = COL.result;
export const RESULT_FAIL = '不符';
export const RESULT_PASS = '通过';
const PLACEHOLDER_TEXTS = ['', '/', '／', '\\', '-', '－', '—', '——', '–', '无', '空', 'N/A'];
const EPS = '0.000001';

const severityLabel = (s: Severity): string => SEVERITIES.find((x) => x.key === s)?.label ?? s;

function ref(row: number, col: number): string {
  return toA1(row, col, true);
}

/** Value-row formulas for one input cell. */
function valueFormulas(src: string, kind: 'count' | 'amount', numCell: string): { num: string; status: string } {
  const t = `TRIM(${src})`;
  const placeholder = `OR(${PLACEHOLDER_TEXTS.map((p) => `${t}="${p.replace(/"/g, '""')}"`).join(',')})`;
  const shape = kind === 'count' ? `AND(${numCell}>=0,${numCell}=INT(${numCell}))` : `${numCell}>=0`;
  return {
    num: `IF(ISNUMBER(${src}),${src},IFERROR(VALUE(${t}),0))`,
    status: `IF(ISERROR(${src}),"无效",IF(ISNUMBER(${src}),IF(${shape},"正常","无效"),IF(${placeholder},"空白",IF(ISNUMBER(VALUE(${t})),IF(${shape},"正常","无效"),"无效"))))`,
  };
}

function describeSum(rule: SumEqualsRule, target: string): string {
  switch (rule.id) {
    case 'T3-BALANCE':
      return `表三「${columnLabel(target)}」列：本年新收＋上年结转＝办理结果总计＋结转下年度`;
    case 'T3-HANDLED':
      return `表三「${columnLabel(target)}」列：（七）总计＝各项办理结果之和`;
    case 'T3-ROWSUM':
      return `表三「${t3RowLabel(target)}」行：总计＝六类申请人之和`;
    case 'T4-TOTAL':
      return `表四「${t4GroupLabel(target)}」：总计＝四项结果之和`;
    case 'YOY-CARRY':
      return `表三「${columnLabel(target)}」列：上年结转＝上年报告的结转下年度`;
    case 'YOY-IN-FORCE':
      return `表二「${target === 'regulations' ? '规章' : '行政规范性文件'}」：现行有效＝上年现行有效＋本年制发－本年废止`;
    default:
      return rule.title;
  }
}

export function buildCheckSheet(): CheckSheet {
  const rows: CheckRow[] = [];
  const ruleRowsStart = 4;

  // Rule instances first (what a reviewer reads), value rows after; addresses are known up front.
  interface Pending {
    rule: Rule;
    target: string;
    what: string;
    keys: string[];
    build: (num: (k: string) => string, status: (k: string) => string) => { expected: string; actual: string; result: string };
  }
  const pending: Pending[] = [];

  const sumSide = (terms: Term[], num: (k: string) => string): string =>
    terms.map((t, i) => `${t.weight < 0 ? '-' : i === 0 ? '' : '+'}${num(t.key)}`).join('');

  for (const rule of RULES) {
    if (rule.kind === 'sumEquals') {
      for (const inst of rule.instances) {
        const keys = [...inst.total, ...inst.parts].map((t) => t.key);
        const prevKeys = keys.filter((k) => k.startsWith('prev.'));
        pending.push({
          rule,
          target: inst.target,
          what: describeSum(rule, inst.target),
          keys,
          build: (num, status) => {
            const invalid = `OR(${keys.map((k) => `${status(k)}="无效"`).join(',')})`;
            const noPrev = prevKeys.length ? `OR(${prevKeys.map((k) => `${status(k)}<>"正常"`).join(',')})` : '';
            const expected = sumSide(inst.parts, num);
            const actual = sumSide(inst.total, num);
            const core = `IF(${invalid},"跳过",IF(ABS((${expected})-(${actual}))<${EPS},"${RESULT_PASS}","${RESULT_FAIL}"))`;
            return { expected, actual, result: noPrev ? `IF(${noPrev},"无上年数据",${core})` : core };
          },
        });
      }
    } else if (rule.kind === 'levelForbids') {
      const level = keyAddress('meta.level', true) as string;
      const allowed = LEVELS.filter((l) => rule.allowedLevels.includes(l.key)).flatMap((l) => [l.label, l.key]);
      pending.push({
        rule,
        target: rule.target,
        what: '表二「规章」：本机关层级可以制定规章',
        keys: [...rule.keys, 'meta.level'],
        build: (num) => {
          const total = `SUM(${rule.keys.map(num).join(',')})`;
          return {
            expected: '0',
            actual: total,
            result: `IF(OR(TRIM(${level})="",${allowed.map((a) => `TRIM(${level})="${a}"`).join(',')}),"${RESULT_PASS}",IF(${total}>0,"${RESULT_FAIL}","${RESULT_PASS}"))`,
          };
        },
      });
    } else if (rule.kind === 'atLeast') {
      pending.push({
        rule,
        target: rule.target,
        what: rule.id === 'FEE-NOTICES' ? '发出收费通知件数不少于“逾期未缴纳费用”件数' : '实际收取金额不多于收费通知金额',
        keys: [rule.key, rule.atLeast],
        build: (num, status) => {
          const invalid = `OR(${status(rule.key)}="无效",${status(rule.atLeast)}="无效")`;
          const [big, small] = [num(rule.key), num(rule.atLeast)];
          const cond = rule.onlyWhenPositive ? `AND(${small}>0,${big}<${small})` : `${big}+${EPS}<${small}`;
          const [expected, actual] = rule.id === 'FEE-COLLECTED' ? [big, small] : [small, big];
          return { expected, actual, result: `IF(${invalid},"跳过",IF(${cond},"${RESULT_FAIL}","${RESULT_PASS}"))` };
        },
      });
    } else if (rule.kind === 'jump') {
      for (const key of PREV_KEYS) {
        if (KEY_INDEX.get(key)?.kind !== 'count') continue;
        pending.push({
          rule,
          target: key,
          what: `${cellLabel(key)}与上年相比`,
          keys: [key, `prev.${key}`],
          build: (num, status) => {
            const [cur, prev] = [num(key), num(`prev.${key}`)];
            return {
              expected: prev,
              actual: cur,
              result: `IF(OR(${status(key)}<>"正常",${status(`prev.${key}`)}<>"正常"),"无上年数据",IF(AND(MAX(${cur},${prev})>=${rule.floor},OR(${cur}>${rule.factor}*${prev},${prev}>${rule.factor}*${cur})),"${RESULT_FAIL}","${RESULT_PASS}"))`,
            };
          },
        });
      }
    }
  }

  const valueKeys: { key: string; kind: 'count' | 'amount'; required: boolean }[] = [
    ...KEYS.map((k) => ({ key: k.key, kind: k.kind, required: k.required })),
    ...PREV_KEYS.map((k) => ({ key: `prev.${k}`, kind: KEY_INDEX.get(k)?.kind ?? ('count' as const), required: false })),
  ];
  const valueStart = ruleRowsStart + pending.length + 2;
  const valueRows = new Map<string, number>();
  valueKeys.forEach((v, i) => valueRows.set(v.key, valueStart + i));
  const num = (k: string): string => {
    const r = valueRows.get(k);
    if (r === undefined) throw new Error(`no value row for ${k}`);
    return ref(r, COL.expected);
  };
  const status = (k: string): string => {
    const r = valueRows.get(k);
    if (r === undefined) throw new Error(`no value row for ${k}`);
    return ref(r, COL.actual);
  };

  const lastRow = valueStart + valueKeys.length - 1;
  const col = (c: number): string => `$${String.fromCharCode(65 + c)}$${ruleRowsStart + 1}:$${String.fromCharCode(65 + c)}$${lastRow + 1}`;
  const countOf = (label: string): { formula: string } => ({
    formula: `COUNTIFS(${col(COL.severity)},"${label}",${col(COL.result)},"${RESULT_FAIL}")`,
  });

  rows.push({ kind: 'title', cells: ['校验结果（本表由模板公式自动计算，请勿修改；不装加载项也能使用）'] });
  rows.push({ kind: 'summary', cells: ['错误', countOf('错误'), '核实', countOf('核实'), '提示', countOf('提示')] });
  rows.push({ kind: 'section', cells: ['一、勾稽关系与逻辑检查'] });
  rows.push({ kind: 'header', cells: ['规则', '级别', '检查内容', '应为', '实际', '结果', '对象'] });
  for (const p of pending) {
    const f = p.build(num, status);
    rows.push({
      kind: 'rule',
      rule: p.rule.id,
      target: p.target,
      severity: p.rule.severity,
      keys: p.keys.filter((k) => !k.startsWith('meta.')),
      cells: [p.rule.id, severityLabel(p.rule.severity), p.what, { formula: f.expected }, { formula: f.actual }, { formula: f.result }, p.target],
    });
  }
  rows.push({ kind: 'section', cells: ['二、数值检查（每个填报单元格）'] });
  rows.push({ kind: 'header', cells: ['规则', '级别', '单元格', '计入数值', '状态', '结果', '对象'] });
  for (const v of valueKeys) {
    const r = valueRows.get(v.key) as number;
    const src = keyAddress(v.key, true) as string;
    const f = valueFormulas(src, v.kind, ref(r, COL.expected));
    const st = ref(r, COL.actual);
    const valueRule = v.kind === 'count' ? 'VALUE-COUNT' : 'VALUE-AMOUNT';
    const blankFails = v.required;
    rows.push({
      kind: 'value',
      rule: valueRule,
      target: v.key,
      severity: 'error',
      keys: [v.key],
      cells: [
        { formula: blankFails ? `IF(${st}="空白","VALUE-EMPTY","${valueRule}")` : `"${valueRule}"` },
        { formula: blankFails ? `IF(${st}="无效","错误",IF(${st}="空白","核实",""))` : `IF(${st}="无效","错误","")` },
        `${cellLabel(v.key)}（${keyAddress(v.key)}）`,
        { formula: f.num },
        { formula: f.status },
        { formula: blankFails ? `IF(${st}="正常","${RESULT_PASS}","${RESULT_FAIL}")` : `IF(${st}="无效","${RESULT_FAIL}","${RESULT_PASS}")` },
        v.key,
      ],
    });
  }
  return { name: CHECK_SHEET_NAME, columnWidths: [90, 40, 330, 70, 70, 60, 160], rows, valueRows };
}

export interface CellConditionalFormat {
  key: string;
  sheet: string;
  /** A1 address of the input cell on its own sheet. */
  address: string;
  /** Formulas (no "=") true when an error- or a warning-level check involving the cell fails. */
  errorFormula: string | null;
  warningFormula: string | null;
}

/** Workbook name for a cell of the 校验 sheet, so conditional formats need no cross-sheet reference. */
export function checkCellName(row: number, col: number): string {
  return `NB_CHECK_${toA1(row, col)}`;
}

export interface ConditionalFormatOptions {
  /**
   * Refer to the 校验 cells through workbook names (`NB_CHECK_F12`) rather than `'校验'!$F$12`: conditional formats
   * with references to another sheet are refused by Excel 2007 and stored unevenly by later versions; names work
   * everywhere (Excel, WPS, LibreOffice).
   */
  viaNames?: boolean;
}

export interface ConditionalFormatPlan {
  formats: CellConditionalFormat[];
  /** Names to define when `viaNames` (name → absolute reference with sheet). */
  names: { name: string; ref: string }[];
}

/** Conditional-format formulas for every input cell, pointing at the 校验 rows that read it. */
export function conditionalFormats(sheet: CheckSheet, options: ConditionalFormatOptions = {}): ConditionalFormatPlan {
  const q = quoteSheet(sheet.name);
  const names = new Map<string, string>();
  const cellRef = (r: number, c: number): string => {
    if (!options.viaNames) return `${q}!${ref(r, c)}`;
    const name = checkCellName(r, c);
    names.set(name, `${q}!${ref(r, c)}`);
    return name;
  };
  const involved = new Map<string, { error: string[]; warning: string[] }>();
  sheet.rows.forEach((row, r) => {
    if ((row.kind !== 'rule' && row.kind !== 'value') || !row.keys) return;
    for (const key of row.keys) {
      if (!keyPosition(key)) continue;
      const entry = involved.get(key) ?? { error: [], warning: [] };
      if (row.kind === 'value') {
        // Invalid → error colour; blank in a required cell → warning colour.
        const status = cellRef(r, COL.actual);
        entry.error.push(`${status}="无效"`);
        if (KEY_INDEX.get(key)?.required) entry.warning.push(`${status}="空白"`);
      } else if (row.severity === 'error') entry.error.push(`${cellRef(r, COL.result)}="${RESULT_FAIL}"`);
      else if (row.severity === 'warning') entry.warning.push(`${cellRef(r, COL.result)}="${RESULT_FAIL}"`);
      involved.set(key, entry);
    }
  });
  const formats: CellConditionalFormat[] = [];
  for (const [key, e] of involved) {
    const pos = keyPosition(key);
    if (!pos) continue;
    const or = (xs: string[]): string | null => (xs.length === 0 ? null : xs.length === 1 ? xs[0] : `OR(${xs.join(',')})`);
    formats.push({ key, sheet: pos.sheet.name, address: toA1(pos.row, pos.col), errorFormula: or(e.error), warningFormula: or(e.warning) });
  }
  return { formats, names: [...names].map(([name, r]) => ({ name, ref: r })) };
}
