import { readValue } from '../../src/core';

describe('readValue', () => {
  test.each([
    [12, 12],
    ['12', 12],
    ['１２', 12],
    [' 1,234 ', 1234],
    ['1，234', 1234],
    ['3\u3000', 3],
    ['+5', 5],
    [3.0000000000004, 3],
  ])('count %p reads as %p', (raw, expected) => {
    expect(readValue(raw, 'count')).toMatchObject({ state: 'number', value: expected });
  });

  test.each([['7730.28', 7730.28], [96171.6, 96171.6], ['１,０００.５', 1000.5]])('amount %p reads as %p', (raw, expected) => {
    expect(readValue(raw, 'amount')).toMatchObject({ state: 'number', value: expected });
  });

  test.each([null, undefined, '', '  ', '/', '／', '—', '——', '-', '无', '\u3000'])('%p is blank', (raw) => {
    expect(readValue(raw, 'count').state).toBe('blank');
  });

  test('a placeholder keeps what was typed', () => {
    expect(readValue(' / ', 'count')).toMatchObject({ state: 'blank', placeholder: '/' });
    expect(readValue(null, 'count')).toMatchObject({ state: 'blank', placeholder: null });
  });

  test.each([
    ['三', 'text', '三'],
    ['12件', 'text', '12件'],
    [-2, 'negative', '-2'],
    ['-2', 'negative', '-2'],
    [2.5, 'fraction', '2.5'],
    ['2.5', 'fraction', '2.5'],
    [new Date(Date.UTC(2024, 0, 5)), 'date', '2024-01-05'],
    ['2024年1月5日', 'date', '2024年1月5日'],
    ['2024-01-05', 'date', '2024-01-05'],
    [true, 'boolean', 'TRUE'],
    ['FALSE', 'boolean', 'FALSE'],
    ['#REF!', 'error', '#REF!'],
    ['#value!', 'error', '#VALUE!'],
    [{ error: '#DIV/0!' }, 'error', '#DIV/0!'],
    [Number.NaN, 'not-finite', 'NaN'],
    [Number.POSITIVE_INFINITY, 'not-finite', 'Infinity'],
  ])('count %p is invalid (%s)', (raw, code, found) => {
    expect(readValue(raw, 'count')).toMatchObject({ state: 'invalid', code, found });
  });

  test('amounts may have decimals but not be negative', () => {
    expect(readValue(0.5, 'amount')).toMatchObject({ state: 'number', value: 0.5 });
    expect(readValue(-0.5, 'amount')).toMatchObject({ state: 'invalid', code: 'negative' });
  });

  test('formula cells use their cached result, and say when there is none', () => {
    expect(readValue({ formula: 'SUM(A1:A3)', result: 6 }, 'count')).toMatchObject({ state: 'number', value: 6 });
    expect(readValue({ formula: 'A1/0', result: { error: '#DIV/0!' } }, 'count')).toMatchObject({ state: 'invalid', code: 'error' });
    const none = readValue({ formula: 'SUM(A1:A3)' }, 'count');
    expect(none).toMatchObject({ state: 'invalid', code: 'error' });
    expect(none.state === 'invalid' && none.found).toContain('没有计算结果');
  });

  test('rich text is read as its text', () => {
    expect(readValue({ richText: [{ text: '1' }, { text: '2' }] }, 'count')).toMatchObject({ state: 'number', value: 12 });
  });

  test('anything else is reported, never thrown', () => {
    expect(readValue({ weird: [1, 2] }, 'count')).toMatchObject({ state: 'invalid', code: 'text' });
    expect(readValue(Symbol.iterator as unknown, 'count').state).toBe('invalid');
  });
});
