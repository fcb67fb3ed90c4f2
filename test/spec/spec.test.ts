import { KEYS, PREV_KEYS, RULES, SHEETS, SpecError, T3_ROWS, TABLE_KEYS, getSheet, validateSpec, type Rule, type SheetLayout } from '../../src/spec';
import { keyAddress } from '../../src/core';

const parts = () => ({ keys: KEYS, rules: RULES, sheets: SHEETS, prevKeys: PREV_KEYS });

describe('the spec', () => {
  test('the shipped spec passes its own check', () => {
    expect(() => validateSpec(parts())).not.toThrow();
  });

  test('has every key of FORMAT.md §2: 10 + 175 + 15 table cells', () => {
    expect(TABLE_KEYS).toHaveLength(200);
    expect(T3_ROWS).toHaveLength(25);
    expect(KEYS.filter((k) => k.kind === 'amount').map((k) => k.key)).toEqual(['t2.fees', 'fee.notified', 'fee.collected']);
  });

  test('rejects a duplicate rule id', () => {
    const dup = [...RULES, { ...RULES[0] }] as Rule[];
    expect(() => validateSpec({ ...parts(), rules: dup })).toThrow(SpecError);
    expect(() => validateSpec({ ...parts(), rules: dup })).toThrow(/duplicate rule id T3-BALANCE/);
  });

  test('rejects a rule that reads an unknown key', () => {
    const bad: Rule = { id: 'X', severity: 'error', title: 'x', description: 'x', kind: 'sumEquals', instances: [{ target: 'a', total: [{ key: 't3.new.nobody', weight: 1 }], parts: [{ key: 't3.new.natural', weight: 1 }] }] };
    expect(() => validateSpec({ ...parts(), rules: [...RULES, bad] })).toThrow(/reads unknown key t3\.new\.nobody/);
  });

  test('rejects a duplicate key, an unplaced key and overlapping cells', () => {
    expect(() => validateSpec({ ...parts(), keys: [...KEYS, KEYS[0]] })).toThrow(/duplicate key t2\.regulations\.issued/);
    expect(() => validateSpec({ ...parts(), keys: [...KEYS, { ...KEYS[0], key: 't2.new_thing' }] })).toThrow(/t2\.new_thing has no cell/);
    const t2 = getSheet('t2');
    const overlapped: SheetLayout = { ...t2, cells: [...t2.cells, { row: 0, col: 1, role: 'label', text: 'x' }] };
    expect(() => validateSpec({ ...parts(), sheets: SHEETS.map((s) => (s.id === 't2' ? overlapped : s)) })).toThrow(/overlapping cells/);
  });

  test('table 三 is drawn as the official format draws it', () => {
    const t3 = getSheet('t3');
    const at = (text: string) => t3.cells.find((c) => c.text === text);
    expect(at('申请人情况')).toMatchObject({ row: 1, col: 3, colSpan: 7 });
    expect(at('自然人')).toMatchObject({ rowSpan: 2 });
    expect(at('法人或其他组织')).toMatchObject({ colSpan: 5 });
    expect(at('总计')).toMatchObject({ rowSpan: 2 });
    expect(at('三、本年度办理结果')).toMatchObject({ rowSpan: 22 });
    expect(at('（三）不予公开')).toMatchObject({ rowSpan: 8 });
    expect(at('（四）无法提供')).toMatchObject({ rowSpan: 3 });
    expect(at('（五）不予处理')).toMatchObject({ rowSpan: 5 });
    expect(at('（六）其他处理')).toMatchObject({ rowSpan: 3 });
    expect(t3.cells.find((c) => c.role === 'note')).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(keyAddress('t3.new.natural')).toBe('表三!D5');
    expect(keyAddress('t3.carried_out.total')).toBe('表三!J29');
  });

  test('table 四 as the format draws it: 行政复议 over five columns, its outcomes merged down two rows; 行政诉讼 over ten', () => {
    const t4 = getSheet('t4');
    expect(t4.cells.find((c) => c.text === '行政复议')).toMatchObject({ row: 1, colSpan: 5 });
    expect(t4.cells.find((c) => c.text === '行政复议')?.rowSpan ?? 1).toBe(1);
    expect(t4.cells.filter((c) => c.row === 2 && c.col < 5).map((c) => [c.text, c.rowSpan])).toEqual([
      ['结果维持', 2],
      ['结果纠正', 2],
      ['其他结果', 2],
      ['尚未审结', 2],
      ['总计', 2],
    ]);
    expect(t4.cells.filter((c) => c.row === 3).map((c) => c.text)).toHaveLength(10);
    expect(t4.cells.find((c) => c.text === '行政诉讼')).toMatchObject({ colSpan: 10 });
    expect(keyAddress('t4.litigation_after.total')).toBe('表四!O5');
  });
});
