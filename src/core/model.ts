/** A report's values read into typed cells: the engine's one view of the data. */
import {
  KEY_INDEX,
  LEVELS,
  T3_COLUMNS,
  T3_OTHER_COMBINED_ROW,
  T3_OTHER_ROWS,
  type Level,
} from '../spec';
import type { Finding } from './findings';
import { makeFinding } from './makeFinding';
import { readValue, type CellValue } from './readValue';
import type { ReportData } from './report';

export interface Model {
  cells: Map<string, CellValue>;
  prev: Map<string, CellValue>;
  level: Level | null;
  kind: 'own' | 'aggregate';
  /** （六）其他处理 given as one 2019-style row (`t3.other_combined.*`) instead of three. */
  otherCombined: boolean;
  /** Numbers by slot (see slotOf); NaN where the value cannot be used (invalid; last year's blank or absent). */
  slots: Float64Array;
  /** The 2019-style `t3.other_combined.*` keys present. */
  combinedKeys: string[];
  /** Problems found while reading: unknown keys, unknown level. */
  findings: Finding[];
}

const COMBINED_PREFIX = `t3.${T3_OTHER_COMBINED_ROW}.`;
const KEY_KINDS: ReadonlyMap<string, 'count' | 'amount'> = new Map([...KEY_INDEX].map(([k, d]) => [k, d.kind]));
const COMBINED_KEYS = T3_COLUMNS.map((c) => `${COMBINED_PREFIX}${c.key}`);
const OTHER_ROW_KEYS = T3_OTHER_ROWS.flatMap((r) => T3_COLUMNS.map((c) => `t3.${r}.${c.key}`));

/**
 * Every key has a numeric slot (this year's at i, last year's at i + SLOT_COUNT), so that rules read a Float64Array
 * instead of maps: NaN marks a value the rules cannot use.
 */
const SLOT_KEYS: readonly string[] = [...KEY_KINDS.keys(), ...COMBINED_KEYS];
export const SLOT_COUNT = SLOT_KEYS.length;
const SLOTS: ReadonlyMap<string, number> = new Map([
  ...SLOT_KEYS.map((k, i) => [k, i] as const),
  ...SLOT_KEYS.map((k, i) => [`prev.${k}`, i + SLOT_COUNT] as const),
]);

export function slotOf(key: string): number | undefined {
  return SLOTS.get(key);
}

export function isCombinedKey(key: string): boolean {
  return key.startsWith(COMBINED_PREFIX);
}

function kindOf(key: string): 'count' | 'amount' | undefined {
  return KEY_KINDS.get(key) ?? (isCombinedKey(key) ? 'count' : undefined);
}

function structure(target: string, detail: string): Finding {
  return makeFinding('STRUCTURE', target, { detail });
}

export function buildModel(report: ReportData): Model {
  const findings: Finding[] = [];
  const cells = new Map<string, CellValue>();
  const rawValues = report.values;
  for (const key in rawValues) {
    const raw = rawValues[key];
    const kind = kindOf(key);
    if (!kind) {
      findings.push(structure(key, `报告数据中有无法识别的项目“${key}”，它的数值（${String(raw)}）没有参与校验；请核对项目名称`));
      continue;
    }
    cells.set(key, readValue(raw, kind));
  }
  const prev = new Map<string, CellValue>();
  for (const [rawKey, raw] of Object.entries(report.prev ?? {})) {
    const key = rawKey.startsWith('prev.') ? rawKey.slice(5) : rawKey;
    const kind = kindOf(key);
    if (!kind) {
      findings.push(structure(`prev.${key}`, `上年数据中有无法识别的项目“${rawKey}”，没有参与校验`));
      continue;
    }
    prev.set(key, readValue(raw, kind));
  }

  let level: Level | null = null;
  const rawLevel = report.meta.level;
  if (typeof rawLevel === 'string' && rawLevel.trim() !== '') {
    const found = LEVELS.find((l) => l.key === rawLevel.trim() || l.label === rawLevel.trim());
    if (found) level = found.key;
    else findings.push(structure('meta.level', `机关层级“${rawLevel}”无法识别，应为：${LEVELS.map((l) => l.label).join('、')}`));
  }

  const present = (key: string): boolean => {
    const c = cells.get(key);
    return c !== undefined && c.state !== 'blank';
  };
  const otherCombined = COMBINED_KEYS.some((k) => cells.has(k)) && !OTHER_ROW_KEYS.some(present);

  return {
    cells,
    prev,
    level,
    kind: report.meta.kind === 'aggregate' ? 'aggregate' : 'own',
    otherCombined,
    combinedKeys: COMBINED_KEYS.filter((k) => cells.has(k)),
    slots: fillSlots(cells, prev),
    findings,
  };
}

function fillSlots(cells: Map<string, CellValue>, prev: Map<string, CellValue>): Float64Array {
  const slots = new Float64Array(SLOT_COUNT * 2);
  slots.fill(Number.NaN, SLOT_COUNT);
  for (const [key, c] of cells) {
    const i = SLOTS.get(key);
    if (i !== undefined) slots[i] = c.state === 'number' ? c.value : c.state === 'blank' ? 0 : Number.NaN;
  }
  for (const [key, c] of prev) {
    const i = SLOTS.get(key);
    if (i !== undefined && c.state === 'number') slots[i + SLOT_COUNT] = c.value;
  }
  return slots;
}

/**
 * The number a rule uses for a key: the value, 0 for a blank, or undefined when the cell holds something that is
 * not a usable number (the rule is then not evaluated; a VALUE-* finding already says why). Last year's figures
 * are undefined when blank or absent: the cross-year rules need them given.
 */
export function numberFor(model: Model, key: string): number | undefined {
  const i = SLOTS.get(key);
  if (i === undefined) return undefined;
  const n = model.slots[i];
  return Number.isNaN(n) ? undefined : n;
}

/** Whether the report gives a number for a key (not blank, not invalid). */
export function hasNumber(model: Model, key: string): boolean {
  const c = key.startsWith('prev.') ? model.prev.get(key.slice(5)) : model.cells.get(key);
  return c !== undefined && c.state === 'number';
}
