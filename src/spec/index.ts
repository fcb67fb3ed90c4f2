/**
 * The 2021 report format as data: keys, table layouts, rules, narrative templates. The one place that knows the
 * report; no logic beyond the load-time check.
 */
import { KEYS, PREV_KEYS } from './keys';
import { SHEETS } from './layout';
import { RULES } from './rules';
import { validateSpec } from './validateSpec';

export * from './keys';
export * from './meta';
export * from './rules';
export * from './layout';
export * from './narrative';
export { SpecError, validateSpec, type SpecParts } from './validateSpec';

validateSpec({ keys: KEYS, rules: RULES, sheets: SHEETS, prevKeys: PREV_KEYS });
