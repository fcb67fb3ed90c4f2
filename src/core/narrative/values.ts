/**
 * The figures the narrative reads: a key's number, a computed sum, last year's figure. A blank table cell counts as
 * 0 (as the rules count it); a key the report does not give, or a cell that is not a usable number, has no value —
 * the narrative then says nothing about it rather than a wrong number.
 */
import { KEY_INDEX, NARRATIVE_SUMS, T3_OTHER_COMBINED_ROW, T3_OTHER_ROWS } from '../../spec';
import type { Model } from '../model';

export interface Figures {
  /** The value of a key, `sum.*` or `prev.<key>`; undefined when not known. */
  value(ref: string): number | undefined;
  /** The keys a reference stands for (a sum's members; `prev.` kept). */
  keysOf(ref: string): string[];
  /** The unit a reference is counted in. */
  unitOf(ref: string): string;
}

const OTHER_SUM = 'sum.t3.other.total';

/** For a report printing （六）其他处理 as one 2019-style row, the three 2021 rows are that one row. */
function otherRowsAsCombined(model: Model, keys: readonly string[]): string[] | null {
  if (!model.otherCombined) return null;
  const otherKeys = T3_OTHER_ROWS.map((r) => `t3.${r}.total`);
  if (keys.length !== otherKeys.length || !otherKeys.every((k) => keys.includes(k))) return null;
  return [`t3.${T3_OTHER_COMBINED_ROW}.total`];
}

export function cellNumber(model: Model, key: string): number | undefined {
  const prev = key.startsWith('prev.');
  const cell = prev ? model.prev.get(key.slice(5)) : model.cells.get(key);
  if (!cell) return undefined;
  if (cell.state === 'number') return cell.value;
  if (cell.state === 'blank') {
    // Blank is 0 only where the format requires a number (the rules count it so); optional figures stay unknown.
    const def = KEY_INDEX.get(prev ? key.slice(5) : key);
    return !prev && (def?.required || key.startsWith(`t3.${T3_OTHER_COMBINED_ROW}.`)) ? 0 : undefined;
  }
  return undefined;
}

/** Sum of keys, known only when every key is. */
export function sumOf(model: Model, keys: readonly string[]): number | undefined {
  const combined = otherRowsAsCombined(model, keys);
  let total = 0;
  for (const key of combined ?? keys) {
    const v = cellNumber(model, key);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

export function figures(model: Model): Figures {
  const keysOf = (ref: string): string[] => {
    if (ref.startsWith('sum.')) {
      const keys = NARRATIVE_SUMS[ref] ?? [];
      return (ref === OTHER_SUM && otherRowsAsCombined(model, keys)) || keys;
    }
    return [ref];
  };
  return {
    keysOf,
    value: (ref) => (ref.startsWith('sum.') ? (NARRATIVE_SUMS[ref] ? sumOf(model, NARRATIVE_SUMS[ref]) : undefined) : cellNumber(model, ref)),
    unitOf: (ref) => {
      const key = keysOf(ref)[0]?.replace(/^prev\./, '');
      return (key && KEY_INDEX.get(key)?.unit) || '件';
    },
  };
}
