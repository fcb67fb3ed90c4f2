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
import { numberFor, slotOf, type Model } from './model';
import type { CellValue } from './readValue';
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

interface CompiledInstance {
  inst: SumInstance;
  keys: string[];
  slots: Int32Array;
  weights: number[];
  /** Index where the parts start in `keys`. */
  split: number;
}

const compiledCache = new WeakMap<SumInstance, CompiledInstance>();

function compile(inst: SumInstance): CompiledInstance {
  let c = compiledCache.get(inst);
  if (!c) {
    const terms = [...inst.total, ...inst.parts];
    const slots = Int32Array.from(terms.map((t) => slotOf(t.key) ?? -1));
    c = { inst, keys: terms.map((t) => t.key), slots, weights: terms.map((t) => t.weight), split: inst.total.length };
    compiledCache.set(inst, c);
  }
  return c;
}

function evalSum(rule: SumEqualsRule, model: Model): Finding[] {
  const out: Finding[] = [];
  for (const inst of effectiveInstances(rule, model)) {
    const { keys, slots, weights, split } = compile(inst);
    const values = model.slots;
    let actual = 0;
    let expected = 0;
    let usable = true;
    for (let i = 0; i < slots.length; i += 1) {
      const n = slots[i] < 0 ? Number.NaN : values[slots[i]];
      if (Number.isNaN(n)) {
        usable = false;
        break;
      }
      if (i < split) actual += weights[i] * n;
      else expected += weights[i] * n;
    }
    if (!usable) continue;
    actual = round(actual);
    expected = round(expected);
    if (Math.abs(actual - expected) <= EPSILON) continue;
    const read: Record<string, number | null> = {};
    for (const k of keys) read[k] = numberFor(model, k) ?? null;
    const totalKeys = keys.slice(0, split);
    const partKeys = keys.slice(split);
    const cells = rule.id === 'T3-BALANCE' ? [...partKeys, ...totalKeys] : keys.slice();
    out.push({ ...base(rule, inst.target), cells, expected, actual, values: read });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const REQUIRED_KEYS = KEYS.filter((k) => k.required).map((k) => k.key);
const OTHER_ROW_PREFIXES = T3_OTHER_ROWS.map((r) => `t3.${r}.`);
const KIND_OF = new Map(KEYS.map((k) => [k.key, k.kind]));

function requiredHere(key: string, model: Model): boolean {
  return !(model.otherCombined && OTHER_ROW_PREFIXES.some((p) => key.startsWith(p)));
}

function evalValue(rule: ValueRule, model: Model): Finding[] {
  const out: Finding[] = [];
  if (rule.applies === 'blank') {
    // Blank where a number belongs: required table cells (prev and optional figures may be left out).
    for (const key of REQUIRED_KEYS) {
      const c = model.cells.get(key);
      if (c && c.state !== 'blank') continue;
      if (!requiredHere(key, model)) continue;
      const placeholder = c && c.state === 'blank' ? c.placeholder : null;
      out.push({ ...base(rule, key), cells: [key], expected: null, actual: placeholder, code: placeholder ? 'placeholder' : 'blank' });
    }
    for (const key of model.combinedKeys) {
      const c = model.cells.get(key);
      if (model.otherCombined && c && c.state === 'blank') {
        out.push({ ...base(rule, key), cells: [key], expected: null, actual: c.placeholder, code: c.placeholder ? 'placeholder' : 'blank' });
      }
    }
    return out;
  }
  const report = (bag: Map<string, CellValue>, prefix: string): void => {
    for (const [key, c] of bag) {
      if (c.state !== 'invalid') continue;
      const kind = KIND_OF.get(key) ?? 'count';
      if (kind !== rule.applies) continue;
      const target = `${prefix}${key}`;
      out.push({ ...base(rule, target), cells: [target], expected: null, actual: c.found, code: c.code });
    }
  };
  report(model.cells, '');
  report(model.prev, 'prev.');
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
  for (const [key, p] of model.prev) {
    if (p.state !== 'number' || KIND_OF.get(key) !== 'count') continue;
    const c = model.cells.get(key);
    if (!c || c.state !== 'number') continue;
    const [cur, prev] = [c.value, p.value];
    if (Math.max(cur, prev) < rule.floor) continue;
    if (cur > rule.factor * prev || prev > rule.factor * cur) {
      out.push({
        ...base(rule, key),
        cells: [key, `prev.${key}`],
        expected: prev,
        actual: cur,
        values: { [key]: cur, [`prev.${key}`]: prev },
      });
    }
  }
  return out;
}

function evalFormat(model: Model): Finding[] {
  if (!model.otherCombined) return [];
  const rule = RULES.find((r) => r.id === 'FORMAT-VERSION') as Rule;
  const cells = T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`);
  const values: Record<string, number | null> = {};
  for (const k of cells) values[k] = numberFor(model, k) ?? null;
  return [{ ...base(rule, 't3'), cells, expected: null, actual: null, code: 'other-combined', values }];
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
