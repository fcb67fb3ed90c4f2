import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TABLE_KEYS } from '../../src/spec';
import { checkNarrative, checkReport, draftNarrative, normaliseNarrative, readSentence, splitSentences, type ReportData } from '../../src/core';
import { describeWithCorpus, corpusPath, testWithCorpus } from '../helpers/corpus';
import { FACTS, ROOT, SEED_TEXTS, loadReport, publishedNarrative, seedFile } from './seedText';

const fixture = (n: string): ReportData => loadReport(path.join(FACTS, 'reports', n, 'expected.json'));
const fixtureText = (n: string): string => readFileSync(corpusPath(`fixtures/reports/${n}/source.txt`), 'utf8');
/** The published texts these tests read (corpus beside the repo). */
const PUBLISHED = [SEED_TEXTS['000'], SEED_TEXTS['004'], ...['001', '002', '003'].map((n) => `fixtures/reports/${n}/source.txt`), 'fixtures/reports/001/notes.json'];
const seed = (n: '000' | '004'): ReportData => loadReport(path.join(ROOT, 'test/fixtures/seeds', `${n}.json`));

/** What the checker reads in a text: `key(+key) = value` per stated quantity. */
function readings(narrative: Record<string, string>, year = 2024): string[] {
  return Object.values(narrative).flatMap((t) =>
    splitSentences(normaliseNarrative(t)).flatMap((s) => readSentence(s, year).map((r) => `${r.keys.join('+')}=${r.value}`)),
  );
}

describeWithCorpus('the seeds\' and fixtures\' own narratives', PUBLISHED, () => {
  test('seed 000: 本年度废止1件 against 本年废止件数 11 — the one disagreement', () => {
    const findings = checkNarrative({ ...seed('000'), narrative: publishedNarrative(seedFile('000')) });
    expect(findings.map((f) => [f.rule, f.target, f.expected, f.actual, f.severity])).toEqual([['TEXT-NUMBER', 't2.normative.repealed', 11, 1, 'warning']]);
    expect(findings[0].detail).toContain('本年度废止1件');
    expect(findings[0].message).toContain('表二「行政规范性文件 / 本年废止件数」');
    expect(findings[0].message).toContain('11');
  });

  test('seed 000: what it reads, and what it leaves alone (行政规范性文件 11 条 are published items, 宣布失效 has no cell)', () => {
    const read = readings(publishedNarrative(seedFile('000')));
    expect(read).toEqual(
      expect.arrayContaining(['t3.new.total=3', 't3.partly_granted.total=1', 't3.refused_law.total=1', 't2.normative.repealed=1', 't2.normative.in_force=24']),
    );
    expect(read.some((r) => r.endsWith('=11') || r.endsWith('=9'))).toBe(false);
  });

  test('seed 004: zero statements agree with a table of zeros', () => {
    const narrative = publishedNarrative(seedFile('004'));
    expect(readings(narrative)).toEqual([
      't3.new.total=0',
      't4.reconsideration.total=0',
      't4.litigation_direct.total+t4.litigation_after.total=0',
    ]);
    expect(checkNarrative({ ...seed('004'), narrative })).toEqual([]);
  });

  test('fixture 001: every number its notes list is read (litigation as direct + after) and agrees', () => {
    const narrative = publishedNarrative(fixtureText('001'));
    const read = readings(narrative);
    const notes = JSON.parse(readFileSync(corpusPath('fixtures/reports/001/notes.json'), 'utf8')) as { narrative_numbers: { quote: string }[] };
    const quoted = notes.narrative_numbers.map((n) => Number(/(\d+)\s*件/.exec(n.quote)?.[1]));
    expect(read.map((r) => Number(r.split('=')[1])).sort((a, b) => a - b)).toEqual(quoted.sort((a, b) => a - b));
    expect(read).toContain('t4.litigation_direct.total+t4.litigation_after.total=46');
    expect(read).toContain('t3.carried_out.total=103');
    expect(checkNarrative({ ...fixture('001'), narrative })).toEqual([]);
  });

  test('fixture 002: 全区受理…21件 agrees', () => {
    const narrative = publishedNarrative(fixtureText('002'));
    expect(readings(narrative, 2023)).toEqual(['t3.new.total=21']);
    expect(checkNarrative({ ...fixture('002'), narrative })).toEqual([]);
  });

  test('fixture 003: 区政府办代表区政府受理…17件 is another scope, not the table\'s 95', () => {
    const narrative = publishedNarrative(fixtureText('003'));
    expect(readings(narrative)).toEqual([]);
    expect(checkNarrative({ ...fixture('003'), narrative })).toEqual([]);
  });
});

describe('reading sentences', () => {
  const base = (): ReportData => {
    const values: Record<string, number> = {};
    for (const k of TABLE_KEYS) values[k] = 0;
    return { meta: { body: '某局', year: 2024 }, values: { ...values, 't3.new.total': 5, 't3.handled_total.total': 5, 't3.granted.total': 5, 't4.reconsideration.total': 2, 't4.reconsideration.upheld': 2 } };
  };
  const check = (text: string): Array<[string, unknown, unknown]> =>
    checkNarrative({ ...base(), narrative: { 一: text } }).map((f) => [f.target, f.expected, f.actual]);

  test('a wrong count is found and the sentence quoted', () => {
    const f = checkNarrative({ ...base(), narrative: { 一: '2024年，共受理政府信息公开申请3件，均已按时答复。' } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'TEXT-NUMBER', target: 't3.new.total', cells: ['t3.new.total'], expected: 5, actual: 3 });
    expect(f[0].detail).toBe('2024年，共受理政府信息公开申请3件，均已按时答复');
  });

  test('"nothing happened" against a table that has cases', () => {
    expect(check('本年度未收到政府信息公开申请。')).toEqual([['t3.new.total', 5, 0]]);
    expect(check('本年度未发生因政府信息公开引起的行政复议、行政诉讼。')).toEqual([['t4.reconsideration.total', 2, 0]]);
    const f = checkNarrative({ ...base(), narrative: { 一: '本年度未收到政府信息公开申请。' } });
    expect(f[0].code).toBe('zero-statement');
    expect(f[0].message).toContain('说没有发生');
  });

  test('outcome words follow the subject named before them (其中结果维持 under 行政复议)', () => {
    expect(check('因政府信息公开引起行政复议2件，其中结果维持1件、结果纠正1件。')).toEqual([
      ['t4.reconsideration.upheld', 2, 1],
      ['t4.reconsideration.corrected', 0, 1],
    ]);
  });

  test('changes, last year, other years, approximations and other scopes are not table figures', () => {
    expect(check('共收到申请5件，较上年增加3件，增长150%。')).toEqual([]);
    expect(check('上年受理政府信息公开申请9件。')).toEqual([]);
    expect(check('2023年受理政府信息公开申请9件。')).toEqual([]);
    expect(check('共受理政府信息公开申请近9件。')).toEqual([]);
    expect(check('区政府办代表区政府受理政府信息公开申请17件。')).toEqual([]);
    expect(check('各部门共受理政府信息公开申请40件，办结38件。')).toEqual([]);
    expect(check('其中通过网上平台受理申请2件。')).toEqual([]);
  });

  test('units other than 件 and subjects the tables do not have are left alone', () => {
    expect(check('主动公开政府信息1374条，发布政策性文件11件，政策解读21个。')).toEqual([]);
    expect(check('申请人撤销申请1件。')).toEqual([]);
    expect(check('发布政策文件80条，行政规范性文件11条。')).toEqual([]);
  });

  test('full-width digits and PDF line breaks are read', () => {
    expect(check('共受理政府信息公开申\n请 ３ 件。')).toEqual([['t3.new.total', 5, 3]]);
  });

  test('a cell that is not a number is not compared', () => {
    const r = base();
    r.values['t3.new.total'] = '/x';
    expect(checkNarrative({ ...r, narrative: { 一: '共受理政府信息公开申请3件。' } })).toEqual([]);
  });

  test('sums: 不予公开 over its eight rows, 法人或其他组织 over five columns, message names the group', () => {
    const r = base();
    r.values['t3.refused_secret.total'] = 1;
    r.values['t3.refused_process.total'] = 2;
    const f = checkNarrative({ ...r, narrative: { 一: '共收到申请5件，不予公开2件。' } });
    expect(f.map((x) => [x.expected, x.actual, x.cells.length])).toEqual([[3, 2, 8]]);
    expect(f[0].message).toContain('表三「（三）不予公开」各项之和');
  });

  testWithCorpus('checkReport includes TEXT-NUMBER when the report has a narrative', [SEED_TEXTS['000']], () => {
    const r = { ...seed('000'), narrative: publishedNarrative(seedFile('000')) };
    expect(checkReport(r).filter((f) => f.rule === 'TEXT-NUMBER').map((f) => f.target)).toEqual(['t2.normative.repealed']);
    expect(checkReport(seed('000')).some((f) => f.rule === 'TEXT-NUMBER')).toBe(false);
  });

  test('checkReport includes TEXT-NUMBER when the report has a narrative (our draft of seed 000, one figure retyped)', () => {
    const draft = draftNarrative(seed('000'));
    const narrative = Object.fromEntries(draft.sections.map((s) => [s.id, s.sentences.map((x) => x.text).join('')]));
    expect(checkReport({ ...seed('000'), narrative }).some((f) => f.rule === 'TEXT-NUMBER')).toBe(false);
    const retyped = Object.fromEntries(Object.entries(narrative).map(([id, t]) => [id, t.replace('废止行政规范性文件11件', '废止行政规范性文件1件')]));
    expect(retyped).not.toEqual(narrative);
    const found = checkReport({ ...seed('000'), narrative: retyped }).filter((f) => f.rule === 'TEXT-NUMBER');
    expect(found.map((f) => [f.target, f.expected, f.actual])).toEqual([['t2.normative.repealed', 11, 1]]);
    expect(found[0].detail).toContain('废止行政规范性文件1件');
  });
});
