import { KEY_POSITIONS, LEVELS, SHEETS } from '../../src/spec';
import { workbookName } from '../../src/core';
import { STORE_SHEET } from '../../src/excel/workbook';
import { addressOf, put, setup } from './setup';

describe('插入年报模板', () => {
  test('draws every sheet from the layout in a fixed number of syncs', async () => {
    const { fake, services } = setup();
    const outcome = await services.installTemplate();
    expect(fake.syncs).toBe(2);
    expect(outcome.created).toEqual([...SHEETS.map((s) => s.name), '校验', '核实说明']);
    expect(fake.findSheet(STORE_SHEET)?.visibility).toBe('VeryHidden');

    for (const layout of SHEETS) {
      const sheet = fake.sheet(layout.name);
      expect(sheet.protected).toBe(true);
      expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4' });
      layout.columnWidths.forEach((w, i) => expect(sheet.columnWidths.get(i)).toBe(w));
      const spans = layout.cells.filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1);
      expect(sheet.merges).toHaveLength(spans.length);
      for (const cell of layout.cells) {
        const c = fake.cellAt(sheet, cell.row, cell.col);
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
      expect(fake.names.get(workbookName(key))).toMatchObject({ sheet: at.sheet });
    }
    const t3 = fake.sheet('表三');
    const d5 = t3.validations.get('4,3');
    expect(d5?.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(d5?.prompt).toMatchObject({ showPrompt: true, message: '填写不小于0的整数，没有的填0' });
    const fees = addressOf('t2.fees');
    const [fr, fc] = [Number(fees.a1.slice(1)) - 1, fees.a1.charCodeAt(0) - 65];
    expect(fake.sheet('表二').validations.get(`${fr},${fc}`)?.rule).toEqual({ decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    const level = addressOf('meta.level');
    const lv = fake.sheet('基本信息').validations.get(`${Number(level.a1.slice(1)) - 1},1`);
    expect(lv?.rule).toEqual({ list: { inCellDropDown: true, source: LEVELS.map((l) => l.label).join(',') } });
    expect(fake.getValue('基本信息', addressOf('meta.template_version').a1)).toBe('2021.1');

    // Live marks: custom rules through names, error red and warning yellow.
    expect(t3.conditionalFormats.length).toBeGreaterThan(175);
    const cf = t3.conditionalFormats.find((x) => x.rect.row === 4 && x.rect.col === 3 && x.fill === '#FFC7CE');
    expect(cf?.formula).toMatch(/^=.*NB_CHECK_/);
    const check = fake.sheet('校验');
    expect([...check.cells.values()].some((c) => c.formula?.startsWith('=IF('))).toBe(true);
    expect(fake.getValue('核实说明', 'A1')).toBe('规则');
  });

  test('installing again keeps user values and leaves a foreign sheet alone', async () => {
    const { fake, services } = setup();
    await services.installTemplate();
    put(fake, 't3.new.natural', 7);
    put(fake, 'meta.body', '某某局');
    fake.sheet('表四').merges = []; // damage: lost merges
    fake.names.delete(workbookName('t4.reconsideration.total'));
    fake.addSheet('我的草稿').cells.set('0,0', { value: '自己的笔记', formula: null, numberFormat: 'General', format: new Map() });
    fake.resetCounters();

    const outcome = await services.installTemplate();
    expect(fake.syncs).toBe(3);
    expect(outcome.created).toEqual([]);
    expect(outcome.repaired).toContain('表四');
    expect(fake.getValue('表三', addressOf('t3.new.natural').a1)).toBe(7);
    expect(fake.getValue('基本信息', addressOf('meta.body').a1)).toBe('某某局');
    expect(fake.names.has(workbookName('t4.reconsideration.total'))).toBe(true);
    expect(fake.sheet('表四').merges.length).toBeGreaterThan(0);
    expect(fake.getValue('我的草稿', 'A1')).toBe('自己的笔记');
  });

  test('a sheet with one of our names that is not ours is skipped, untouched', async () => {
    const { fake, services } = setup();
    const mine = fake.addSheet('表二');
    mine.cells.set('0,0', { value: '本单位自制统计表', formula: null, numberFormat: 'General', format: new Map() });
    const outcome = await services.installTemplate();
    expect(outcome.skipped).toEqual(['表二']);
    expect(fake.getValue('表二', 'A1')).toBe('本单位自制统计表');
    expect(fake.sheet('表二').cells.size).toBe(1);
    expect(fake.names.has(workbookName('t2.licensing'))).toBe(false);
  });

  test('a template of another version is refused', async () => {
    const { fake, services } = setup();
    await services.installTemplate();
    put(fake, 'meta.template_version', '2019.3');
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'template-version' });
    await expect(services.check()).rejects.toMatchObject({ code: 'template-version' });
  });

  test('on ExcelApi 1.8 the template is drawn without page layout', async () => {
    const { fake, services } = setup('1.8');
    await services.installTemplate();
    expect(fake.sheet('表三').pageLayout).toEqual({});
  });
});
