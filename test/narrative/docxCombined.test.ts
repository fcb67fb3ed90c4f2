/** A report with the 2019 single （六）其他处理 row: the .docx leaves the three rows blank and says what to split. */
import JSZip from 'jszip';
import * as path from 'node:path';
import { draftNarrative } from '../../src/core';
import { draftToDocx } from '../../src/docx';
import { FACTS, loadReport } from './seedText';

async function documentText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('.docx of a report with a combined （六） row', () => {
  test('fixture 002 gets a highlighted note with the combined figures; a 2021 report does not', async () => {
    const combined = loadReport(path.join(FACTS, 'reports/002/expected.json'));
    (combined.values as Record<string, number>)['t3.other_combined.natural'] = 2;
    (combined.values as Record<string, number>)['t3.other_combined.total'] = 2;
    const text = await documentText(await draftToDocx(draftNarrative(combined)));
    expect(text).toContain('【请补充：原表三“（六）其他处理”按2019年试行格式合并为一行填报（合计2件，其中自然人2件）');
    const normal = loadReport(path.join(FACTS, 'reports/001/expected.json'));
    expect(await documentText(await draftToDocx(draftNarrative(normal)))).not.toContain('2019年试行格式');
  });
});
