/** Shared set-up for the adapter tests: a fake workbook, services over it, and ways to fill the template's inputs. */
import { KEY_POSITIONS, TABLE_KEYS } from '../../src/spec';
import { toA1 } from '../../src/core';
import { createExcelServices, type ExcelServiceDeps } from '../../src/excel';
import { FakeExcel, type CellValue } from '../../src/excel/testing/fakeExcel';

export function setup(apiVersion = '1.18', deps: ExcelServiceDeps = {}): { fake: FakeExcel; services: ReturnType<typeof createExcelServices> } {
  const fake = new FakeExcel(apiVersion);
  const services = createExcelServices({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    policy: { sleep: async () => undefined, firstSyncTimeoutMs: 50 },
    now: () => new Date(2025, 0, 15, 9, 30),
    ...deps,
  });
  return { fake, services };
}

export function addressOf(key: string): { sheet: string; a1: string } {
  const pos = KEY_POSITIONS.get(key);
  if (!pos) throw new Error(`no position for ${key}`);
  return { sheet: pos.sheet.name, a1: toA1(pos.row, pos.col) };
}

export function put(fake: FakeExcel, key: string, value: CellValue): void {
  const at = addressOf(key);
  fake.setValue(at.sheet, at.a1, value);
}

/** A complete, consistent report: every table cell 0, metadata filled. */
export function fillClean(fake: FakeExcel): void {
  for (const key of TABLE_KEYS) put(fake, key, 0);
  put(fake, 'meta.body', '沙坡头区香山乡人民政府');
  put(fake, 'meta.year', 2024);
  put(fake, 'meta.level', '乡镇人民政府、街道办事处');
  put(fake, 'meta.kind', '本机关年度报告');
}

/** `n` table-三 cells hold text: exactly `n` VALUE-COUNT findings (the sums they belong to are skipped). */
export function spoil(fake: FakeExcel, n: number): string[] {
  const keys = TABLE_KEYS.filter((k) => k.startsWith('t3.')).slice(0, n);
  if (keys.length < n) throw new Error('not enough cells');
  for (const k of keys) put(fake, k, '三');
  return keys;
}
