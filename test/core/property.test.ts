/**
 * Properties of the engine on random reports: a report that satisfies every equation yields no finding, and
 * changing any single cell yields exactly the findings of the rule instances that read that cell.
 */
import fc from 'fast-check';
import { checkReport, effectiveInstances, buildModel, type ReportData } from '../../src/core';
import { LEVELS, LEVELS_WITH_REGULATIONS, RULES, type SumEqualsRule } from '../../src/spec';
import { seeded, soundReport } from '../helpers/reports';

const ARITHMETIC = new Set(['T3-BALANCE', 'T3-HANDLED', 'T3-ROWSUM', 'T4-TOTAL', 'YOY-CARRY', 'YOY-IN-FORCE', 'T2-REGULATIONS', 'FEE-NOTICES', 'FEE-COLLECTED']);

const reportArb = fc
  .record({ seed: fc.integer(), withPrev: fc.boolean(), level: fc.constantFrom(...LEVELS.map((l) => l.key)) })
  .map(({ seed, withPrev, level }) => soundReport(seeded(seed), { withPrev, level }));

/** The (rule:target) of every sum instance that reads `key`, as the engine would evaluate them for this report. */
function instancesReading(report: ReportData, key: string): string[] {
  const model = buildModel(report);
  const out: string[] = [];
  for (const rule of RULES) {
    if (rule.kind !== 'sumEquals') continue;
    if (rule.id.startsWith('YOY') && !report.prev) continue;
    for (const inst of effectiveInstances(rule as SumEqualsRule, model)) {
      if ([...inst.total, ...inst.parts].some((t) => t.key === key)) out.push(`${rule.id}:${inst.target}`);
    }
  }
  return out.sort();
}

describe('engine properties', () => {
  test('sound random reports yield no finding at all', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('changing any single cell yields exactly the findings of the rules that read it', () => {
    const sumKeys = [...new Set(RULES.flatMap((r) => (r.kind === 'sumEquals' ? r.instances.flatMap((i) => [...i.total, ...i.parts].map((t) => t.key)) : [])))];
    fc.assert(
      fc.property(reportArb, fc.constantFrom(...sumKeys), fc.integer({ min: 1, max: 3 }), fc.boolean(), (report, key, delta, down) => {
        const isPrev = key.startsWith('prev.');
        if (isPrev && !report.prev) return;
        const bag = (isPrev ? report.prev : report.values) as Record<string, number>;
        const k = isPrev ? key.slice(5) : key;
        const before = bag[k];
        const after = down && before >= delta ? before - delta : before + delta;
        const changed: ReportData = isPrev
          ? { ...report, prev: { ...report.prev, [k]: after } }
          : { ...report, values: { ...report.values, [k]: after } };
        const expected = instancesReading(report, key);
        // Putting 规章 figures on a body that cannot make 规章 is a finding of its own.
        const level = report.meta.level as (typeof LEVELS)[number]['key'];
        if (k.startsWith('t2.regulations.') && !isPrev && !LEVELS_WITH_REGULATIONS.includes(level) && after > 0) expected.push('T2-REGULATIONS:t2.regulations');
        if (k === 't3.other_no_fee.total' && after > (report.values['fee.notices'] as number)) expected.push('FEE-NOTICES:fee.notices');
        const got = checkReport(changed)
          .filter((f) => ARITHMETIC.has(f.rule))
          .map((f) => `${f.rule}:${f.target}`)
          .sort();
        expect(got).toEqual(expected.sort());
        // Every table-三/四 cell is read by at least one equation of this year's report.
        if (/^t[34]\./.test(key)) expect(expected.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  test('random junk in random cells never throws and every finding has a message', () => {
    const junk = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('/', '—', '#REF!', '１２', '1,234', '三', '2024-01-01'));
    fc.assert(
      fc.property(reportArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 199 }), junk), { maxLength: 20 }), (report, edits) => {
        const keys = Object.keys(report.values);
        const values = { ...report.values };
        for (const [i, v] of edits) values[keys[i % keys.length]] = v as number;
        const findings = checkReport({ ...report, values });
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(5);
          expect(f.message).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
