import type { ReportData } from '../../src/core';
import type { DraftFunction } from '../../src/excel/documents';
import { NARRATIVE_SHEET } from '../../src/excel/workbook';
import { corpusPath, testWithCorpus } from '../helpers/corpus';
import { addressOf, closeAll, fillClean, put, setup } from './setup';

afterAll(closeAll);

const draft: DraftFunction = (report: ReportData) => ({
  sections: [
    { id: 'opening', title: '前言', sentences: [{ text: `${String(report.meta.body)}发布年度报告。`, keys: ['meta.body'] }] },
    { id: '一（二）', title: '（二）依申请公开', sentences: [{ text: `共收到申请${String(report.values['t3.new.total'])}件。`, keys: ['t3.new.total'] }] },
  ],
});

describe('生成报告正文', () => {
  test('one row per sentence with the cells it used; edited sentences are not overwritten unless forced', async () => {
    const { model, services } = await setup('1.18', { draft });
    await services.installTemplate();
    fillClean(model);
    put(model, 't3.new.total', 4);
    const first = await services.draftNarrative({ force: false });
    expect(first.written).toBe(true);
    expect(first.text).toContain('共收到申请4件。');
    expect(model.getValue(NARRATIVE_SHEET, 'B3')).toBe('共收到申请4件。');
    const at = addressOf('t3.new.total');
    expect(model.getValue(NARRATIVE_SHEET, 'C3')).toBe(`${at.sheet}!${at.a1}`);

    model.setValue(NARRATIVE_SHEET, 'B3', '共收到申请4件，均已办结。');
    put(model, 't3.new.total', 5);
    const second = await services.draftNarrative({ force: false });
    expect(second).toMatchObject({ written: false, editedSections: ['一（二）'] });
    expect(model.getValue(NARRATIVE_SHEET, 'B3')).toBe('共收到申请4件，均已办结。');

    const forced = await services.draftNarrative({ force: true });
    expect(forced.written).toBe(true);
    expect(model.getValue(NARRATIVE_SHEET, 'B3')).toBe('共收到申请5件。');
  });

  test('the core drafting runs on a template workbook', async () => {
    const { model, services } = await setup();
    await services.installTemplate();
    fillClean(model);
    const out = await services.draftNarrative({ force: false });
    expect(out.written).toBe(true);
    expect(out.sections.length).toBeGreaterThan(3);
    expect(out.text).toContain('沙坡头区香山乡人民政府');
  });
});

describe('导入已发布报告', () => {
  test('fills empty cells only; a user value is kept and named', async () => {
    const importText = (): { report: ReportData; findings: [] } => ({
      report: { meta: { body: '某局', year: 2023 }, values: { 't3.new.natural': 4, 't3.new.total': 4, 't2.fees': 7730.28 } },
      findings: [],
    });
    const { model, services } = await setup('1.18', { importText });
    await services.installTemplate();
    put(model, 't3.new.total', 9);
    const out = await services.importPublished('…', 'current');
    expect(out.filled).toBe(4);
    expect(out.keptUserValues).toEqual([expect.stringContaining('表三')]);
    expect(model.getValue('表三', addressOf('t3.new.natural').a1)).toBe(4);
    expect(model.getValue('表三', addressOf('t3.new.total').a1)).toBe(9);
    expect(model.getValue('表二', addressOf('t2.fees').a1)).toBe(7730.28);

    const prev = await services.importPublished('…', 'previous');
    expect(prev.target).toBe('previous');
    expect(model.getValue('上年数据', addressOf('prev.t3.new.total').a1)).toBe(4);
  });

  testWithCorpus('the core importer reads a published text into the workbook', ['seeds'], async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = corpusPath('seeds');
    const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
    if (!file) throw new Error('no seed text');
    const { services, model } = await setup();
    await services.installTemplate();
    const out = await services.importPublished(readFileSync(`${dir}/${file}`, 'utf8'), 'current');
    expect(out.filled).toBeGreaterThan(100);
    expect(typeof model.getValue('表三', addressOf('t3.new.total').a1)).toBe('number');
  });

  testWithCorpus('a 2019-style single （六） row is not dropped in silence: its figures come back as a finding', ['fixtures/reports/002/source.txt'], async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(corpusPath('fixtures/reports/002/source.txt'), 'utf8');
    const { services, model } = await setup();
    await services.installTemplate();
    const out = await services.importPublished(text, 'current');
    const f = out.findings.find((x) => x.rule === 'FORMAT-VERSION');
    expect(f).toMatchObject({ target: 't3', code: 'other-combined-import' });
    expect(f?.message).toContain('（合计 0 件）');
    expect(f?.message).toContain('导入时无法拆分');
    expect(model.getValue('表三', addressOf('t3.other_other.total').a1)).toBe('');
  });
});
