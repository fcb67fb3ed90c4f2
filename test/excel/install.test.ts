import { KEY_POSITIONS, LEVELS, SHEETS } from '../../src/spec';
import { workbookName } from '../../src/core';
import { STORE_SHEET } from '../../src/excel/workbook';
import { cellKey } from '../../src/excel/testing/workbookModel';
import { addressOf, closeAll, put, setup, valueOf } from './setup';

afterAll(closeAll);

describe('插入年报模板', () => {
  test('draws every sheet from the layout in a fixed number of syncs', async () => {
    const { model, host, services } = await setup();
    const outcome = await services.installTemplate();
    expect(host.syncs).toBe(2);
    expect(outcome.created).toEqual([...SHEETS.map((s) => s.name), '校验', '核实说明']);
    expect(model.findSheet(STORE_SHEET)?.visibility).toBe('VeryHidden');

    for (const layout of SHEETS) {
      const sheet = model.sheet(layout.name);
      expect(sheet.protection.protected).toBe(true);
      expect(sheet.pageLayout).toMatchObject({ PaperSize: 'A4' });
      layout.columnWidths.forEach((w, i) => expect(sheet.columnWidths.get(i)).toBe(w));
      const spans = layout.cells.filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1);
      expect(sheet.merges).toHaveLength(spans.length);
      for (const cell of layout.cells) {
        const c = model.cellAt(sheet, cell.row, cell.col);
        expect(c.format.get('font/name')).toBe('宋体');
        if (cell.role === 'input') {
          expect(c.format.get('protection/locked')).toBe(cell.key === 'meta.template_version' ? undefined : false);
        } else {
          expect(c.format.get('protection/locked')).toBeUndefined(); // locked by default
          if (cell.text) expect(c.value).toBe(cell.text);
        }
      }
    }
    for (const key of KEY_POSITIONS.keys()) {
      const at = addressOf(key);
      expect(model.findName(workbookName(key))?.formula).toContain(at.sheet);
    }
    const t3 = model.sheet('表三');
    const d5 = t3.validations.get(cellKey(4, 3));
    expect(d5?.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(d5?.prompt).toMatchObject({ showPrompt: true, message: '填写不小于0的整数，没有的填0' });
    const fees = addressOf('t2.fees');
    const [fr, fc] = [Number(fees.a1.slice(1)) - 1, fees.a1.charCodeAt(0) - 65];
    expect(model.sheet('表二').validations.get(cellKey(fr, fc))?.rule).toEqual({ decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    const level = addressOf('meta.level');
    const lv = model.sheet('基本信息').validations.get(cellKey(Number(level.a1.slice(1)) - 1, 1));
    expect(lv?.rule).toEqual({ list: { inCellDropDown: true, source: LEVELS.map((l) => l.label).join(',') } });
    // The version is text, not the number 2021.1.
    expect(valueOf(model, 'meta.template_version')).toBe('2021.1');

    // Live marks: custom rules through names, error red and warning yellow.
    expect(t3.conditionalFormats.length).toBeGreaterThan(175);
    const cf = t3.conditionalFormats.find((x) => x.rect.row === 4 && x.rect.col === 3 && x.fill === '#FFC7CE');
    expect(cf?.formula).toMatch(/^=.*NB_CHECK_/);
    const check = model.sheet('校验');
    expect([...check.cells.values()].some((c) => c.formula?.startsWith('=IF('))).toBe(true);
    expect(model.getValue('核实说明', 'A1')).toBe('规则');
  });

  test('installing again keeps user values and leaves a foreign sheet alone', async () => {
    const { model, host, services } = await setup();
    await services.installTemplate();
    put(model, 't3.new.natural', 7);
    put(model, 'meta.body', '某某局');
    model.sheet('表四').merges = []; // damage: lost merges
    model.names.delete(workbookName('t4.reconsideration.total').toLowerCase());
    model.addSheet('我的草稿');
    model.setValue('我的草稿', 'A1', '自己的笔记');
    host.resetCounters();

    const outcome = await services.installTemplate();
    expect(host.syncs).toBe(3);
    expect(outcome.created).toEqual([]);
    expect(outcome.repaired).toContain('表四');
    expect(valueOf(model, 't3.new.natural')).toBe(7);
    expect(valueOf(model, 'meta.body')).toBe('某某局');
    expect(model.findName(workbookName('t4.reconsideration.total'))).toBeDefined();
    expect(model.sheet('表四').merges.length).toBeGreaterThan(0);
    expect(model.getValue('我的草稿', 'A1')).toBe('自己的笔记');
    for (const layout of SHEETS) expect(model.sheet(layout.name).protection.protected).toBe(true);
  });

  test('a sheet with one of our names that is not ours is skipped, untouched', async () => {
    const { model, services } = await setup();
    model.addSheet('表二');
    model.setValue('表二', 'A1', '本单位自制统计表');
    const outcome = await services.installTemplate();
    expect(outcome.skipped).toEqual(['表二']);
    expect(model.getValue('表二', 'A1')).toBe('本单位自制统计表');
    expect(model.sheet('表二').cells.size).toBe(1);
    expect(model.findName(workbookName('t2.licensing'))).toBeUndefined();
  });

  test('a template of another version is refused', async () => {
    const { model, services } = await setup();
    await services.installTemplate();
    const at = addressOf('meta.template_version');
    model.setValue(at.sheet, at.a1, '2019.3');
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'template-version' });
    await expect(services.check()).rejects.toMatchObject({ code: 'template-version' });
  });

  test('on ExcelApi 1.8 the template is drawn without page layout', async () => {
    const { model, services } = await setup('1.8');
    await services.installTemplate();
    expect(model.sheet('表三').pageLayout).toEqual({});
  });
});
