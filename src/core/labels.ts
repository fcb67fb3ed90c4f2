/** Human labels for keys and targets, used by messages and hosts. */
import { KEY_INDEX, LEVELS, T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOMES } from '../spec';

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四', fee: '信息处理费', extra: '补充数据' };

/** The name a reviewer reads for one cell, e.g. 表三「本年新收申请 / 自然人」. */
export function cellLabel(key: string): string {
  if (key.startsWith('prev.')) return `上年报告${cellLabel(key.slice(5))}`;
  if (key.startsWith('meta.')) return META_LABELS[key] ?? key;
  const parts = key.split('.');
  if (parts[0] === 't3') {
    const row = T3_ROWS.find((r) => r.key === parts[1]);
    const col = T3_COLUMNS.find((c) => c.key === parts[2]);
    const rowName = row ? row.short : parts[1] === 'other_combined' ? '（六）其他处理（合并一行）' : parts[1];
    return `表三「${rowName} / ${col ? col.label : parts[2]}」`;
  }
  if (parts[0] === 't4') {
    const g = T4_GROUPS.find((x) => x.key === parts[1]);
    const o = T4_OUTCOMES.find((x) => x.key === parts[2]);
    return `表四「${g ? g.short : parts[1]} / ${o ? o.label : parts[2]}」`;
  }
  const def = KEY_INDEX.get(key);
  if (def) return `${TABLE_NAMES[def.table]}「${def.short.replace('·', ' / ')}」`;
  return `「${key}」`;
}

/** The short name of a key inside its own row or column (for arithmetic lists). */
export function termLabel(key: string): string {
  const k = key.startsWith('prev.') ? key.slice(5) : key;
  const prefix = key.startsWith('prev.') ? '上年' : '';
  const parts = k.split('.');
  if (parts[0] === 't3') {
    const row = T3_ROWS.find((r) => r.key === parts[1]);
    return prefix + (row ? row.short : parts[1] === 'other_combined' ? '其他处理（合并）' : parts[1]);
  }
  if (parts[0] === 't4') return prefix + (T4_OUTCOMES.find((x) => x.key === parts[2])?.label ?? parts[2]);
  const def = KEY_INDEX.get(k);
  if (def) return prefix + (def.short.split('·')[1] ?? def.short);
  return prefix + k;
}

export function columnLabel(col: string): string {
  return T3_COLUMNS.find((c) => c.key === col)?.label ?? col;
}

export function t3RowLabel(row: string): string {
  if (row === 'other_combined') return '（六）其他处理（合并一行）';
  return T3_ROWS.find((r) => r.key === row)?.short ?? row;
}

export function t4GroupLabel(group: string): string {
  return T4_GROUPS.find((g) => g.key === group)?.short ?? group;
}

export function levelLabel(level: string): string {
  return LEVELS.find((l) => l.key === level)?.label ?? level;
}

const META_LABELS: Record<string, string> = {
  'meta.body': '基本信息「机关名称」',
  'meta.year': '基本信息「报告年度」',
  'meta.level': '基本信息「机关层级」',
  'meta.kind': '基本信息「报告类型」',
  'meta.template_version': '基本信息「模板版本」',
};

/** Numbers as reports print them: no float noise, thousands unseparated. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '未填报';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
