/** A report with the 2019 single （六）其他处理 row survives a trip through the template file: nothing read is lost. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, parseReportData, type ReportData } from '../../src/core';
import { importPublishedText } from '../../src/core/importText';
import { readWorkbookBytes } from '../../src/xlsx/readWorkbook';
import { writeTemplateWorkbook } from '../../src/xlsx/writeTemplate';
import { corpusPath, testWithCorpus } from '../helpers/corpus';
import { factSet, renderPublished } from '../helpers/publishedText';

/** The numbers of the published fixtures (facts kept in the repo). */
const FIXTURES = path.resolve(__dirname, '../fixtures/reports');

async function roundTrip(report: ReportData): Promise<ReportData> {
  const wb = await writeTemplateWorkbook({ report });
  const read = readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()));
  if (!read.ok) throw new Error(read.error);
  return read.value.report;
}

const ids = (r: ReportData): string[] => checkReport(r).map((f) => `${f.rule}:${f.target}`).sort();

describe('the 2019 single （六） row in a template file', () => {
  test('fixture 002 data: written under table 三, read back, checked the same', async () => {
    const parsed = parseReportData(JSON.parse(readFileSync(path.join(FIXTURES, '002/expected.json'), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const report = parsed.report;
    (report.values as Record<string, number>)['t3.other_combined.natural'] = 3;
    (report.values as Record<string, number>)['t3.other_combined.total'] = 3;
    (report.values as Record<string, number>)['t3.handled_total.natural'] += 3;
    (report.values as Record<string, number>)['t3.handled_total.total'] += 3;
    (report.values as Record<string, number>)['t3.new.natural'] += 3;
    (report.values as Record<string, number>)['t3.new.total'] += 3;
    const back = await roundTrip(report);
    expect(back.values['t3.other_combined.natural']).toBe(3);
    expect(ids(back)).toEqual(ids(report));
    expect(ids(back)).toEqual(['FORMAT-VERSION:t3', 'T4-TOTAL:litigation_after', 'T4-TOTAL:reconsideration']);
  });

  testWithCorpus('an imported published text keeps its combined row through nianbao import -o x.xlsx', ['fixtures/reports/003/source.txt'], async () => {
    const imported = importPublishedText(readFileSync(corpusPath('fixtures/reports/003/source.txt'), 'utf8'));
    const back = await roundTrip(imported.report);
    expect(ids(back)).toEqual(ids(imported.report));
    expect(ids(back).filter((x) => x.startsWith('VALUE-EMPTY'))).toEqual([]);
  });

  test('an imported text our code renders from fixture 003\'s numbers keeps its combined row the same way', async () => {
    const imported = importPublishedText(renderPublished(factSet('reports/003/expected.json'), 'pdf', { seed: 2, leadIn: false }));
    expect(imported.format).toBe('2019');
    const back = await roundTrip(imported.report);
    expect(ids(back)).toEqual(ids(imported.report));
    expect(ids(back)).toContain('FORMAT-VERSION:t3');
    expect(ids(back).filter((x) => x.startsWith('VALUE-EMPTY'))).toEqual([]);
  });

  test('a report without it gets no extra row', async () => {
    const parsed = parseReportData(JSON.parse(readFileSync(path.join(FIXTURES, '001/expected.json'), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const wb = await writeTemplateWorkbook({ report: parsed.report });
    expect(wb.getWorksheet('表三')?.rowCount).toBe(29);
  });
});
