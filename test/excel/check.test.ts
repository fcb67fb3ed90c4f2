import fc from 'fast-check';
import { TABLE_KEYS } from '../../src/spec';
import { NOTE_TAG, STORE_SHEET } from '../../src/excel/workbook';
import type { FakeExcel, FakeSheet } from '../../src/excel/testing/fakeExcel';
import { addressOf, fillClean, put, setup, spoil } from './setup';

/** Everything a user could see of the input sheets: values, formats, notes, comments. */
function snapshot(fake: FakeExcel): unknown {
  const sheet = (s: FakeSheet): unknown => ({
    name: s.name,
    cells: [...s.cells].filter(([, c]) => c.value !== '' || c.formula || c.format.size).map(([k, c]) => [k, c.value, c.formula, c.numberFormat, [...c.format].sort()]).sort(),
    notes: [...s.notes].sort(),
    protected: s.protected,
  });
  return { sheets: fake.sheets.filter((s) => s.name !== STORE_SHEET).map(sheet), comments: fake.comments.map((c) => [c.sheet, c.row, c.col, c.content]) };
}

function fillOf(fake: FakeExcel, key: string): unknown {
  const at = addressOf(key);
  return fake.cell(at.sheet, at.a1).format.get('fill/color');
}

function noteOf(fake: FakeExcel, key: string): string | undefined {
  const at = addressOf(key);
  const [r, c] = [Number(at.a1.replace(/^[A-Z]+/, '')) - 1, at.a1.charCodeAt(0) - 65];
  return fake.sheet(at.sheet).notes.get(`${r},${c}`);
}

async function installed(apiVersion = '1.18'): Promise<ReturnType<typeof setup>> {
  const s = setup(apiVersion);
  await s.services.installTemplate();
  fillClean(s.fake);
  s.fake.resetCounters();
  return s;
}

describe('校验 and 清除标注: sync counts', () => {
  test.each([0, 150])('a report with %i findings: check ≤ 2 syncs, clear 2', async (n) => {
    const { fake, services } = await installed();
    const spoiled = spoil(fake, n);
    const outcome = await services.check();
    expect(outcome.findings).toHaveLength(n);
    expect(outcome.located).toBe('names');
    expect(outcome.marking).toBe('notes');
    expect(fake.syncs).toBeLessThanOrEqual(2);
    for (const k of spoiled) {
      expect(fillOf(fake, k)).toBe('#FFC7CE');
      expect(noteOf(fake, k)).toMatch(new RegExp(`^${NOTE_TAG}`));
    }
    const f = outcome.findings[0];
    if (f) expect(f.addresses).toEqual([`${addressOf(f.target).sheet}!${addressOf(f.target).a1}`]);
    fake.resetCounters();
    await services.clearMarks();
    expect(fake.syncs).toBe(2);
    for (const k of spoiled) {
      expect(fillOf(fake, k)).toBe('#FFFFF0');
      expect(noteOf(fake, k)).toBeUndefined();
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
          const { fake, services } = await installed();
          for (const c of cells) {
            const at = addressOf(c.key);
            const cell = fake.cell(at.sheet, at.a1);
            if (c.fill === null) cell.format.delete('fill/color');
            else cell.format.set('fill/color', c.fill);
            put(fake, c.key, c.value);
          }
          if (noteFirst && cells[0]) {
            const at = addressOf(cells[0].key);
            const [r, col] = [Number(at.a1.replace(/^[A-Z]+/, '')) - 1, at.a1.charCodeAt(0) - 65];
            fake.sheet(at.sheet).notes.set(`${r},${col}`, '用户自己的批注');
          }
          const before = snapshot(fake);
          await services.check();
          put(fake, 't3.new.natural', 'x'); // the user changes something between two checks
          await services.check();
          put(fake, 't3.new.natural', cells.find((c) => c.key === 't3.new.natural')?.value ?? 0);
          await services.clearMarks();
          expect(snapshot(fake)).toEqual(before);
        },
      ),
      { numRuns: 12 },
    );
  });

  test('without ExcelApi 1.9 (no fill pattern) coloured fills still come back', async () => {
    const { fake, services } = await installed('1.8');
    const at = addressOf('t3.new.natural');
    fake.cell(at.sheet, at.a1).format.set('fill/color', '#00B050');
    put(fake, 't3.new.natural', '三');
    const before = snapshot(fake);
    const outcome = await services.check();
    expect(outcome.marking).toBe('fill');
    expect(fillOf(fake, 't3.new.natural')).toBe('#FFC7CE');
    await services.clearMarks();
    expect(snapshot(fake)).toEqual(before);
  });
});

describe('marking fallbacks', () => {
  test('a note of the user is kept: the cell is filled, no note of ours is added', async () => {
    const { fake, services } = await installed();
    put(fake, 't3.new.natural', '三');
    const at = addressOf('t3.new.natural');
    fake.sheet(at.sheet).notes.set('4,3', '用户批注');
    await services.check();
    expect(noteOf(fake, 't3.new.natural')).toBe('用户批注');
    expect(fillOf(fake, 't3.new.natural')).toBe('#FFC7CE');
    await services.clearMarks();
    expect(noteOf(fake, 't3.new.natural')).toBe('用户批注');
  });

  test('ExcelApi 1.10–1.17: threaded comments, removed by clear', async () => {
    const { fake, services } = await installed('1.12');
    spoil(fake, 3);
    const outcome = await services.check();
    expect(outcome.marking).toBe('comments');
    expect(fake.comments).toHaveLength(3);
    expect(fake.comments[0].content.startsWith(NOTE_TAG)).toBe(true);
    await services.clearMarks();
    expect(fake.comments).toHaveLength(0);
  });

  test('comments of the user elsewhere: fill only, their comments untouched', async () => {
    const { fake, services } = await installed('1.12');
    fake.addComment('表三', 10, 5, '请核对');
    spoil(fake, 2);
    const outcome = await services.check();
    expect(outcome.marking).toBe('fill');
    await services.clearMarks();
    expect(fake.comments.map((c) => c.content)).toEqual(['请核对']);
  });
});

describe('received workbooks', () => {
  test('names deleted: located by labels, same findings, fixed number of syncs', async () => {
    const { fake, services } = await installed();
    spoil(fake, 5);
    const byNames = await services.check();
    fake.names.clear();
    fake.resetCounters();
    const byLabels = await services.check();
    expect(byLabels.located).toBe('labels');
    expect(fake.syncs).toBe(5); // 1 refused through names + 4
    expect(byLabels.problems[0]).toMatch(/名称/);
    expect(byLabels.findings.map((f) => `${f.rule}:${f.target}`).sort()).toEqual(byNames.findings.map((f) => `${f.rule}:${f.target}`).sort());
  });

  test('a retyped table 三 elsewhere is found by its labels; what is missing is named', async () => {
    const { fake, services } = setup();
    const { getSheet } = await import('../../src/spec');
    const t3 = getSheet('t3');
    const sheet = fake.addSheet('Sheet1');
    for (const c of t3.cells) {
      const cell = fake.cellAt(sheet, c.row + 3, c.col + 1);
      cell.value = c.role === 'input' ? 0 : (c.text ?? '');
    }
    fake.cellAt(sheet, 3 + 4, 1 + 3).value = 5; // 本年新收 自然人 = 5: the column no longer balances
    const outcome = await services.check();
    expect(outcome.located).toBe('labels');
    expect(outcome.problems.some((p) => p.includes('表二'))).toBe(true);
    expect(outcome.problems.some((p) => p.includes('表四'))).toBe(true);
    const balance = outcome.findings.find((f) => f.rule === 'T3-BALANCE' && f.target === 'natural');
    expect(balance?.addresses?.[0]).toBe('Sheet1!E8');
    expect(fake.getValue('Sheet1', 'E8')).toBe(5);
    expect(fake.cell('Sheet1', 'E8').format.get('fill/color')).toBe('#FFC7CE');
    await services.clearMarks();
    expect(fake.cell('Sheet1', 'E8').format.has('fill/color')).toBe(false);
  });

  test('an empty workbook: no template', async () => {
    const { fake, services } = setup();
    fake.addSheet('Sheet1');
    await expect(services.check()).rejects.toMatchObject({ code: 'no-template' });
  });
});

describe('explanations travel with the workbook', () => {
  test('saved in 核实说明 (upserted) and read back into findings', async () => {
    const { fake, services } = await installed();
    put(fake, 't3.new.natural', 3);
    put(fake, 't3.new.total', 3);
    put(fake, 't3.granted.natural', 3);
    put(fake, 't3.granted.total', 3);
    put(fake, 't3.handled_total.natural', 3);
    put(fake, 't3.handled_total.total', 3);
    put(fake, 'prev.t3.carried_out.natural', 2);
    const first = await services.check();
    const warning = first.findings.find((f) => f.severity === 'warning');
    expect(warning).toBeDefined();
    if (!warning) return;
    await services.saveExplanation(warning, '上年结转数据口径调整');
    await services.saveExplanation(warning, '上年结转数据口径调整，已报备');
    expect(fake.getValue('核实说明', 'A2')).toBe(warning.rule);
    expect(fake.getValue('核实说明', 'D2')).toBe('上年结转数据口径调整，已报备');
    expect(fake.getValue('核实说明', 'E2')).toBe('2025-01-15 09:30');
    expect(fake.getValue('核实说明', 'A3')).toBe('');
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
  const { fake, services } = await installed();
  spoil(fake, 1);
  const { findings } = await services.check();
  await services.selectFinding(findings[0]);
  expect(fake.selection).toEqual({ sheet: '表三', address: 'D5' });
});
