/** AGGREGATE-SUM: an aggregate report must equal the sum of its members' reports, and name no missing member. */
import { getRule, TABLE_KEYS } from '../spec';
import type { Finding } from './findings';
import { buildModel, numberFor, type Model } from './model';
import type { ReportData } from './report';
import { makeFinding } from './makeFinding';

export interface MemberReport {
  /** A name for messages: the body, or the file it came from. */
  name: string;
  report: ReportData;
}

export function checkAggregate(aggregate: ReportData, members: readonly MemberReport[]): Finding[] {
  const rule = getRule('AGGREGATE-SUM');
  const findings: Finding[] = [];
  const agg = buildModel(aggregate);
  const models: Model[] = members.map((m) => buildModel(m.report));

  for (const key of TABLE_KEYS) {
    const own = numberFor(agg, key);
    if (own === undefined) continue;
    let sum = 0;
    let usable = true;
    for (const m of models) {
      const n = numberFor(m, key);
      if (n === undefined) {
        usable = false;
        break;
      }
      sum += n;
    }
    if (!usable) continue;
    sum = Math.round(sum * 1e6) / 1e6;
    if (Math.abs(sum - own) <= 1e-6) continue;
    findings.push(makeFinding(rule.id, key, { cells: [key], expected: sum, actual: own, values: { [key]: own } }));
  }

  const given = new Set(members.map((m) => normaliseBody(m.report.meta.body ?? m.name)));
  for (const name of aggregate.members ?? []) {
    if (given.has(normaliseBody(name))) continue;
    findings.push(makeFinding(rule.id, `member:${name}`, { code: 'missing-member', detail: name }));
  }
  return findings;
}

/** Body names match across years and files despite spaces and full-width forms. */
export function normaliseBody(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}
