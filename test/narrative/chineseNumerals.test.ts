/** Narrative numbers written in Chinese numerals (受理申请三件) are checked like Arabic ones. */
import { checkReport, type ReportData } from '../../src/core';
import { chineseNumber } from '../../src/core/narrative/check';
import { seeded, soundReport } from '../helpers/reports';

describe('Chinese numerals in the narrative', () => {
  test.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['一百零五', 105],
    ['两千三百', 2300],
    ['零', 0],
  ])('%s → %d', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });

  test.each(['三三', '十十', '一二'])('%s is not a numeral', (text) => {
    expect(chineseNumber(text)).toBeUndefined();
  });

  function report(narrative: string): ReportData {
    const r = soundReport(seeded(5), { level: 'township' });
    return { ...r, values: { ...r.values, 't3.new.total': 5 }, narrative: { '一（二）': narrative } };
  }

  test('a count in Chinese numerals that differs from the table is found', () => {
    const f = checkReport(report('2024年，共受理政府信息公开申请三件。')).filter((x) => x.rule === 'TEXT-NUMBER');
    expect(f).toEqual([expect.objectContaining({ target: 't3.new.total', expected: 5, actual: 3 })]);
  });

  test('one that agrees is not, and 一是、三审三校 are never read as numbers', () => {
    const text = '本年度共受理政府信息公开申请五件。一是落实“三审三校”制度，二是一事一审。';
    expect(checkReport(report(text)).filter((x) => x.rule === 'TEXT-NUMBER')).toEqual([]);
  });
});
