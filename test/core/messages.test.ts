import { MESSAGES, VALUE_CODES, renderMessage, type Finding } from '../../src/core';
import { RULES } from '../../src/spec';

describe('message catalog', () => {
  test('every rule id has a message', () => {
    for (const rule of RULES) expect(Object.keys(MESSAGES)).toContain(rule.id);
  });

  test('every message entry belongs to a rule', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of Object.keys(MESSAGES)) expect(ids).toContain(id);
  });

  test('every VALUE code renders a distinct, Chinese explanation', () => {
    const texts = VALUE_CODES.map((code) =>
      renderMessage({ rule: 'VALUE-COUNT', target: 't2.licensing', severity: 'error', cells: ['t2.licensing'], expected: null, actual: 'x', message: '', explanation: null, code } as Finding),
    );
    expect(new Set(texts).size).toBe(VALUE_CODES.length);
    for (const t of texts) expect(t).toMatch(/^表二「行政许可 \/ 本年处理决定数量」应填/);
  });

  test('messages name cells by their labels, never by key or formula syntax', () => {
    const f: Finding = {
      rule: 'T3-ROWSUM', target: 'new', severity: 'error', message: '', explanation: null,
      cells: ['t3.new.total', 't3.new.natural', 't3.new.business', 't3.new.research', 't3.new.nonprofit', 't3.new.legal', 't3.new.other'],
      expected: 4, actual: 5,
      values: { 't3.new.total': 5, 't3.new.natural': 3, 't3.new.business': 1, 't3.new.research': 0, 't3.new.nonprofit': 0, 't3.new.legal': 0, 't3.new.other': 0 },
    };
    const text = renderMessage(f);
    expect(text).toBe('表三「本年新收申请」行：总计填报 5，但六类申请人相加为 4（自然人 3 + 商业企业 1，其余各项为 0），相差 1。');
    expect(text).not.toMatch(/t3\.|SUM|=/);
  });
});
