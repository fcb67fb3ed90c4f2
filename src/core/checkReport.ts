/** The engine's front door: report data in, findings out (messages rendered, nothing thrown for bad data). */
import type { Finding } from './findings';
import { buildModel } from './model';
import { evaluateRules } from './evaluate';
import type { ReportData } from './report';
import { checkAggregate, type MemberReport } from './aggregate';
import { checkNarrative } from './narrative';

export interface CheckOptions {
  /** Member reports, for an aggregate. */
  members?: readonly MemberReport[];
  /** Explanations (说明) recorded for findings, by `rule:target`. */
  explanations?: ReadonlyMap<string, string>;
}

export function checkReport(report: ReportData, options: CheckOptions = {}): Finding[] {
  const findings = evaluateRules(buildModel(report));
  if (options.members) findings.push(...checkAggregate(report, options.members));
  if (report.narrative) findings.push(...checkNarrative(report));
  if (options.explanations) {
    for (const f of findings) f.explanation = options.explanations.get(`${f.rule}:${f.target}`) ?? null;
  }
  return findings;
}
