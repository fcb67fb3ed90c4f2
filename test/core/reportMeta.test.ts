/** Who sent a workbook: the unit's name and year from a 填报单位 line, a title, a sheet's name or the file name, in order. */
import { cellsOfRows, findReportMeta, makeSheet, type Grid } from '../../src/core';

function grid(sheets: { name: string; rows: unknown[][]; hidden?: boolean }[]): Grid {
  return { sheets: sheets.map((s) => makeSheet(s.name, s.hidden ?? false, cellsOfRows(s.rows))) };
}

describe('the unit and year of a received workbook', () => {
  test('a 填报单位 line in one cell, with 填报人 and 日期 after it on the same line', () => {
    const g = grid([{ name: 'Sheet1', rows: [['填报单位：沙坡头区财政局（盖章）    填报人：张三    日期：2025年1月10日']] }]);
    expect(findReportMeta(g, {}, '收到的表.xlsx')).toEqual({ body: '沙坡头区财政局', sources: { body: 'unit', year: null } });
  });

  test('the label alone, the name in the next cell; the year from the title', () => {
    const g = grid([{ name: 'Sheet1', rows: [['沙坡头区财政局2024年政府信息公开工作年度报告统计表'], ['填报单位', '', '沙坡头区财政局']] }]);
    expect(findReportMeta(g, {})).toEqual({ body: '沙坡头区财政局', year: 2024, sources: { body: 'unit', year: 'title' } });
  });

  test('a title with the year first, or after the words', () => {
    expect(findReportMeta(grid([{ name: 'S', rows: [['2024年度沙坡头区教育局政府信息公开工作年度报告']] }]), {})).toMatchObject({ body: '沙坡头区教育局', year: 2024 });
    expect(findReportMeta(grid([{ name: 'S', rows: [['沙坡头区教育局政府信息公开工作年度报告（2023年度）']] }]), {})).toMatchObject({ body: '沙坡头区教育局', year: 2023 });
  });

  test('a cover: the unit on its own line above the title', () => {
    const g = grid([{ name: '封面', rows: [['沙坡头区某某街道办事处'], ['2024年政府信息公开工作年度报告']] }]);
    expect(findReportMeta(g, {})).toEqual({ body: '沙坡头区某某街道办事处', year: 2024, sources: { body: 'title', year: 'title' } });
  });

  test('a sheet named after the unit; generic sheet names are not names', () => {
    expect(findReportMeta(grid([{ name: '沙坡头区民政局2024', rows: [['x']] }]), {})).toEqual({ body: '沙坡头区民政局', year: 2024, sources: { body: 'sheet', year: 'sheet' } });
    expect(findReportMeta(grid([{ name: 'Sheet1', rows: [['x']] }, { name: '表3', rows: [['y']] }]), {}).body).toBeUndefined();
  });

  test('the file name last, without its year, brackets and report words', () => {
    expect(findReportMeta(grid([{ name: 'Sheet1', rows: [] }]), {}, '收到/沙坡头区卫健委2024年报（修改稿）.xlsx')).toEqual({
      body: '沙坡头区卫健委',
      year: 2024,
      sources: { body: 'file', year: 'file' },
    });
  });

  test('the structured fields (机关名称, 报告年度) come first; a year field that is not a year is kept for the checks', () => {
    const g = grid([{ name: '沙坡头区民政局', rows: [['别的单位2023年政府信息公开工作年度报告']] }]);
    expect(findReportMeta(g, { body: '沙坡头区人民政府办公室', year: '2024年' })).toEqual({ body: '沙坡头区人民政府办公室', year: 2024, sources: { body: 'unit', year: 'unit' } });
    expect(findReportMeta(g, { body: '沙坡头区人民政府办公室', year: '二〇二四' }).year).toBe('二〇二四');
  });
});
