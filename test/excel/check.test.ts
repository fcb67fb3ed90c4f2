import fc from 'fast-check';
import { TABLE_KEYS } from '../../src/spec';
import { NOTE_TAG, STORE_SHEET } from '../../src/excel/workbook';
import { addressOf, closeAll, fillClean, fillColorOf, noteOf, put, setup, snapshot, spoil, valueOf } from './setup';

afterAll(closeAll);

async function installed(apiVersion = '1.18'): Promise<Awaited<ReturnType<typeof setup>>> {
  const s = await setup(apiVersion);
  await s.services.installTemplate();
  fillClean(s.model);
  s.host.resetCounters();
  return s;
}

describe('校验 and 清除标注: sync counts', () => {
  test.each([0, 150])('a report with %i findings: check 2 syncs, clear 2', async (n) => {
    const { model, host, services } = await installed();
    const spoiled = spoil(model, n);
    const outcome = await services.check();
    expect(outcome.findings).toHaveLength(n);
    expect(outcome.located).toBe('names');
    expect(outcome.marking).toBe('notes');
    expect(host.syncs).toBe(2);
    for (const k of spoiled) {
      expect(fillColorOf(model, k)).toBe('#FFC7CE');
      expect(noteOf(model, k)).toMatch(new RegExp(`^${NOTE_TAG}`));
    }
    const f = outcome.findings[0];
    if (f) expect(f.addresses).toEqual([`${addressOf(f.target).sheet}!${addressOf(f.target).a1}`]);
    host.resetCounters();
    await services.clearMarks();
    expect(host.syncs).toBe(2);
    for (const k of spoiled) {
      expect(fillColorOf(model, k)).toBe('#FFFFF0');
      expect(noteOf(model, k)).toBeUndefined();
    }
  });
});

describe('round trip: nothing is lost', () => {
  const colour = fc.constantFrom('#FF0000', '#00B050', '#FFFFFF', '#FFC7CE', '#123456');
  test('random fills and values on input cells: check, check again, clear → exactly as before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.constantFrom(...TABLE_KEYS), fill: fc.option(colour), value: fc.oneof(fc.nat(50), fc.constantFrom('三', '/', '', -1, 2.5)) }), { maxLength: 40 }),
        fc.boolean(),
        async (cells, noteFirst) => {
          const { model, services } = await installed();
          for (const c of cells) {
            const at = addressOf(c.key);
            model.setFill(at.sheet, at.a1, c.fill);
            if (c.value === '') model.setValue(at.sheet, at.a1, '');
            else put(model, c.key, c.value);
          }
          if (noteFirst && cells[0]) {
            const at = addressOf(cells[0].key);
            model.setNote(at.sheet, at.a1, '用户自己的批注');
          }
          const before = snapshot(model, { skip: [STORE_SHEET] });
          await services.check();
          put(model, 't3.new.natural', 'x'); // the user changes something between two checks
          await services.check();
          const first = cells.find((c) => c.key === 't3.new.natural');
          const at = addressOf('t3.new.natural');
          if (first?.value === '') model.setValue(at.sheet, at.a1, '');
          else put(model, 't3.new.natural', first?.value ?? 0);
          await services.clearMarks();
          expect(snapshot(model, { skip: [STORE_SHEET] })).toEqual(before);
          closeAll();
        },
      ),
      { numRuns: 8 },
    );
  });

  test('without ExcelApi 1.9 (no fill details) coloured fills still come back', async () => {
    const { model, services } = await installed('1.8');
    const at = addressOf('t3.new.natural');
    model.setFill(at.sheet, at.a1, '#00B050');
    put(model, 't3.new.natural', '三');
    const before = snapshot(model, { skip: [STORE_SHEET] });
    const outcome = await services.check();
    expect(outcome.marking).toBe('fill');
    expect(fillColorOf(model, 't3.new.natural')).toBe('#FFC7CE');
    await services.clearMarks();
    expect(snapshot(model, { skip: [STORE_SHEET] })).toEqual(before);
  });
});

describe('marking fallbacks', () => {
  test('a note of the user is kept: the cell is filled, no note of ours is added', async () => {
    const { model, services } = await installed();
    put(model, 't3.new.natural', '三');
    const at = addressOf('t3.new.natural');
    model.setNote(at.sheet, at.a1, '用户批注');
    await services.check();
    expect(noteOf(model, 't3.new.natural')).toBe('用户批注');
    expect(fillColorOf(model, 't3.new.natural')).toBe('#FFC7CE');
    await services.clearMarks();
    expect(noteOf(model, 't3.new.natural')).toBe('用户批注');
  });

  test('ExcelApi 1.10–1.17: threaded comments, removed by clear', async () => {
    const { model, services } = await installed('1.12');
    spoil(model, 3);
    const outcome = await services.check();
    expect(outcome.marking).toBe('comments');
    expect(model.comments).toHaveLength(3);
    expect(model.comments[0].content.startsWith(NOTE_TAG)).toBe(true);
    await services.clearMarks();
    expect(model.comments).toHaveLength(0);
  });

  test('comments of the user elsewhere: fill only, their comments untouched', async () => {
    const { model, services } = await installed('1.12');
    model.addComment('表三', 'F11', '请核对');
    spoil(model, 2);
    const outcome = await services.check();
    expect(outcome.marking).toBe('fill');
    await services.clearMarks();
    expect(model.comments.map((c) => c.content)).toEqual(['请核对']);
  });
});

describe('received workbooks', () => {
  test('names deleted: located by labels, same findings', async () => {
    const { model, host, services } = await installed();
    spoil(model, 5);
    const byNames = await services.check();
    model.names.clear();
    host.resetCounters();
    const byLabels = await services.check();
    expect(byLabels.located).toBe('labels');
    // 1 refused through names, the sheets, their used ranges, the grids, the located cells, the marks.
    expect(host.syncs).toBe(6);
    expect(byLabels.problems[0]).toMatch(/名称/);
    expect(byLabels.findings.map((f) => `${f.rule}:${f.target}`).sort()).toEqual(byNames.findings.map((f) => `${f.rule}:${f.target}`).sort());
  });

  test('a retyped table 三 elsewhere is found by its labels; what is missing is named', async () => {
    const { model, services } = await setup();
    const { getSheet } = await import('../../src/spec');
    const t3 = getSheet('t3');
    const sheet = model.addSheet('Sheet1');
    for (const c of t3.cells) model.cellAt(sheet, c.row + 3, c.col + 1).value = c.role === 'input' ? 0 : (c.text ?? '');
    model.cellAt(sheet, 3 + 4, 1 + 3).value = 5; // 本年新收 自然人 = 5: the column no longer balances
    const outcome = await services.check();
    expect(outcome.located).toBe('labels');
    // What is missing is named as the command line names it: STRUCTURE findings.
    const structure = outcome.findings.filter((f) => f.rule === 'STRUCTURE').map((f) => f.message);
    expect(structure.some((m) => m.includes('表二'))).toBe(true);
    expect(structure.some((m) => m.includes('表四'))).toBe(true);
    const balance = outcome.findings.find((f) => f.rule === 'T3-BALANCE' && f.target === 'natural');
    expect(balance?.addresses?.[0]).toBe('Sheet1!E8');
    expect(model.getValue('Sheet1', 'E8')).toBe(5);
    expect(model.fillOf('Sheet1', 'E8')?.color).toBe('#FFC7CE');
    await services.clearMarks();
    expect(model.fillOf('Sheet1', 'E8')).toBeNull();
  });

  test('an empty workbook: no template', async () => {
    const { model, services } = await setup();
    model.addSheet('Sheet1');
    await expect(services.check()).rejects.toMatchObject({ code: 'no-template' });
  });
});

describe('explanations travel with the workbook', () => {
  test('saved in 核实说明 (upserted) and read back into findings', async () => {
    const { model, services } = await installed();
    put(model, 't3.new.natural', 3);
    put(model, 't3.new.total', 3);
    put(model, 't3.granted.natural', 3);
    put(model, 't3.granted.total', 3);
    put(model, 't3.handled_total.natural', 3);
    put(model, 't3.handled_total.total', 3);
    put(model, 'prev.t3.carried_out.natural', 2);
    const first = await services.check();
    const warning = first.findings.find((f) => f.severity === 'warning');
    expect(warning).toBeDefined();
    if (!warning) return;
    await services.saveExplanation(warning, '上年结转数据口径调整');
    await services.saveExplanation(warning, '上年结转数据口径调整，已报备');
    expect(model.getValue('核实说明', 'A2')).toBe(warning.rule);
    expect(model.getValue('核实说明', 'D2')).toBe('上年结转数据口径调整，已报备');
    expect(model.getValue('核实说明', 'E2')).toBe('2025-01-15 09:30');
    expect(model.getValue('核实说明', 'A3')).toBe('');
    const again = await services.check();
    expect(again.findings.find((f) => f.rule === warning.rule && f.target === warning.target)?.explanation).toBe('上年结转数据口径调整，已报备');
  });

  test('an empty explanation is refused', async () => {
    const { services } = await installed();
    const f = { rule: 'YOY-CARRY', target: 'natural', severity: 'warning' as const, cells: [], expected: 1, actual: 2, message: 'm', explanation: null };
    await expect(services.saveExplanation(f, '  ')).rejects.toMatchObject({ code: 'unknown' });
  });
});

test('selectFinding selects the first cell of the finding', async () => {
  const { model, services } = await installed();
  spoil(model, 1);
  const { findings } = await services.check();
  await services.selectFinding(findings[0]);
  expect(model.selection).toEqual({ sheet: '表三', address: 'D5' });
  expect(valueOf(model, 't3.new.natural')).toBe('三');
});
