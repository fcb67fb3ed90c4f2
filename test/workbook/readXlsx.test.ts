/**
 * The bounded .xlsx reader: cells read exactly as spreadsheet programs save them, what cannot be read exactly named,
 * and hostile files refused by their bound, whatever the file claims.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KEY_POSITIONS } from '../../src/spec';
import { checkReport, toA1, type Finding } from '../../src/core';
import { LIMITS, isDateFormatCode, parseSheet, readXlsxBytes, type ReadXlsxOptions } from '../../src/workbook';
import { loadWorkbookForWriting } from '../../src/xlsx/readWorkbook';
import { soundReport, templateBuffer } from '../xlsx/make';
import { editParts, inline, num, partsOf, rawXlsx, replaceCell, sheetPartName, storedZip } from './rawXlsx';

function read(buf: Buffer, options?: ReadXlsxOptions) {
  const r = readXlsxBytes(buf, options);
  if (!r.ok) throw new Error(r.error);
  return { ...r.value, findings: r.value.findings ?? [] };
}

function refusal(buf: Buffer): string {
  const r = readXlsxBytes(buf);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** The template's A1 address and sheet of a key. */
function at(key: string): { sheet: string; ref: string } {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(key);
  return { sheet: pos.sheet.name, ref: toA1(pos.row, pos.col) };
}

/** The template workbook of a sound report with one cell's XML replaced. */
async function withCell(key: string, cell: (ref: string) => string, report = soundReport()): Promise<Buffer> {
  const { sheet, ref } = at(key);
  return editParts(await templateBuffer(report), (parts) => {
    const name = sheetPartName(parts, sheet);
    parts.set(name, Buffer.from(replaceCell((parts.get(name) as Buffer).toString('utf8'), ref, cell(ref))));
  });
}

const finding = (findings: Finding[], target: string): Finding | undefined => findings.find((f) => f.target === target);

describe('cells are read as saved', () => {
  test('a formula whose cached result is 0 reads 0 (exceljs drops a cached 0)', async () => {
    const report = soundReport();
    report.values['t4.litigation_direct.total'] = 0;
    ['upheld', 'corrected', 'other', 'pending'].forEach((o) => (report.values[`t4.litigation_direct.${o}`] = 0));
    const buf = await withCell('t4.litigation_direct.total', (ref) => `<c r="${ref}"><f>SUM(A1:A2)</f><v>0</v></c>`, report);
    const r = read(buf);
    expect(r.report.values['t4.litigation_direct.total']).toBe(0);
    expect(checkReport(r.report)).toEqual([]);
  });

  test('a formula without a cached result is reported, never taken as 0', async () => {
    const r = read(await withCell('t3.new.total', (ref) => `<c r="${ref}"><f>SUM(D5:I5)</f></c>`));
    const f = finding(checkReport(r.report), 't3.new.total');
    expect(f?.rule).toBe('VALUE-COUNT');
    expect(f?.message).toContain('公式没有计算结果');
  });

  test('a date cell (t="d") is a date, not the year 2024', async () => {
    const r = read(await withCell('t3.new.natural', (ref) => `<c r="${ref}" t="d"><v>2024-03-01T00:00:00</v></c>`));
    const f = finding(checkReport(r.report), 't3.new.natural');
    expect(f?.rule).toBe('VALUE-COUNT');
    expect(f?.code).toBe('date');
    expect(f?.message).toContain('2024-03-01');
  });

  test('a number in a date format is a date; other formats stay numbers', () => {
    const parsed = parseSheet(`<sheetData><row r="1">${num('A1', 45352, 's="1"')}${num('B1', 7, 's="0"')}</row></sheetData>`, {
      part: 'xl/worksheets/sheet1.xml',
      strings: [],
      dateStyles: new Set([1]),
      date1904: false,
      budget: { cells: 0 },
    });
    expect(parsed.cells.map((c) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value))).toEqual(['2024-03-01', 7]);
    expect(['yyyy/m/d', 'yyyy"年"m"月"d"日"', '[h]:mm', 'm月d日'].map(isDateFormatCode)).toEqual([true, true, true, true]);
    expect(['0', '#,##0.00', '0.00_);[Red](0.00)', 'General', '@', '"件"0'].map(isDateFormatCode)).toEqual([false, false, false, false, false, false]);
  });

  test('a number written as hex (0x4) is named, not read as 0 or 4', async () => {
    const r = read(await withCell('t3.new.natural', (ref) => `<c r="${ref}"><v>0x4</v></c>`));
    const f = finding(checkReport(r.report), 't3.new.natural');
    expect(f?.rule).toBe('VALUE-COUNT');
    expect(f?.code).toBe('unreadable');
    expect(f?.message).toContain('0x4');
  });

  test('an unknown cell type is named', async () => {
    const r = read(await withCell('t2.licensing', (ref) => `<c r="${ref}" t="q"><v>5</v></c>`));
    const f = finding(checkReport(r.report), 't2.licensing');
    expect(f?.code).toBe('unreadable');
    expect(f?.message).toContain('类型“q”');
  });

  test('a workbook without its shared strings: the part is named, text cells are unreadable, numbers still read', async () => {
    const report = soundReport();
    report.values['t2.licensing'] = '/';
    const buf = await editParts(await templateBuffer(report), (parts) => parts.delete('xl/sharedStrings.xml'));
    const r = read(buf);
    const part = r.findings.find((f) => f.rule === 'STRUCTURE' && f.target === 'workbook');
    expect(part?.message).toContain('xl/sharedStrings.xml');
    // The unit's name was text: not "5", not a guess.
    expect(r.report.meta.body).toBeUndefined();
    const f = finding(checkReport(r.report), 't2.licensing');
    expect(f?.code).toBe('unreadable');
    expect(r.report.values['t3.new.total']).toBe(report.values['t3.new.total']);
  });

  test('two parts under one name are refused, naming the part', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${num('A1', 1)}</row></sheetData></worksheet>`;
    const entries = [...(await partsOf(await rawXlsx({ sheets: [{ name: 'Sheet1', xml: '' }] })))];
    const dup = storedZip([...entries, ['xl/worksheets/sheet1.xml', sheet]]);
    expect(refusal(dup)).toContain('“xl/worksheets/sheet1.xml”出现了两次');
  });

  test('inline strings, cells without addresses, prefixed elements, rich text, phonetic guides and _xHHHH_ escapes', async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c t="inlineStr"><x:is><x:t>机关名称</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>
      <x:row><x:c t="inlineStr"><x:is><x:r><x:t>报告</x:t></x:r><x:r><x:t>年度</x:t></x:r><x:rPh><x:t>ほうこく</x:t></x:rPh></x:is></x:c><x:c><x:v>2024</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`;
    const buf = await rawXlsx({ sheets: [{ name: '基本信息', xml: sheet }], strings: ['某某区_x000D_财政局'] });
    const r = read(buf);
    expect(r.report.meta.body).toBe('某某区财政局');
    expect(r.report.meta.year).toBe(2024);
  });

  test('a part declaring an external entity is refused as malformed; no file is read', async () => {
    const evil = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', '机关名称')}<c r="B1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;
    const msg = refusal(await rawXlsx({ sheets: [{ name: 'Sheet1', xml: evil }] }));
    expect(msg).toContain('不是有效的 XML');
    expect(msg).not.toContain('root:');
  });
});

describe('bounded work per file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nb-bounds-'));

  test('a defined name over a whole sheet is read at once; rewriting it with exceljs is refused by the bound', async () => {
    const buf = await editParts(await templateBuffer(soundReport()), (parts) => {
      const wb = (parts.get('xl/workbook.xml') as Buffer).toString('utf8');
      parts.set('xl/workbook.xml', Buffer.from(wb.replace('<definedNames>', "<definedNames><definedName name=\"Everything\">'表二'!$A$1:$XFD$1048576</definedName>")));
    });
    const r = read(buf);
    expect(r.report.values['t3.new.total']).toBe(soundReport().values['t3.new.total']);
    const file = path.join(dir, 'name.xlsx');
    writeFileSync(file, buf);
    const loaded = await loadWorkbookForWriting(file);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error).toContain(`超过 ${LIMITS.maxCoveredCells} 个的上限`);
    expect(!loaded.ok && loaded.error).toContain('名称');
  });

  test('one merged area over most of a sheet: read at once, rewriting refused', async () => {
    const { sheet } = at('t2.licensing');
    const buf = await editParts(await templateBuffer(soundReport()), (parts) => {
      const name = sheetPartName(parts, sheet);
      const xml = (parts.get(name) as Buffer).toString('utf8');
      parts.set(name, Buffer.from(xml.replace(/<mergeCells count="\d+">/, '<mergeCells><mergeCell ref="AA1:XFD1000000"/>')));
    });
    expect(read(buf).report.values['t2.licensing']).toBe(soundReport().values['t2.licensing']);
    const file = path.join(dir, 'merge.xlsx');
    writeFileSync(file, buf);
    const loaded = await loadWorkbookForWriting(file);
    expect(!loaded.ok && loaded.error).toContain('合并单元格');
  });

  test('a whole-sheet data validation: rewriting refused by the bound', async () => {
    const buf = await rawXlsx({
      sheets: [{ name: 'Sheet1', xml: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>` }],
    });
    const file = path.join(dir, 'validation.xlsx');
    writeFileSync(file, buf);
    const loaded = await loadWorkbookForWriting(file);
    expect(!loaded.ok && loaded.error).toContain('数据验证');
  });

  test('more cells than the bound: refused, naming the bound', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 60; r += 1) rows.push(`<row r="${r}">${Array.from({ length: 20 }, (_, c) => num(`${String.fromCharCode(65 + c)}${r}`, 1)).join('')}</row>`);
    const buf = await rawXlsx({ sheets: [{ name: 'Sheet1', xml: rows.join('') }] });
    const r = readXlsxBytes(buf, { limits: { ...LIMITS, maxCells: 1000 } });
    expect(!r.ok && r.error).toContain('超过 1000 个');
  });

  test('more merged areas than the bound: refused', async () => {
    const merges = Array.from({ length: 30 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const buf = await rawXlsx({ sheets: [{ name: 'Sheet1', xml: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells>${merges}</mergeCells></worksheet>` }] });
    const r = readXlsxBytes(buf, { limits: { ...LIMITS, maxMerges: 10 } });
    expect(!r.ok && r.error).toContain('合并单元格超过 10 处');
  });
});
