/** One way to make a finding outside the rule evaluators: rule id and severity from the spec, message from the catalog. */
import { getRule } from '../spec';
import type { Finding } from './findings';
import { renderMessage } from './messages';

export function makeFinding(ruleId: string, target: string, fields: Partial<Finding> = {}): Finding {
  const rule = getRule(ruleId);
  const f: Finding = {
    rule: rule.id,
    target,
    severity: rule.severity,
    cells: [],
    expected: null,
    actual: null,
    message: '',
    explanation: null,
    ...fields,
  };
  f.message = renderMessage(f);
  return f;
}
