import { checkAggregate, checkReport, type ReportData } from '../../src/core';
import { TABLE_KEYS } from '../../src/spec';
import { seeded, soundReport } from '../helpers/reports';

function sumOf(members: ReportData[]): ReportData {
  const values: Record<string, number> = {};
  for (const key of TABLE_KEYS) values[key] = Math.round(members.reduce((s, m) => s + Number(m.values[key] ?? 0), 0) * 100) / 100;
  return { meta: { body: '某某区人民政府', year: 2024, level: 'county_gov', kind: 'aggregate' }, values, members: members.map((m) => m.meta.body as string) };
}

describe('AGGREGATE-SUM', () => {
  const rand = seeded(11);
  const members = [0, 1, 2].map((i) => {
    const r = soundReport(rand, { level: 'county_dept' });
    r.meta.body = `成员单位${i}`;
    return r;
  });
  const named = members.map((m) => ({ name: m.meta.body as string, report: m }));

  test('an aggregate equal to the sum of its members has no finding', () => {
    expect(checkAggregate(sumOf(members), named)).toEqual([]);
  });

  test('a figure that differs from the members’ sum is named with both numbers', () => {
    const agg = sumOf(members);
    (agg.values as Record<string, number>)['t3.new.natural'] += 2;
    const f = checkAggregate(agg, named);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'AGGREGATE-SUM', target: 't3.new.natural', severity: 'error', actual: (f[0].expected as number) + 2 });
    expect(f[0].message).toContain('各成员报告之和为');
  });

  test('a member the aggregate lists but that was not supplied is reported', () => {
    const agg = sumOf(members);
    agg.members = [...(agg.members ?? []), '成员单位 9'];
    const f = checkAggregate(agg, named);
    expect(f).toEqual([expect.objectContaining({ rule: 'AGGREGATE-SUM', target: 'member:成员单位 9', code: 'missing-member' })]);
    expect(f[0].message).toContain('“成员单位 9”没有提供报告');
  });

  test('body names match despite spaces and full-width forms', () => {
    const agg = sumOf(members);
    agg.members = ['成员单位０', ' 成员单位1', '成员单位 2'];
    expect(checkAggregate(agg, named)).toEqual([]);
  });

  test('checkReport runs it when members are given', () => {
    const agg = sumOf(members);
    (agg.values as Record<string, number>)['t4.reconsideration.upheld'] += 1;
    const rules = checkReport(agg, { members: named }).map((f) => `${f.rule}:${f.target}`);
    expect(rules).toEqual(expect.arrayContaining(['AGGREGATE-SUM:t4.reconsideration.upheld', 'T4-TOTAL:reconsideration']));
  });
});
