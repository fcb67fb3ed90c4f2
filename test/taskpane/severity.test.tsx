import { severityLook } from '../../src/taskpane/severity';

describe('severityLook', () => {
  test('each severity has its Chinese label, its own intent and an icon', () => {
    const looks = (['error', 'warning', 'info'] as const).map(severityLook);
    expect(looks.map((l) => [l.label, l.intent])).toEqual([
      ['错误', 'error'],
      ['核实', 'warning'],
      ['提示', 'info'],
    ]);
    expect(new Set(looks.map((l) => l.icon.type)).size).toBe(3);
  });
});
