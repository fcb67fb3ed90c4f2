import fc from 'fast-check';
import { KEY_INDEX, NARRATIVE_SECTIONS, TABLE_KEYS, type SectionId } from '../../src/spec';
import { checkNarrative, draftNarrative, draftToMarkdown, draftToText, type Draft, type ReportData } from '../../src/core';

const BASE: ReportData['meta'] = { body: '测试区测试局', year: 2024, level: 'county_dept', kind: 'own' };

/** Every table key 0, then the given figures. */
function report(values: Record<string, number | string | null> = {}, extra: Partial<ReportData> = {}): ReportData {
  const all: Record<string, number | string | null> = {};
  for (const k of TABLE_KEYS) all[k] = 0;
  return { meta: { ...BASE }, values: { ...all, ...values }, ...extra };
}

function section(draft: Draft, id: SectionId): string {
  const s = draft.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s.sentences.map((x) => x.text).join('');
}

function sentenceWith(draft: Draft, text: string): { text: string; keys: string[] } {
  const s = draft.sections.flatMap((x) => x.sentences).find((x) => x.text.includes(text));
  if (!s) throw new Error(`no sentence with ${text}`);
  return s;
}

describe('draftNarrative: structure', () => {
  test('every section of the format, in order, with printed titles', () => {
    const d = draftNarrative(report());
    expect(d.sections.map((s) => s.id)).toEqual(['opening', '一', '一（一）', '一（二）', '一（三）', '一（四）', '一（五）', '二', '三', '四', '五', '六']);
    expect(d.sections.map((s) => s.title).slice(1)).toEqual([
      '一、总体情况', '（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障',
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    expect(d.sections[0].title).toBe('测试区测试局2024年政府信息公开工作年度报告');
    expect(d.sections.filter((s) => s.table).map((s) => [s.id, s.table])).toEqual([['二', 't2'], ['三', 't3'], ['四', 't4']]);
  });

  test('opening states the basis, the period and the title', () => {
    const d = draftNarrative(report());
    const text = section(d, 'opening');
    expect(text).toContain('（国办公开办函〔2021〕30号）');
    expect(text).toContain('现发布《测试区测试局2024年政府信息公开工作年度报告》');
    expect(text).toContain('本报告统计数据从2024年1月1日至2024年12月31日。');
    expect(sentenceWith(d, '统计数据').keys).toEqual(['meta.year']);
  });

  test('missing body and year become visible placeholders, not invented names', () => {
    const d = draftNarrative({ meta: {}, values: {} });
    expect(d.sections[0].title).toBe('【请补充：机关名称】【请补充：年度】年政府信息公开工作年度报告');
  });

  test('qualitative sections are skeletons with marked placeholders', () => {
    const d = draftNarrative(report());
    for (const id of ['一（三）', '一（四）', '一（五）', '五'] as const) {
      const text = section(d, id);
      expect(text).toMatch(/【请补充：[^】]+】/);
      expect(text.replace(/【请补充：[^】]*】/g, '')).not.toMatch(/\d/);
    }
    expect(d.sections.find((s) => s.id === '五')?.sentences.filter((s) => s.paragraph)).toHaveLength(3);
  });

  test('a government body is asked for 考核、评议和责任追究; a department is not', () => {
    expect(section(draftNarrative(report({}, { meta: { ...BASE, level: 'township' } })), '一（五）')).toContain('责任追究');
    expect(section(draftNarrative(report()), '一（五）')).not.toContain('责任追究');
  });

  test('templates are data: other wording without code changes', () => {
    const templates = NARRATIVE_SECTIONS.map((s) =>
      s.id === '六' ? { ...s, blocks: [{ id: 'x', alternatives: [{ when: [{ of: 'fee.collected', is: 'positive' as const }], text: '收取{fee.collected}元。' }] }] } : s,
    );
    const d = draftNarrative(report({ 'fee.collected': 300 }), { templates });
    expect(section(d, '六')).toBe('收取300元。');
  });
});

describe('一（二）依申请公开: zero, one, many', () => {
  test('zero: 本年度未收到政府信息公开申请, no 0件 list', () => {
    const text = section(draftNarrative(report()), '一（二）');
    expect(text).toBe('本年度未收到政府信息公开申请，无上年结转的申请。');
  });

  test('zero new, some carried in', () => {
    const d = draftNarrative(report({ 't3.carried_in.total': 2, 't3.carried_in.natural': 2, 't3.handled_total.total': 2, 't3.granted.total': 2 }));
    const text = section(d, '一（二）');
    expect(text).toContain('本年度未收到新的政府信息公开申请，上年结转政府信息公开申请2件。');
    expect(text).toContain('共办结政府信息公开申请2件，均为予以公开。');
  });

  test('one application: its applicant and its outcome named, no list', () => {
    const d = draftNarrative(report({ 't3.new.total': 1, 't3.new.business': 1, 't3.handled_total.total': 1, 't3.refused_secret.total': 1 }));
    const text = section(d, '一（二）');
    expect(text).toContain('本年度共收到政府信息公开申请1件，为商业企业申请。');
    expect(text).toContain('共办结政府信息公开申请1件，办理结果为不予公开（属于国家秘密）。');
    expect(text).toContain('无结转下年度继续办理的申请。');
    expect(text).not.toMatch(/\D0件/);
  });

  test('many: applicants and outcomes listed without zero items, reasons in brackets', () => {
    const d = draftNarrative(
      report({
        't3.new.total': 12, 't3.new.natural': 10, 't3.new.legal': 2,
        't3.handled_total.total': 11, 't3.granted.total': 6, 't3.partly_granted.total': 1,
        't3.refused_process.total': 1, 't3.refused_third_party.total': 1, 't3.unable_not_held.total': 2,
        't3.carried_out.total': 1,
      }),
    );
    const text = section(d, '一（二）');
    expect(text).toContain('本年度共收到政府信息公开申请12件，其中自然人10件、法律服务机构2件。');
    expect(text).toContain(
      '共办结政府信息公开申请11件，其中予以公开6件，部分公开1件，不予公开2件（保护第三方合法权益1件、属于四类过程性信息1件），无法提供2件（本机关不掌握相关政府信息）。',
    );
    expect(text).toContain('结转下年度继续办理的政府信息公开申请1件。');
    expect(text).not.toMatch(/(?<!\d)0件/);
    const received = sentenceWith(d, '共收到');
    expect(received.keys).toEqual(expect.arrayContaining(['t3.new.total', 't3.new.natural', 't3.new.legal']));
    expect(received.keys).not.toContain('t3.new.business');
  });

  test('a cell that is not a number is never drafted as one: placeholder instead', () => {
    const d = draftNarrative(report({ 't3.new.total': '三' }));
    const text = section(d, '一（二）');
    expect(text).toContain('【请补充：收到政府信息公开申请的件数');
    expect(text).not.toContain('三件');
  });

  test('a report without table values says nothing it cannot know', () => {
    const d = draftNarrative({ meta: BASE, values: {} });
    const text = section(d, '一（二）');
    expect(text).toMatch(/^本年度【请补充：/);
    expect(section(d, '四')).toContain('【请补充：');
  });
});

describe('year on year', () => {
  const withPrev = (now: number, prev: number | undefined): string =>
    section(
      draftNarrative(report({ 't3.new.total': now, 't3.new.natural': now, 't3.handled_total.total': now, 't3.granted.total': now }, prev === undefined ? {} : { prev: { 't3.new.total': prev } })),
      '一（二）',
    );

  test('increase, with the percentage', () => expect(withPrev(12, 10)).toContain('本年度共收到政府信息公开申请12件，较上年增加2件（增长20%），均为自然人申请。'));
  test('decrease, rounded to one decimal', () => expect(withPrev(2, 3)).toContain('共收到政府信息公开申请2件，较上年减少1件（下降33.3%）'));
  test('unchanged', () => expect(withPrev(5, 5)).toContain('5件，与上年持平，'));
  test('from zero: no percentage', () => expect(withPrev(4, 0)).toContain('4件，较上年增加4件，'));
  test('without last year: no comparison', () => expect(withPrev(4, undefined)).not.toContain('上年'));
  test('the sentence records last year\'s key', () => {
    const d = draftNarrative(report({ 't3.new.total': 3, 't3.new.natural': 3 }, { prev: { 't3.new.total': 1 } }));
    expect(sentenceWith(d, '共收到').keys).toEqual(expect.arrayContaining(['t3.new.total', 'prev.t3.new.total']));
  });
});

describe('一（一）主动公开', () => {
  test('optional figures missing: a placeholder, no invented count', () => {
    expect(section(draftNarrative(report()), '一（一）')).toContain('本年度【请补充：主动公开政府信息的条数和主要渠道');
  });

  test('optional figures given: items, channels, interpretations', () => {
    const text = section(
      draftNarrative(report({ 'extra.items_total': 6643, 'extra.items_website': 6218, 'extra.items_new_media': 345, 'extra.interpretations': 85, 'extra.responses': 20 })),
      '一（一）',
    );
    expect(text).toContain('本年度主动公开政府信息6643条，其中政府网站发布6218条，政务新媒体发布345条。');
    expect(text).toContain('开展政策解读85次，回应社会关切20条。');
  });

  test('行政规范性文件: none at all, one, many', () => {
    expect(section(draftNarrative(report()), '一（一）')).toContain('本年度未制发行政规范性文件，无现行有效的行政规范性文件。');
    expect(section(draftNarrative(report({ 't2.normative.issued': 1, 't2.normative.in_force': 5 })), '一（一）')).toContain(
      '本年度制发行政规范性文件1件，未废止行政规范性文件，现行有效行政规范性文件5件。',
    );
    expect(section(draftNarrative(report({ 't2.normative.issued': 9, 't2.normative.repealed': 11, 't2.normative.in_force': 24 })), '一（一）')).toContain(
      '本年度制发行政规范性文件9件，废止行政规范性文件11件，现行有效行政规范性文件24件。',
    );
  });

  test('规章: silent for a body that cannot make them, stated for one that can', () => {
    expect(section(draftNarrative(report()), '一（一）')).not.toContain('规章');
    expect(section(draftNarrative(report({}, { meta: { ...BASE, level: 'city_gov' } })), '一（一）')).toContain('本年度未制定、废止规章');
    expect(section(draftNarrative(report({ 't2.regulations.issued': 1, 't2.regulations.in_force': 11 })), '一（一）')).toContain(
      '本年度制定规章1件，未废止规章，现行有效规章11件。',
    );
  });

  test('decisions listed only when made', () => {
    expect(section(draftNarrative(report()), '一（一）')).not.toContain('决定');
    expect(section(draftNarrative(report({ 't2.punishment': 7 })), '一（一）')).toContain('本年度作出行政处罚决定7件。');
  });
});

describe('四 and 六', () => {
  test('四 none', () => {
    expect(section(draftNarrative(report()), '四')).toBe('本年度未发生因政府信息公开引起的行政复议、行政诉讼。具体情况见下表。');
  });

  test('四 one reconsideration, no litigation', () => {
    const text = section(draftNarrative(report({ 't4.reconsideration.upheld': 1, 't4.reconsideration.total': 1 })), '四');
    expect(text).toContain('本年度因政府信息公开引起行政复议1件，结果维持。');
    expect(text).toContain('本年度未发生因政府信息公开引起的行政诉讼。');
  });

  test('四 many: litigation summed over both kinds', () => {
    const text = section(
      draftNarrative(
        report({
          't4.litigation_direct.upheld': 13, 't4.litigation_direct.pending': 1, 't4.litigation_direct.total': 14,
          't4.litigation_after.upheld': 12, 't4.litigation_after.total': 12,
        }),
      ),
      '四',
    );
    expect(text).toContain('本年度未发生因政府信息公开引起的行政复议。');
    expect(text).toContain('本年度因政府信息公开引起行政诉讼26件，其中结果维持25件、尚未审结1件；按起诉方式分，未经复议直接起诉14件，复议后起诉12件。');
  });

  test('六 no fees, fees notified, fees missing', () => {
    expect(section(draftNarrative(report({ 'fee.notices': 0, 'fee.notified': 0, 'fee.collected': 0 })), '六')).toContain('本年度未发出信息处理费收费通知，未收取信息处理费。');
    expect(section(draftNarrative(report({ 'fee.notices': 2, 'fee.notified': 300, 'fee.collected': 100 })), '六')).toContain(
      '发出收费通知2件，收费通知总金额300元，实际收取信息处理费100元。',
    );
    expect(section(draftNarrative(report()), '六')).toContain('【请补充：信息处理费情况');
  });
});

describe('renderers', () => {
  const d = draftNarrative(report({ 't3.new.total': 2, 't3.new.natural': 2 }));
  test('text: title first, sub-parts run on, tables as grids', () => {
    const text = draftToText(d);
    expect(text.split('\n')[0]).toBe('测试区测试局2024年政府信息公开工作年度报告');
    expect(text).toContain('（二）依申请公开。本年度共收到政府信息公开申请2件');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2/);
  });
  test('markdown: headings and pipe tables', () => {
    const md = draftToMarkdown(d);
    expect(md.startsWith('# 测试区测试局2024年政府信息公开工作年度报告\n')).toBe(true);
    expect(md).toContain('## 四、政府信息公开行政复议、行政诉讼情况');
    expect(md).toContain('| 行政复议 | 0 | 0 | 0 | 0 | 0 |');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: whatever the figures, the draft states only what the table says.

const countArb = fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 3, arbitrary: fc.integer({ min: 2, max: 5000 }) });
const LEVEL_KEYS = ['county_dept', 'county_gov', 'city_gov', 'township', 'provincial_dept'] as const;
const reportArb = fc
  .record({
    values: fc.dictionary(fc.constantFrom(...TABLE_KEYS, 'fee.notices', 'fee.notified', 'fee.collected', 'extra.items_total', 'extra.items_website', 'extra.interpretations'), countArb),
    prev: fc.option(fc.dictionary(fc.constantFrom('t3.new.total', 't2.normative.issued', 't4.reconsideration.total', 'extra.items_total'), countArb), { nil: undefined }),
    level: fc.constantFrom(...LEVEL_KEYS),
  })
  .map(({ values, prev, level }): ReportData => ({ ...report(values), meta: { ...BASE, level }, ...(prev ? { prev } : {}) }));

const draftedNarrative = (d: Draft): Record<string, string> =>
  Object.fromEntries(d.sections.map((s) => [s.id, s.sentences.map((x) => x.text).join('')]));

describe('properties', () => {
  test('drafting then checking the draft gives no TEXT-NUMBER finding', () => {
    fc.assert(
      fc.property(reportArb, (r) => {
        const findings = checkNarrative({ ...r, narrative: draftedNarrative(draftNarrative(r)) });
        expect(findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('no "0件" list item, and every number in a sentence is one of its keys\' values, a year or a change', () => {
    fc.assert(
      fc.property(reportArb, (r) => {
        const d = draftNarrative(r);
        for (const s of d.sections.flatMap((x) => x.sentences)) {
          expect(s.text).not.toMatch(/(?<![\d.])0(件|条|元|次)/);
          const allowed = new Set<string>(['2021', '30', '1', '12', '31', '2024']);
          const vals = s.keys.map((k) => {
            if (k.startsWith('meta.')) return undefined;
            const v = k.startsWith('prev.') ? r.prev?.[k.slice(5)] : r.values[k];
            return typeof v === 'number' ? v : 0;
          });
          const nowVals = s.keys.filter((k) => !k.startsWith('prev.') && !k.startsWith('meta.')).map((k) => Number(r.values[k] ?? 0));
          for (const v of vals) if (v !== undefined) allowed.add(String(v));
          // Sums of the keys (group totals), and changes on last year with their percentages.
          allowed.add(String(nowVals.reduce((a, b) => a + b, 0)));
          for (const m of s.text.matchAll(/\d+(?:\.\d+)?/g)) {
            if (allowed.has(m[0])) continue;
            const ctx = s.text.slice(Math.max(0, (m.index ?? 0) - 6), (m.index ?? 0));
            const derived = /较上年(增加|减少)$|（(增长|下降)$/.test(ctx);
            const partialSum = s.keys.length > 2; // a group's total inside a list sentence
            expect(derived || partialSum).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('every key a sentence records is a known key, last year\'s key or metadata', () => {
    const d = draftNarrative(report({ 't3.new.total': 3, 't3.new.natural': 3, 't4.reconsideration.total': 2, 't4.reconsideration.upheld': 2 }, { prev: { 't3.new.total': 1 } }));
    for (const k of d.sections.flatMap((s) => s.sentences.flatMap((x) => x.keys))) {
      const bare = k.replace(/^prev\./, '');
      expect(k.startsWith('meta.') || KEY_INDEX.has(bare)).toBe(true);
    }
  });
});
