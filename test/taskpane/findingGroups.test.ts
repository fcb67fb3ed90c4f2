import { groupFindings, tableOf } from '../../src/taskpane/findingGroups';
import { FINDINGS, finding } from './fakeServices';

describe('tableOf', () => {
  test('by the first cell, last year counting as its table', () => {
    expect(tableOf({ cells: ['t2.licensing'], target: 't2.licensing' })).toBe('t2');
    expect(tableOf({ cells: ['prev.t3.carried_out.total'], target: 'total' })).toBe('t3');
    expect(tableOf({ cells: ['fee.collected'], target: 'fee.collected' })).toBe('other');
    expect(tableOf({ cells: ['extra.published_total'], target: 'x' })).toBe('other');
  });
  test('by the target when a finding has no cells (STRUCTURE names a table)', () => {
    expect(tableOf({ cells: [], target: 't4' })).toBe('t4');
    expect(tableOf({ cells: [], target: 'narrative' })).toBe('other');
  });
});

describe('groupFindings', () => {
  test('severity order, table order, counts, only non-empty groups', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.severity, g.count, g.tables.map((t) => `${t.label}:${t.findings.length}`)])).toEqual([
      ['error', 2, ['表三:1', '表四:1']],
      ['warning', 2, ['表二:1', '其他:1']],
      ['info', 1, ['表三:1']],
    ]);
  });
  test('keeps the engine order inside a bucket and loses nothing', () => {
    const many = [3, 1, 2].map((n) =>
      finding({ rule: 'T3-ROWSUM', target: `r${n}`, severity: 'error', cells: [`t3.r${n}.total`] }),
    );
    const groups = groupFindings([...many, ...FINDINGS]);
    expect(groups[0].tables[0].findings.slice(0, 3).map((f) => f.target)).toEqual(['r3', 'r1', 'r2']);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(many.length + FINDINGS.length);
  });
  test('empty in, empty out', () => {
    expect(groupFindings([])).toEqual([]);
  });
});
