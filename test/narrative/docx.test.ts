/**
 * The .docx opens in LibreOffice and converts to PDF; its first pages are kept as PNG under test-output/narrative/
 * for a person to look at. The PDF's text proves title, sections, tables and numbers are there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { draftNarrative } from '../../src/core';
import { draftToDocx } from '../../src/docx';
import { describeWithPrograms } from '../helpers/system';
import { FACTS, ROOT, loadReport } from './seedText';

const OUT = path.join(ROOT, 'test-output/narrative');

describeWithPrograms('draft .docx in LibreOffice', ['soffice', 'pdftoppm', 'pdftotext'], 'apt-get install -y libreoffice-writer poppler-utils', () => {
  test('fixture 001 (淮安市, many cases): PDF text and PNG pages', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const report = loadReport(path.join(FACTS, 'reports/001/expected.json'));
    const docx = path.join(OUT, 'draft-001.docx');
    writeFileSync(docx, await draftToDocx(draftNarrative(report)));
    const profile = path.join(OUT, '.lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { timeout: 180000, stdio: 'pipe' });
    const pdf = path.join(OUT, 'draft-001.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('淮安市人民政府2024年政府信息公开工作年度报告');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(text).toContain(heading);
    }
    // Table headers as the official format prints them, and figures of each table.
    for (const cell of ['第二十条第（一）项', '本年制发件数', '申请人情况', '法人或其他组织', '（七）总计', '未经复议直接起诉', '复议后起诉', '447228', '3119', '3050', '351']) {
      expect(text).toContain(cell);
    }
    expect(text).toContain('【请补充：');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '5', pdf, path.join(OUT, 'draft-001-page')]);
    const pngs = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(4);
    rmSync(profile, { recursive: true, force: true });
  });
});
