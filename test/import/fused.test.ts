/**
 * Texts that cannot be read as printed: fused digits (split by the row arithmetic and reported as inferred), rows
 * that are ambiguous, missing or overfull (reported, never guessed), the 2019 trial layout of table 二.
 */
import fc from 'fast-check';
import { checkReport, dropUnlocatedValueFindings, isNotLocated, type Finding } from '../../src/core';
import { importPublishedText } from '../../src/core/importText';
import { splitFused, T3_ROW_SUM, T4_GROUP_SUMS } from '../../src/core/importText/split';
import { sampleText } from './sample';

const byTarget = (fs: Finding[], target: string): Finding[] => fs.filter((f) => f.target === target);
const row = (values: Record<string, unknown>, key: string): unknown[] =>
  ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c) => values[`t3.${key}.${c}`]);

describe('a table with fused digits (FORMAT.md §7)', () => {
  // Outcomes: granted 51, partly 10, refused_law 1, unable 19, other 2 = 83 = 81 new + 2 carried in.
  const text = sampleText({
    rows: {
      new: '801000081',
      carried_in: ' 2 0 0 0 0 0 2',
      granted: '501000051',
      partly_granted: ' 10 0 0 0 0 0 10',
      refused_secret: '00000002',
      refused_law: '10000013',
      unable_not_held: ' 19 0 0 0 0 0 19',
      other_other: ' 2 0 0 0 0 0 2',
      handled_total: '821000083',
    },
    t4: '100010000000000',
  });
  // refused_secret ends in "2" then ".其他法律…": the next row's item number fused on with its dot;
  // refused_law ends in "3" then "危及…" without the dot.
  const fixed = text.replace('00000002\n2.其他法律', '00000002.其他法律').replace('10000013\n3.危及', '10000013危及');
  const result = importPublishedText(fixed);

  it('splits each fused row by its arithmetic', () => {
    expect(row(result.report.values, 'new')).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(row(result.report.values, 'granted')).toEqual([50, 1, 0, 0, 0, 0, 51]);
    expect(row(result.report.values, 'refused_secret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(result.report.values, 'refused_law')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(result.report.values, 'handled_total')).toEqual([82, 1, 0, 0, 0, 0, 83]);
    expect(result.report.values['t4.reconsideration.upheld']).toBe(1);
    expect(result.report.values['t4.reconsideration.total']).toBe(1);
  });

  it('reports every inferred split, naming the row, what was found and how it was split', () => {
    const inferred = result.findings.filter((f) => f.code === 'inferred-split');
    expect(inferred.map((f) => f.target).sort()).toEqual(['t3.granted', 't3.handled_total', 't3.new', 't3.refused_law', 't3.refused_secret', 't4'].sort());
    const fNew = byTarget(inferred, 't3.new')[0];
    expect(fNew.rule).toBe('STRUCTURE');
    expect(fNew.message).toContain('801000081');
    expect(fNew.message).toContain('按行合计推断拆分为 80、1、0、0、0、0、81');
    expect(fNew.cells).toContain('t3.new.total');
    expect(byTarget(inferred, 't3.refused_law')[0].message).toContain('末尾的“3”是下一行的序号');
  });

  it('leaves the rows it read as printed alone, and the checks pass on the split numbers', () => {
    expect(row(result.report.values, 'carried_in')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    const arithmetic = checkReport(result.report).filter((f) => f.rule.startsWith('T3-') || f.rule === 'T4-TOTAL');
    expect(arithmetic).toEqual([]);
  });
});

describe('the search for fused cuts', () => {
  it('by totals from the right finds exactly the cuts the row arithmetic accepts, as the full search does', () => {
    const cell = fc.oneof(fc.constant(0), fc.nat({ max: 30 }), fc.nat({ max: 3000 }));
    const row = (groups: number, size: number) =>
      fc.array(fc.array(cell, { minLength: size - 1, maxLength: size - 1 }), { minLength: groups, maxLength: groups }).map((gs) =>
        gs.flatMap((parts) => [...parts, parts.reduce((a, b) => a + b, 0)]),
      );
    const fuse = (values: number[], cuts: boolean[]): string[] => {
      const out: string[] = [];
      values.forEach((v, i) => (i > 0 && !cuts[i % cuts.length] ? (out[out.length - 1] += String(v)) : out.push(String(v))));
      return out;
    };
    for (const [arith, groups, size] of [[T3_ROW_SUM, 1, 7], [T4_GROUP_SUMS, 3, 5]] as const) {
      fc.assert(
        fc.property(row(groups, size), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (values, cuts) => {
          const tokens = fuse(values, cuts);
          const fast = splitFused(tokens, groups * size, arith);
          const full = splitFused(tokens, groups * size, { accept: arith.accept });
          if (full.kind !== 'too-many' && fast.kind !== 'too-many') {
            // The same cuts: the same outcome, the same cut when unique (examples of ambiguity may come in another order).
            expect(fast.kind).toBe(full.kind);
            if (fast.kind === 'unique') expect(fast).toEqual(full);
          }
          if (fast.kind === 'unique') expect(fast.values.map(Number)).toEqual(values);
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('rows that cannot be read', () => {
  it('an ambiguous fused row is a STRUCTURE finding with the readings, and no number is stored', () => {
    expect(splitFused(['110000011'], 7, T3_ROW_SUM).kind).toBe('ambiguous');
    const result = importPublishedText(sampleText({ rows: { carried_in: ' 110000011' } }));
    const f = byTarget(result.findings, 't3.carried_in');
    expect(f).toHaveLength(1);
    expect(f[0].code).toBe('unreadable');
    expect(f[0].message).toMatch(/多种读法/);
    // Not read is not 0: the cells are marked not located, so no sum is checked with a guessed 0 and no blank reported.
    expect(row(result.report.values, 'carried_in').every(isNotLocated)).toBe(true);
    const checked = dropUnlocatedValueFindings(checkReport(result.report), result.report);
    expect(checked.filter((x) => x.cells.some((c) => c.startsWith('t3.carried_in.')))).toEqual([]);
  });

  it('a row with more numbers than columns is reported, not cut to fit', () => {
    const result = importPublishedText(sampleText({ rows: { granted: ' 1 0 0 0 0 0 1 5' } }));
    expect(byTarget(result.findings, 't3.granted')[0].message).toContain('读到 8 个数');
    expect(isNotLocated(result.report.values['t3.granted.natural'])).toBe(true);
  });

  it('a row with too few numbers and no arithmetic fit is reported', () => {
    const result = importPublishedText(sampleText({ rows: { granted: ' 1 0 0 0 1' } }));
    expect(byTarget(result.findings, 't3.granted')[0].message).toMatch(/只读到 5 个数/);
  });

  it('a missing row is named', () => {
    const result = importPublishedText(sampleText({ omit: ['refused_internal'] }));
    const f = byTarget(result.findings, 't3.refused_internal')[0];
    expect(f.rule).toBe('STRUCTURE');
    expect(f.message).toContain('5.属于三类内部事务信息');
    expect(result.report.values['t3.refused_process.total']).toBe(0);
  });

  it('an unrecognisable label does not hand its numbers to the row above', () => {
    const text = sampleText().replace('5.属于三类内部事务信息', '5.某某某某');
    const result = importPublishedText(text);
    expect(byTarget(result.findings, 't3.refused_internal')).toHaveLength(1);
    expect(byTarget(result.findings, 't3.refused_third_party')[0].message).toContain('夹有其他文字（5.某某某某）');
    expect(isNotLocated(result.report.values['t3.refused_third_party.natural'])).toBe(true);
  });

  it('a text without tables names each missing table and the missing title', () => {
    const result = importPublishedText('这是一段与年报无关的文字，其中有数字 12 和 345。');
    expect(result.findings.map((f) => f.target)).toEqual(expect.arrayContaining(['t2', 't3', 't4', 'meta.body', 'meta.year']));
    expect(Object.keys(result.report.values)).toEqual([]);
  });

  it('placeholders survive as found and are checked as blanks', () => {
    const result = importPublishedText(sampleText({ rows: { refused_query: ' / / / / / / /' } }));
    expect(result.report.values['t3.refused_query.natural']).toBe('/');
    const empty = checkReport(result.report).filter((f) => f.rule === 'VALUE-EMPTY' && f.target.startsWith('t3.refused_query.'));
    expect(empty).toHaveLength(7);
  });
});

describe('table 二 in the 2019 trial layout', () => {
  const t2 = [
    '第二十条第（一）项',
    '信息内容 本年新制作数量 本年新公开数量 对外公开总数量',
    '规章 0 0 0',
    '规范性文件 4 4 30',
    '第二十条第（五）项',
    '信息内容 上一年项目数量 本年增/减 处理决定数量',
    '行政许可 35 -2 980',
    '其他对外管理服务事项 12 0 40',
    '第二十条第（六）项',
    '信息内容 上一年项目数量 本年增/减 处理决定数量',
    '行政处罚 20 3 150',
    '行政强制 5 0 7',
    '第二十条第（八）项',
    '信息内容 上一年项目数量 本年增/减',
    '行政事业性收费 6 -1',
    '第二十条第（九）项',
    '信息内容 采购项目数量 采购总金额',
    '政府集中采购 15 230.5',
  ].join('\n');
  const result = importPublishedText(sampleText({ t2 }));

  it('is recognised and reported as FORMAT-VERSION for table 二', () => {
    const f = result.findings.filter((x) => x.rule === 'FORMAT-VERSION');
    expect(f).toHaveLength(1);
    expect(f[0].target).toBe('t2');
    expect(f[0].message).toContain('2019 年试行格式');
    expect(result.format).toBe('2019');
  });

  it('reads only the numbers that mean the same in 2021 (处理决定数量)', () => {
    expect(result.report.values['t2.licensing']).toBe(980);
    expect(result.report.values['t2.punishment']).toBe(150);
    expect(result.report.values['t2.enforcement']).toBe(7);
    for (const k of ['t2.regulations.issued', 't2.normative.issued', 't2.normative.in_force', 't2.fees']) expect(result.report.values[k]).toBeUndefined();
  });

  it('a 2021 table 二 is not taken for the trial layout', () => {
    const plain = importPublishedText(sampleText());
    expect(plain.findings).toEqual([]);
    expect(plain.format).toBe('2021');
    expect(plain.report.values['t2.normative.in_force']).toBe(20);
    expect(plain.report.values['t2.fees']).toBe(12.5);
    expect(plain.report.values['fee.collected']).toBe(0);
  });
});
