/**
 * Issue 10 items 3–7, each through Microsoft's office.js over the simulated host. Each of these tests failed on the
 * adapter before its fix (the commit that made it pass says how).
 */
import { getSheet } from '../../src/spec';
import type { ReportData } from '../../src/core';
import { readSheetGrids } from '../../src/excel/grids';
import { BASELINE, detectCapabilities } from '../../src/excel/capabilities';
import { NARRATIVE_SHEET, STORE_SHEET } from '../../src/excel/workbook';
import { addressOf, closeAll, expectWithinPayloadLimit, fillClean, openExcel, put, snapshot, spoil, valueOf } from './harness';

afterAll(closeAll);

describe('item 3: a name whose sheet was deleted falls back to the labels', () => {
  test.each([false, true])('表四 deleted (library with notes: %s): located by labels, 表四 named as missing, the rest checked', async (notesLibrary) => {
    const { model, services } = await openExcel({ notesLibrary });
    await services.installTemplate();
    fillClean(model);
    spoil(model, 1);
    model.deleteSheet('表四');
    expect(model.findName('NB_t4_reconsideration_total')?.formula).toMatch(/^=#REF!/);
    const outcome = await services.check();
    expect(outcome.located).toBe('labels');
    expect(outcome.findings.some((f) => f.rule === 'STRUCTURE' && f.message.includes('表四'))).toBe(true);
    expect(outcome.findings.some((f) => f.rule === 'VALUE-COUNT' && f.target === 't3.new.natural')).toBe(true);
    // Table 四's rules are not evaluated on cells that were not found: no VALUE or T4 finding about them.
    expect(outcome.findings.filter((f) => f.target.startsWith('t4.') && f.rule !== 'STRUCTURE')).toEqual([]);
  });
});

describe('item 4: text is written as text', () => {
  const texts = ['=某某局', '-某某局（筹）', '+86 某某局', '2024', "'引号开头", 'TRUE'];

  test.each(texts)('an imported unit name %p stays that text', async (body) => {
    const importText = (): { report: ReportData; findings: [] } => ({ report: { meta: { body }, values: {} }, findings: [] });
    const { model, services } = await openExcel({ deps: { importText } });
    await services.installTemplate();
    await services.importPublished('…', 'current');
    const at = addressOf('meta.body');
    expect(model.getValue(at.sheet, at.a1)).toBe(body);
    expect(model.formulaOf(at.sheet, at.a1)).toBeNull();
  });

  test('drafted sentences and explanations that start with =, + or - stay text', async () => {
    const draft = (): { sections: { id: string; title: string; sentences: { text: string; keys: string[] }[] }[] } => ({
      sections: [{ id: 'x', title: '-（一）', sentences: texts.map((t) => ({ text: t, keys: [] })) }],
    });
    const { model, services } = await openExcel({ deps: { draft } });
    await services.installTemplate();
    fillClean(model);
    await services.draftNarrative({ force: false });
    texts.forEach((t, i) => {
      expect(model.getValue(NARRATIVE_SHEET, `B${i + 2}`)).toBe(t);
      expect(model.formulaOf(NARRATIVE_SHEET, `B${i + 2}`)).toBeNull();
    });
    expect(model.getValue(NARRATIVE_SHEET, 'A2')).toBe('-（一）');
    spoil(model, 1);
    const { findings } = await services.check();
    await services.saveExplanation(findings[0], '-10 件为上年误报');
    expect(model.getValue('核实说明', 'D2')).toBe('-10 件为上年误报');
  });

  test('the template version stays the text 2021.1', async () => {
    const { model, services } = await openExcel();
    await services.installTemplate();
    expect(valueOf(model, 'meta.template_version')).toBe('2021.1');
  });
});

describe('item 5: fills come back exactly, as real Excel reports them', () => {
  test('no fill, a white fill, a pattern and a tinted colour survive 校验 and 清除标注', async () => {
    const { model, services } = await openExcel();
    await services.installTemplate();
    fillClean(model);
    const keys = spoil(model, 4);
    const at = keys.map(addressOf);
    model.setFill(at[0].sheet, at[0].a1, null);
    model.setFill(at[1].sheet, at[1].a1, '#FFFFFF');
    model.setFill(at[2].sheet, at[2].a1, '#FFFFFF', 'Gray50');
    model.cell(at[2].sheet, at[2].a1).fill = { color: '#FFFFFF', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 };
    model.cell(at[3].sheet, at[3].a1).fill = { color: '#4472C4', pattern: 'Solid', patternColor: null, tintAndShade: -0.25, patternTintAndShade: 0 };
    const before = snapshot(model, { skip: [STORE_SHEET] });
    await services.check();
    for (const a of at) expect(model.fillOf(a.sheet, a.a1)?.color).toBe('#FFC7CE');
    await services.clearMarks();
    expect(snapshot(model, { skip: [STORE_SHEET] })).toEqual(before);
    expect(model.fillOf(at[1].sheet, at[1].a1)).toMatchObject({ color: '#FFFFFF', pattern: 'Solid' });
    expect(model.fillOf(at[0].sheet, at[0].a1)).toBeNull();
  });
});

describe('item 6: locating by labels stays under 5 MB per response', () => {
  test('a hand-made workbook with 7 MB of text beside the tables: checked on the web build', async () => {
    const { model, host, services } = await openExcel({ platform: 'web' });
    const t3 = getSheet('t3');
    const sheet = model.addSheet('年报');
    for (const c of t3.cells) model.cellAt(sheet, c.row, c.col).value = c.role === 'input' ? 0 : (c.text ?? '');
    const notes = model.addSheet('工作台账');
    const long = '依申请公开工作台账记录：申请人、申请内容、受理时间、答复时间、答复方式、办理结果及相关说明。'.repeat(2);
    for (let r = 0; r < 2500; r += 1) for (let c = 0; c < 20; c += 1) model.cellAt(notes, r, c).value = `${r}-${c} ${long}`;
    const outcome = await services.check();
    expect(outcome.located).toBe('labels');
    expect(outcome.findings.length).toBeGreaterThanOrEqual(0);
    expectWithinPayloadLimit(host);
    const grids = host.workbookRequests().filter((r) => r.commands.includes('Range.load'));
    expect(grids.length).toBeGreaterThan(1);
  });

  test('the grids: pieces within budget, put together in order, merged areas where the API exists', async () => {
    const { office, model } = await openExcel();
    const sheet = model.addSheet('表');
    for (let r = 0; r < 53; r += 1) for (let c = 0; c < 7; c += 1) model.cellAt(sheet, r + 2, c + 1).value = r * 100 + c;
    sheet.merges.push({ row: 2, col: 1, rows: 1, cols: 3 }, { row: 10, col: 2, rows: 2, cols: 1 });
    const caps = detectCapabilities((n, v) => office.Office.context.requirements.isSetSupported(n, v), office.Excel);
    for (const [c, merged] of [
      [caps, ['B3:D3', 'C11:C12']],
      [BASELINE, null],
    ] as const) {
      office.host.resetCounters();
      const grids = await office.Excel.run(async (context: Parameters<typeof readSheetGrids>[0]) => {
        const ws = context.workbook.worksheets.load('items/name');
        await context.sync();
        return readSheetGrids(context, ws.items, c, 70);
      });
      expect(grids).toHaveLength(1);
      expect(grids[0]).toMatchObject({ name: '表', rowIndex: 2, columnIndex: 1, merged });
      expect(grids[0].values).toHaveLength(53);
      expect(grids[0].values[52][6]).toBe(5206);
      // 7 columns, 70 cells a sync: 10 rows a piece, 6 pieces, one sync each, after the sheets and the used ranges.
      expect(office.host.syncs).toBe(2 + 6);
    }
  });
});

describe('item 7: a cell being edited', () => {
  test('where the host supports it, 校验 waits for the user instead of giving up', async () => {
    const { model, host, services } = await openExcel();
    await services.installTemplate();
    fillClean(model);
    spoil(model, 1);
    host.cellEditMode = true;
    let settled = false;
    const checking = services.check().finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    host.exitCellEdit();
    const outcome = await checking;
    expect(outcome.findings).toHaveLength(1);
    expect(host.workbookRequests()[host.workbookRequests().length - 2].flags & 64).toBe(64);
  });

  test('where it does not (ExcelApi 1.10), retries and then a Chinese message; nothing changed', async () => {
    const { model, host, services } = await openExcel({ apiVersion: '1.10' });
    await services.installTemplate();
    fillClean(model);
    put(model, 't3.new.natural', '三');
    host.cellEditMode = true;
    const before = snapshot(model);
    await expect(services.check()).rejects.toMatchObject({ code: 'cell-edit' });
    expect(snapshot(model)).toEqual(before);
  });
});
