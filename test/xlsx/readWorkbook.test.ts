/** Reading received workbooks: through our names, through the official labels, and saying what is missing. */
import ExcelJS from 'exceljs';
import { TABLE_KEYS } from '../../src/spec';
import { checkReport, workbookName } from '../../src/core';
import { dropUnlocatedValueFindings, isNotLocated, readWorkbookBytes } from '../../src/xlsx/readWorkbook';
import { handMadeBuffer, soundReport, templateBuffer, toBuffer } from './make';

async function read(buf: Buffer) {
  const r = readWorkbookBytes(buf);
  if (!r.ok) throw new Error(r.error);
  return { ...r.value, findings: r.value.findings ?? [] };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function tableValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(TABLE_KEYS.map((k) => [k, values[k] ?? null]));
}

describe('readWorkbook', () => {
  const report = soundReport();

  test('a template-made workbook is read through its names, every figure and the meta', async () => {
    const r = await read(await templateBuffer(report));
    expect(tableValues(r.report.values)).toEqual(tableValues(report.values));
    expect(r.report.meta).toMatchObject({ body: '淮安市人民政府', year: 2024, level: 'city_gov', kind: 'own' });
    expect(r.addresses?.get('t3.new.natural')).toBe('表三!D5');
    expect(r.findings).toEqual([]);
    expect(checkReport(r.report)).toEqual([]);
  });

  test('names are followed, not positions: a name moved to another cell is read from there', async () => {
    const workbook = await load(await templateBuffer(report));
    const ws = workbook.getWorksheet('表三');
    ws!.getCell('L40').value = 4242;
    const dn = workbook.definedNames as unknown as { matrixMap: Record<string, unknown> };
    delete dn.matrixMap[workbookName('t3.new.natural')];
    workbook.definedNames.add("'表三'!$L$40", workbookName('t3.new.natural'));
    const r = await read(await toBuffer(workbook));
    expect(r.report.values['t3.new.natural']).toBe(4242);
    expect(r.addresses?.get('t3.new.natural')).toBe('表三!L40');
  });

  test('a template whose names were lost is read by its labels, with the same figures', async () => {
    const workbook = await load(await templateBuffer(report));
    (workbook.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
    const r = await read(await toBuffer(workbook));
    expect(r.findings).toEqual([]);
    expect(tableValues(r.report.values)).toEqual(tableValues(report.values));
    expect(r.addresses?.get('t3.new.natural')).toBe('表三!D5');
  });

  test.each([
    ['all tables on one sheet', {}],
    ['shifted by 3 rows and 2 columns', { shift: { rows: 3, cols: 2 } }],
    ['one sheet per table', { sheets: true }],
    ['label variants: typos, 规范性文件, 1、, half-width brackets', { variants: true }],
  ])('a hand-made workbook (%s) is read by its labels', async (_name, options) => {
    const r = await read(await handMadeBuffer(report, options));
    expect(r.findings.map((f) => f.message)).toEqual([]);
    expect(tableValues(r.report.values)).toEqual(tableValues(report.values));
    expect(r.report.meta).toMatchObject({ body: '淮安市人民政府', year: 2024 });
  });

  test('a missing table-三 row is a STRUCTURE finding naming it; its cells are not guessed as 0', async () => {
    const r = await read(await handMadeBuffer(report, { dropRow: 'refused_case_file' }));
    const structure = r.findings.filter((f) => f.rule === 'STRUCTURE');
    expect(structure.map((f) => f.target)).toEqual(['t3.refused_case_file']);
    expect(structure[0].message).toContain('7.属于行政执法案卷');
    expect(isNotLocated(r.report.values['t3.refused_case_file.total'])).toBe(true);
    // The other rows still line up (no shift onto the wrong row).
    expect(r.report.values['t3.refused_query.total']).toBe(report.values['t3.refused_query.total']);
    const findings = dropUnlocatedValueFindings(checkReport(r.report), r.report);
    expect(findings.filter((f) => f.rule.startsWith('VALUE-'))).toEqual([]);
    // T3-HANDLED needs the missing row: not evaluated rather than evaluated with a 0.
    expect(findings.filter((f) => f.rule === 'T3-HANDLED')).toEqual([]);
  });

  test('a workbook without table 四 says so', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写的表格';
    const r = await read(await toBuffer(wb));
    expect(r.findings.map((f) => f.target).sort()).toEqual(expect.arrayContaining(['t2.regulations', 't3', 't4']));
    expect(r.findings.find((f) => f.target === 't4')?.message).toContain('找不到表四');
  });

  test('table 二 in the 2019 trial layout is named FORMAT-VERSION and not read as 2021', async () => {
    const r = await read(await handMadeBuffer(report, { t2Of2019: true }));
    const f = r.findings.find((x) => x.rule === 'FORMAT-VERSION');
    expect(f?.target).toBe('t2');
    expect(f?.message).toContain('2019 年试行格式');
    expect(r.format).toBe('2019');
    expect(isNotLocated(r.report.values['t2.regulations.issued'])).toBe(true);
  });

  test('（六）其他处理 as one 2019 row is read into the combined row and reported by the core', async () => {
    const r = await read(await handMadeBuffer(report, { otherCombined: [1, 0, 0, 0, 0, 0, 1] }));
    expect(r.report.values['t3.other_combined.natural']).toBe(1);
    expect(r.findings.filter((f) => f.rule === 'STRUCTURE')).toEqual([]);
    const findings = checkReport(r.report);
    expect(findings.find((f) => f.rule === 'FORMAT-VERSION')?.code).toBe('other-combined');
  });

  test('explanations (说明) come from the 核实说明 sheet', async () => {
    const r = await read(await templateBuffer(report, [{ rule: 'YOY-IN-FORCE', target: 'normative', text: '清理后宣布失效 30 件' }]));
    expect(r.explanations?.get('YOY-IN-FORCE:normative')).toBe('清理后宣布失效 30 件');
  });

  test('last year\'s figures come from the 上年数据 sheet', async () => {
    const r = await read(await templateBuffer({ ...report, prev: { 't3.carried_out.total': 5 } }));
    expect(r.report.prev).toEqual({ 't3.carried_out.total': 5 });
  });

  test('formula cells: the cached result is read; without one the cell is reported, never taken as 0', async () => {
    const workbook = await load(await templateBuffer(report));
    const ws = workbook.getWorksheet('表三')!;
    ws.getCell('J5').value = { formula: 'SUM(D5:I5)', result: report.values['t3.new.total'] as number } as ExcelJS.CellFormulaValue;
    ws.getCell('J6').value = { formula: 'SUM(D6:I6)' } as ExcelJS.CellFormulaValue;
    const r = await read(await toBuffer(workbook));
    expect(r.report.values['t3.new.total']).toBe(report.values['t3.new.total']);
    const f = checkReport(r.report).find((x) => x.target === 't3.carried_in.total');
    expect(f?.rule).toBe('VALUE-COUNT');
    expect(f?.message).toContain('公式没有计算结果');
  });

  test('text, placeholders and negatives in cells are kept as found and reported', async () => {
    const r = await read(await handMadeBuffer({ ...report, values: { ...report.values, 't3.new.natural': '三', 't2.licensing': '/', 't4.reconsideration.upheld': -1 } }));
    const f = checkReport(r.report);
    expect(f.find((x) => x.target === 't3.new.natural')?.rule).toBe('VALUE-COUNT');
    expect(f.find((x) => x.target === 't2.licensing')?.rule).toBe('VALUE-EMPTY');
    expect(f.find((x) => x.target === 't4.reconsideration.upheld')?.message).toContain('负数');
  });
});
