/**
 * 导入已发布报告 in the pane's services, on report texts our own code renders in the published layouts (repo only;
 * the same on the published texts themselves is in documents.test.ts, where the corpus is present).
 */
import { factSet, renderPublished, renderedCases } from '../helpers/publishedText';
import { addressOf, closeAll, setup } from './setup';

afterAll(closeAll);

describe('导入已发布报告 (rendered texts)', () => {
  test.each(renderedCases().filter((c) => c.name.startsWith('seed 000')).map((c) => [c.layout, c.text] as const))(
    'the core importer reads a %s text into the workbook',
    async (_layout, text) => {
      const { services, model } = await setup();
      await services.installTemplate();
      const out = await services.importPublished(text, 'current');
      expect(out.filled).toBeGreaterThan(100);
      expect(model.getValue('表三', addressOf('t3.new.total').a1)).toBe(factSet('seeds/000.json').values['t3.new.total']);
      expect(model.getValue('表二', addressOf('t2.normative.repealed').a1)).toBe(11);
    },
  );

  test('a 2019-style single （六） row is not dropped in silence: its figures come back as a finding', async () => {
    // Fixture 002's numbers with two applications in its single （六） row.
    const report = factSet('reports/002/expected.json');
    const values = report.values as Record<string, number>;
    for (const key of ['t3.other_combined.natural', 't3.other_combined.total']) values[key] = 2;
    for (const key of ['t3.new.natural', 't3.new.total', 't3.handled_total.natural', 't3.handled_total.total']) values[key] += 2;
    const { services, model } = await setup();
    await services.installTemplate();
    const out = await services.importPublished(renderPublished(report, 'pdf', { seed: 5, leadIn: false }), 'current');
    const f = out.findings.find((x) => x.rule === 'FORMAT-VERSION');
    expect(f).toMatchObject({ target: 't3', code: 'other-combined-import' });
    expect(f?.message).toContain('（合计 2 件，其中自然人 2 件）');
    expect(f?.message).toContain('导入时无法拆分');
    expect(model.getValue('表三', addressOf('t3.other_other.total').a1)).toBe('');
  });
});
