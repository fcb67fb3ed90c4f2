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
import { readValue, type CellValue } from './readValue';
import type { ReportData } from './report';

export interface Model {
  cells: Map<string, CellValue>;
  prev: Map<string, CellValue>;
  level: Level | null;
  kind: 'own' | 'aggregate';
  /** （六）其他处理 given as one 2019-style row (`t3.other_combined.*`) instead of three. */
  otherCombined: boolean;
  /** Problems found while reading: unknown keys, unknown level. */
  findings: Finding[];
}

export function isCombinedKey(key: string): boolean {
  return key.startsWith(`t3.${T3_OTHER_COMBINED_ROW}.`);
}

function kindOf(key: string): 'count' | 'amount' | undefined {
  if (isCombinedKey(key)) return 'count';
  return KEY_INDEX.get(key)?.kind;
}

function structure(target: string, detail: string): Finding {
  return { rule: 'STRUCTURE', target, severity: 'error', cells: [], expected: null, actual: null, message: '', explanation: null, detail };
}

export function buildModel(report: ReportData): Model {
  const findings: Finding[] = [];
  const cells = new Map<string, CellValue>();
  for (const [key, raw] of Object.entries(report.values)) {
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
  const anyCombined = T3_COLUMNS.some((c) => cells.has(`t3.${T3_OTHER_COMBINED_ROW}.${c.key}`));
  const anyOtherRow = T3_OTHER_ROWS.some((r) => T3_COLUMNS.some((c) => present(`t3.${r}.${c.key}`)));
  const otherCombined = anyCombined && !anyOtherRow;

  return {
    cells,
    prev,
    level,
    kind: report.meta.kind === 'aggregate' ? 'aggregate' : 'own',
    otherCombined,
    findings,
  };
}

/**
 * The number a rule uses for a key: the value, 0 for a blank, or undefined when the cell holds something that is
 * not a usable number (the rule is then not evaluated; a VALUE-* finding already says why).
 */
export function numberFor(model: Model, key: string): number | undefined {
  if (key.startsWith('prev.')) {
    const c = model.prev.get(key.slice(5));
    return c && c.state === 'number' ? c.value : undefined;
  }
  const c = model.cells.get(key);
  if (!c || c.state === 'blank') return 0;
  return c.state === 'number' ? c.value : undefined;
}

/** Whether the report gives a number for a key (not blank, not invalid). */
export function hasNumber(model: Model, key: string): boolean {
  const c = key.startsWith('prev.') ? model.prev.get(key.slice(5)) : model.cells.get(key);
  return c !== undefined && c.state === 'number';
}
