/** The load-time check: a broken spec (duplicate id, unknown key, overlapping cells) throws before anything runs. */
import type { KeyDef } from './keys';
import type { Rule } from './rules';
import { ruleKeys } from './rules';
import type { SheetLayout } from './layout';

export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

export interface SpecParts {
  keys: readonly KeyDef[];
  rules: readonly Rule[];
  sheets: readonly SheetLayout[];
  prevKeys: readonly string[];
}

const META_KEYS = /^meta\.[a-z_]+$/;

export function validateSpec(spec: SpecParts): void {
  const problems: string[] = [];
  const keySet = new Set<string>();
  for (const k of spec.keys) {
    if (keySet.has(k.key)) problems.push(`duplicate key ${k.key}`);
    keySet.add(k.key);
  }
  const known = (key: string): boolean =>
    keySet.has(key) || (key.startsWith('prev.') && keySet.has(key.slice(5))) || META_KEYS.test(key);

  const ruleIds = new Set<string>();
  for (const rule of spec.rules) {
    if (ruleIds.has(rule.id)) problems.push(`duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    for (const key of ruleKeys(rule)) if (!known(key)) problems.push(`rule ${rule.id} reads unknown key ${key}`);
    if (rule.kind === 'sumEquals') {
      const targets = new Set<string>();
      for (const inst of rule.instances) {
        if (targets.has(inst.target)) problems.push(`rule ${rule.id} has duplicate target ${inst.target}`);
        targets.add(inst.target);
        if (inst.total.length === 0 || inst.parts.length === 0) problems.push(`rule ${rule.id}/${inst.target} has an empty side`);
      }
    }
  }
  for (const key of spec.prevKeys) if (!keySet.has(key)) problems.push(`prev key ${key} is unknown`);

  const sheetNames = new Set<string>();
  const placed = new Set<string>();
  for (const sheet of spec.sheets) {
    if (sheetNames.has(sheet.name)) problems.push(`duplicate sheet name ${sheet.name}`);
    sheetNames.add(sheet.name);
    const occupied = new Set<string>();
    for (const cell of sheet.cells) {
      for (let r = cell.row; r < cell.row + (cell.rowSpan ?? 1); r += 1) {
        for (let c = cell.col; c < cell.col + (cell.colSpan ?? 1); c += 1) {
          const at = `${r},${c}`;
          if (occupied.has(at)) problems.push(`sheet ${sheet.name} has overlapping cells at row ${r + 1}, column ${c + 1}`);
          occupied.add(at);
        }
      }
      if (cell.role === 'input') {
        if (!cell.key) problems.push(`sheet ${sheet.name} has an input cell without key at row ${cell.row + 1}`);
        else {
          if (!known(cell.key)) problems.push(`sheet ${sheet.name} places unknown key ${cell.key}`);
          if (placed.has(cell.key)) problems.push(`key ${cell.key} is placed twice`);
          placed.add(cell.key);
        }
      }
    }
  }
  for (const k of spec.keys) if (!placed.has(k.key)) problems.push(`key ${k.key} has no cell in the template`);
  for (const k of spec.prevKeys) if (!placed.has(`prev.${k}`)) problems.push(`prev key ${k} has no cell in the template`);

  if (problems.length > 0) throw new SpecError(`broken spec:\n${problems.join('\n')}`);
}
