/**
 * The rule engine: one small evaluator per rule kind, over the model. Bad data becomes findings, never exceptions.
 */
import {
  KEYS,
  RULES,
  T3_COLUMNS,
  T3_OTHER_COMBINED_ROW,
  T3_OTHER_ROWS,
  T3_APPLICANT_COLUMNS,
  type AtLeastRule,
  type JumpRule,
  type LevelForbidsRule,
  type Rule,
  type SumEqualsRule,
  type SumInstance,
  type Term,
  type ValueRule,
} from '../spec';
import type { Finding } from './findings';
import { isCombinedKey, numberFor, type Model } from './model';
import { renderMessage } from './messages';

const EPSILON = 1e-6;

function base(rule: Rule, target: string): Omit<Finding, 'cells' | 'expected' | 'actual'> {
  return { rule: rule.id, target, severity: rule.severity, message: '', explanation: null };
}

/** Rule instances as they apply to this report: a 2019-style （六）row stands in for the three 2021 rows. */
export function effectiveInstances(rule: SumEqualsRule, model: Model): SumInstance[] {
  if (!model.otherCombined) return rule.instances;
  const otherRow = (key: string): boolean => T3_OTHER_ROWS.some((r) => key.startsWith(`t3.${r}.`));
  if (rule.id === 'T3-HANDLED') {
    return rule.instances.map((inst) => {
      const parts: Term[] = inst.parts.filter((t) => !otherRow(t.key));
      parts.push({ key: `t3.${T3_OTHER_COMBINED_ROW}.${inst.target}`, weight: 1 });
      return { ...inst, parts };
    });
  }
  if (rule.id === 'T3-ROWSUM') {
    const kept = rule.instances.filter((inst) => !T3_OTHER_ROWS.includes(inst.target));
    return [
      ...kept,
      {
        target: T3_OTHER_COMBINED_ROW,
        total: [{ key: `t3.${T3_OTHER_COMBINED_ROW}.total`, weight: 1 }],
        parts: T3_APPLICANT_COLUMNS.map((c) => ({ key: `t3.${T3_OTHER_COMBINED_ROW}.${c}`, weight: 1 as const })),
      },
    ];
  }
  return rule.instances;
}

function evalSum(rule: SumEqualsRule, model: Model): Finding[] {
  const out: Finding[] = [];
  for (const inst of effectiveInstances(rule, model)) {
    const terms = [...inst.total, ...inst.parts];
    const values: Record<string, number | null> = {};
    let usable = true;
    for (const t of terms) {
      const n = numberFor(model, t.key);
      if (n === undefined) {
        usable = false;
        break;
      }
      values[t.key] = n;
    }
    if (!usable) continue;
    const sum = (ts: Term[]): number => ts.reduce((acc, t) => acc + t.weight * (values[t.key] ?? 0), 0);
    const actual = round(sum(inst.total));
    const expected = round(sum(inst.parts));
    if (Math.abs(actual - expected) <= EPSILON) continue;
    const totalKeys = inst.total.map((t) => t.key);
    const partKeys = inst.parts.map((t) => t.key);
    const cells = rule.id === 'T3-BALANCE' ? [...partKeys, ...totalKeys] : [...totalKeys, ...partKeys];
    out.push({ ...base(rule, inst.target), cells, expected, actual, values });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function requiredHere(key: string, model: Model): boolean {
  if (model.otherCombined && T3_OTHER_ROWS.some((r) => key.startsWith(`t3.${r}.`))) return false;
  return true;
}

function evalValue(rule: ValueRule, model: Model): Finding[] {
  const out: Finding[] = [];
  const check = (key: string, kind: 'count' | 'amount', required: boolean, cellKey: string, prev: boolean): void => {
    const c = prev ? model.prev.get(key) : model.cells.get(key);
    if (rule.applies === 'blank') {
      if (!required || prev) return;
      if (!c || c.state === 'blank') {
        const placeholder = c && c.state === 'blank' ? c.placeholder : null;
        out.push({
          ...base(rule, cellKey),
          cells: [cellKey],
          expected: null,
          actual: placeholder,
          code: placeholder ? 'placeholder' : 'blank',
        });
      }
      return;
    }
    if (rule.applies !== kind || !c || c.state !== 'invalid') return;
    out.push({ ...base(rule, cellKey), cells: [cellKey], expected: null, actual: c.found, code: c.code });
  };
  for (const def of KEYS) {
    check(def.key, def.kind, def.required && requiredHere(def.key, model), def.key, false);
  }
  for (const key of model.cells.keys()) if (isCombinedKey(key)) check(key, 'count', model.otherCombined, key, false);
  for (const key of model.prev.keys()) {
    const def = KEYS.find((k) => k.key === key);
    check(key, def?.kind ?? 'count', false, `prev.${key}`, true);
  }
  return out;
}

function evalLevel(rule: LevelForbidsRule, model: Model): Finding[] {
  if (!model.level || rule.allowedLevels.includes(model.level)) return [];
  const values: Record<string, number | null> = {};
  let total = 0;
  for (const key of rule.keys) {
    const n = numberFor(model, key);
    if (n === undefined) continue;
    values[key] = n;
    total += n;
  }
  if (total <= 0) return [];
  const cells = rule.keys.filter((k) => (values[k] ?? 0) > 0);
  return [{ ...base(rule, rule.target), cells, expected: 0, actual: total, values, detail: model.level }];
}

function evalAtLeast(rule: AtLeastRule, model: Model): Finding[] {
  const big = numberFor(model, rule.key);
  const small = numberFor(model, rule.atLeast);
  if (big === undefined || small === undefined) return [];
  if (rule.onlyWhenPositive && small <= 0) return [];
  if (big + EPSILON >= small) return [];
  const given = model.cells.get(rule.key);
  const values: Record<string, number | null> = {
    [rule.key]: given && given.state === 'number' ? big : null,
    [rule.atLeast]: small,
  };
  // FEE-NOTICES: expected = at least this many notices; FEE-COLLECTED: expected = at most the notified amount.
  const [expected, actual] = rule.id === 'FEE-COLLECTED' ? [big, small] : [small, big];
  return [{ ...base(rule, rule.target), cells: [rule.key, rule.atLeast], expected, actual, values }];
}

function evalJump(rule: JumpRule, model: Model): Finding[] {
  const out: Finding[] = [];
  for (const def of KEYS) {
    if (def.kind !== 'count') continue;
    const p = model.prev.get(def.key);
    const c = model.cells.get(def.key);
    if (!p || p.state !== 'number' || !c || c.state !== 'number') continue;
    const [cur, prev] = [c.value, p.value];
    if (Math.max(cur, prev) < rule.floor) continue;
    if (cur > rule.factor * prev || prev > rule.factor * cur) {
      out.push({
        ...base(rule, def.key),
        cells: [def.key, `prev.${def.key}`],
        expected: prev,
        actual: cur,
        values: { [def.key]: cur, [`prev.${def.key}`]: prev },
      });
    }
  }
  return out;
}

function evalFormat(model: Model): Finding[] {
  if (!model.otherCombined) return [];
  const rule = RULES.find((r) => r.id === 'FORMAT-VERSION') as Rule;
  return [
    {
      ...base(rule, 't3'),
      cells: T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`),
      expected: null,
      actual: null,
      code: 'other-combined',
    },
  ];
}

/** Evaluate every rule that needs no narrative text and no member reports. Messages are rendered last. */
export function evaluateRules(model: Model, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [...model.findings];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'sumEquals':
        findings.push(...evalSum(rule, model));
        break;
      case 'value':
        findings.push(...evalValue(rule, model));
        break;
      case 'levelForbids':
        findings.push(...evalLevel(rule, model));
        break;
      case 'atLeast':
        findings.push(...evalAtLeast(rule, model));
        break;
      case 'jump':
        findings.push(...evalJump(rule, model));
        break;
      case 'format':
        findings.push(...evalFormat(model));
        break;
      default:
        break;
    }
  }
  for (const f of findings) f.message = renderMessage(f);
  return findings;
}
