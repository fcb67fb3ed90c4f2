import { checkReport, type Finding, type ReportData } from '../../src/core';
import { seeded, soundReport } from '../helpers/reports';

const ids = (fs: Finding[]): string[] => fs.map((f) => `${f.rule}:${f.target}`).sort();

function base(overrides: Record<string, number | string | null> = {}, extra: Partial<ReportData> = {}): ReportData {
  const r = soundReport(seeded(7), { level: 'county_gov' });
  return { ...r, ...extra, values: { ...r.values, ...overrides } };
}

describe('a sound report', () => {
  test('yields no finding', () => {
    expect(checkReport(base())).toEqual([]);
  });
});

describe('sumEquals rules', () => {
  test('T3-BALANCE names the four cells of the column, with expected and actual', () => {
    const r = base();
    const v = r.values as Record<string, number>;
    const f = checkReport(base({ 't3.carried_out.natural': v['t3.carried_out.natural'] + 2, 't3.carried_out.total': v['t3.carried_out.total'] + 2 }));
    expect(ids(f)).toEqual(['T3-BALANCE:natural', 'T3-BALANCE:total']);
    const nat = f.find((x) => x.target === 'natural') as Finding;
    expect(nat.cells).toEqual(['t3.new.natural', 't3.carried_in.natural', 't3.handled_total.natural', 't3.carried_out.natural']);
    expect(nat.expected).toBe(v['t3.new.natural'] + v['t3.carried_in.natural']);
    expect(nat.actual).toBe((nat.expected as number) + 2);
    expect(nat.severity).toBe('error');
    expect(nat.message).toContain('表三「自然人」列');
    expect(nat.message).toContain('相差 2');
  });

  test('T3-HANDLED and T3-ROWSUM fire for one changed outcome cell', () => {
    const v = base().values as Record<string, number>;
    const f = checkReport(base({ 't3.refused_law.business': v['t3.refused_law.business'] + 1 }));
    expect(ids(f)).toEqual(['T3-HANDLED:business', 'T3-ROWSUM:refused_law']);
    const handled = f.find((x) => x.rule === 'T3-HANDLED') as Finding;
    expect(handled.cells[0]).toBe('t3.handled_total.business');
    expect(handled.cells).toHaveLength(22);
    expect(handled.message).toContain('（七）总计填报');
  });

  test('T4-TOTAL, as in fixture 002', () => {
    const f = checkReport(base({ 't4.reconsideration.upheld': 10, 't4.reconsideration.corrected': 1, 't4.reconsideration.other': 0, 't4.reconsideration.pending': 0, 't4.reconsideration.total': 0 }));
    expect(ids(f)).toEqual(['T4-TOTAL:reconsideration']);
    expect(f[0]).toMatchObject({ expected: 11, actual: 0 });
    expect(f[0].message).toBe('表四「行政复议」：总计填报 0，但 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，相差 11。');
  });

  test('blanks and placeholders count as 0 in the arithmetic and are reported as VALUE-EMPTY', () => {
    const f = checkReport(base({ 't4.litigation_direct.upheld': '/', 't4.litigation_direct.corrected': null, 't4.litigation_direct.other': 0, 't4.litigation_direct.pending': 0, 't4.litigation_direct.total': 0 }));
    expect(ids(f)).toEqual(['VALUE-EMPTY:t4.litigation_direct.corrected', 'VALUE-EMPTY:t4.litigation_direct.upheld']);
    const ph = f.find((x) => x.target === 't4.litigation_direct.upheld') as Finding;
    expect(ph).toMatchObject({ severity: 'warning', actual: '/', code: 'placeholder' });
    expect(ph.message).toContain('填的是“/”');
  });

  test('a rule reading an unreadable cell is not evaluated (the VALUE finding says why)', () => {
    const f = checkReport(base({ 't3.granted.natural': '三' }));
    expect(ids(f)).toEqual(['VALUE-COUNT:t3.granted.natural']);
    expect(f[0].message).toContain('填的是文字“三”');
  });
});

describe('value rules', () => {
  test.each([
    ['三', 'text'],
    [-1, 'negative'],
    [1.5, 'fraction'],
    ['2024-01-01', 'date'],
    [true, 'boolean'],
    ['#REF!', 'error'],
  ])('VALUE-COUNT for %p', (raw, code) => {
    const f = checkReport(base({ 't2.licensing': raw as number }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'VALUE-COUNT', target: 't2.licensing', severity: 'error', code, cells: ['t2.licensing'] });
  });

  test('VALUE-AMOUNT allows decimals, rejects negatives and text', () => {
    expect(checkReport(base({ 't2.fees': 7730.28 }))).toEqual([]);
    expect(ids(checkReport(base({ 't2.fees': -1 })))).toEqual(['VALUE-AMOUNT:t2.fees']);
    expect(ids(checkReport(base({ 'fee.collected': '约100' })))).toEqual(['VALUE-AMOUNT:fee.collected']);
  });

  test('VALUE-EMPTY for a missing table key; optional figures may be left out', () => {
    const r = base();
    const values = { ...r.values };
    const zeroKey = Object.keys(values).find((k) => k.startsWith('t3.refused') && values[k] === 0) as string;
    delete values[zeroKey];
    delete values['fee.notified'];
    delete values['fee.collected'];
    delete values['extra.items_total'];
    const f = checkReport({ ...r, values });
    expect(ids(f)).toEqual([`VALUE-EMPTY:${zeroKey}`]);
    expect(f[0].message).toContain('为空白，应填数字；没有的请填 0');
  });

  test('an unknown key is a STRUCTURE finding, never silently dropped', () => {
    const f = checkReport(base({ 't3.new.natrual': 5 }));
    expect(ids(f)).toEqual(['STRUCTURE:t3.new.natrual']);
    expect(f[0].message).toContain('t3.new.natrual');
  });
});

describe('level, fee and cross-year rules', () => {
  test('T2-REGULATIONS only for levels that cannot make 规章', () => {
    const regs = { 't2.regulations.issued': 1, 't2.regulations.repealed': 0, 't2.regulations.in_force': 11 };
    expect(ids(checkReport(base(regs)))).toEqual(['T2-REGULATIONS:t2.regulations']);
    const city = base(regs);
    city.meta.level = 'city_gov';
    expect(checkReport(city)).toEqual([]);
    const f = checkReport(base(regs))[0];
    expect(f.cells).toEqual(['t2.regulations.issued', 't2.regulations.in_force']);
    expect(f.message).toContain('县级人民政府');
  });

  test('an unknown level is reported and the level rule is skipped', () => {
    const r = base({ 't2.regulations.issued': 1 });
    r.meta.level = '区县';
    expect(ids(checkReport(r))).toEqual(['STRUCTURE:meta.level']);
  });

  test('FEE-NOTICES when applications were dropped for unpaid fees but fewer notices were sent', () => {
    const v = base().values as Record<string, number>;
    const f = checkReport(base({ 't3.other_no_fee.natural': v['t3.other_no_fee.natural'] + 3, 't3.other_no_fee.total': v['t3.other_no_fee.total'] + 3, 't3.handled_total.natural': v['t3.handled_total.natural'] + 3, 't3.handled_total.total': v['t3.handled_total.total'] + 3, 't3.new.natural': v['t3.new.natural'] + 3, 't3.new.total': v['t3.new.total'] + 3, 'fee.notices': 0 }));
    expect(ids(f)).toEqual(['FEE-NOTICES:fee.notices']);
    expect(f[0]).toMatchObject({ severity: 'warning', actual: 0, expected: v['t3.other_no_fee.total'] + 3 });
  });

  test('FEE-COLLECTED when more was collected than notified', () => {
    const f = checkReport(base({ 'fee.notified': 300, 'fee.collected': 500 }));
    expect(ids(f)).toEqual(['FEE-COLLECTED:fee.collected']);
    expect(f[0].message).toBe('实际收取的信息处理费 500 元，多于收费通知的总金额 300 元，请核实。');
  });

  test('YOY-CARRY and YOY-IN-FORCE need last year and compare with it', () => {
    const r = soundReport(seeded(3), { withPrev: true, level: 'county_gov' });
    expect(checkReport(r)).toEqual([]);
    const prev = { ...(r.prev as Record<string, number>) };
    prev['t3.carried_out.legal'] += 1;
    prev['t2.normative.in_force'] += 2;
    const f = checkReport({ ...r, prev });
    expect(ids(f)).toEqual(['YOY-CARRY:legal', 'YOY-IN-FORCE:normative']);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    const inForce = f.find((x) => x.rule === 'YOY-IN-FORCE') as Finding;
    expect(inForce.cells).toEqual(['t2.normative.in_force', 'prev.t2.normative.in_force', 't2.normative.issued', 't2.normative.repealed']);
    expect(inForce.message).toContain('上年现行有效');
  });

  test('without last year the cross-year rules stay silent', () => {
    const r = soundReport(seeded(3), { level: 'county_gov' });
    expect(r.prev).toBeUndefined();
    expect(checkReport(r)).toEqual([]);
  });

  test('YOY-JUMP: a count of 10 or more that changed more than fivefold', () => {
    const r = base({ 't2.licensing': 447228 });
    r.prev = { 't2.licensing': 5000, 't2.punishment': 9 };
    const f = checkReport({ ...r, values: { ...r.values, 't2.punishment': 9 } });
    expect(ids(f)).toEqual(['YOY-JUMP:t2.licensing']);
    expect(f[0]).toMatchObject({ severity: 'info', expected: 5000, actual: 447228, cells: ['t2.licensing', 'prev.t2.licensing'] });
    const small = base({ 't2.enforcement': 9 });
    small.prev = { 't2.enforcement': 1 };
    expect(checkReport(small)).toEqual([]);
  });
});

describe('the 2019 single （六）其他处理 row', () => {
  function combined(): ReportData {
    const r = base();
    const values = { ...r.values } as Record<string, number | string | null>;
    for (const col of ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total']) {
      const sum = ['other_no_correction', 'other_no_fee', 'other_other'].reduce((s, row) => s + (values[`t3.${row}.${col}`] as number), 0);
      for (const row of ['other_no_correction', 'other_no_fee', 'other_other']) delete values[`t3.${row}.${col}`];
      values[`t3.other_combined.${col}`] = sum;
    }
    values['fee.notices'] = 100;
    return { ...r, values };
  }

  test('is checked with its numbers and reported as FORMAT-VERSION, not as 21 blanks', () => {
    const f = checkReport(combined());
    expect(ids(f)).toEqual(['FORMAT-VERSION:t3']);
    expect(f[0].message).toContain('2019 年试行格式');
  });

  test('a wrong combined row breaks T3-HANDLED and its own row sum', () => {
    const r = combined();
    (r.values as Record<string, number>)['t3.other_combined.natural'] += 1;
    expect(ids(checkReport(r))).toEqual(['FORMAT-VERSION:t3', 'T3-HANDLED:natural', 'T3-ROWSUM:other_combined']);
  });
});

describe('explanations', () => {
  test('travel onto their finding', () => {
    const f = checkReport(base({ 'fee.notified': 300, 'fee.collected': 500 }), { explanations: new Map([['FEE-COLLECTED:fee.collected', '含上年度通知本年收取的 200 元']]) });
    expect(f[0].explanation).toBe('含上年度通知本年收取的 200 元');
  });
});

describe('bad data never throws', () => {
  test('a report with every kind of junk', () => {
    const junk: ReportData = { meta: { level: 'nonsense', year: 'abc' }, values: { 't3.new.natural': '#N/A', 't4.reconsideration.total': '很多', 't2.fees': '—', 'x.y': 1 }, prev: { 't3.carried_out.natural': 'N' } };
    expect(() => checkReport(junk)).not.toThrow();
    const f = checkReport(junk);
    expect(f.filter((x) => x.rule === 'VALUE-EMPTY').length).toBeGreaterThan(150);
    expect(ids(f)).toEqual(expect.arrayContaining(['STRUCTURE:x.y', 'STRUCTURE:meta.level', 'VALUE-COUNT:t3.new.natural', 'VALUE-COUNT:prev.t3.carried_out.natural']));
  });
});
