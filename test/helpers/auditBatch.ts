/**
 * A supervisor's batch as the 审核 tab holds it after checking: `units` received files checked by the core, some
 * sound, some broken (arithmetic, placeholders, text for numbers), some with the unit's explanations (one starting
 * with `=`), some unreadable, and unit names that a spreadsheet would misread (`=…`, `-…`, `2024`). Seeded.
 */
import { checkReadFile, unreadableFile, type CheckedFile } from '../../src/core';
import { seeded, soundReport } from './reports';

export interface BatchOptions {
  seed?: number;
  /** Extra findings per broken unit: text typed into this many table-三 cells (long messages, for size tests). */
  spoilCells?: number;
}

const HOSTILE_NAMES = ['=HYPERLINK("http://example.invalid","点此")', '-某某局', '2024', "'引号开头的局", '@某某办', 'TRUE'];

export function auditBatch(units: number, options: BatchOptions = {}): CheckedFile[] {
  const rand = seeded(options.seed ?? 13);
  const items: CheckedFile[] = [];
  for (let i = 0; i < units; i += 1) {
    const file = `收到的年报/${String(i + 1).padStart(3, '0')} 单位${i + 1}.xlsx`;
    if (i % 25 === 24) {
      items.push(unreadableFile(file, i % 50 === 49 ? '这不是 Excel 工作簿（文件内容不是 zip 格式），可能是改了扩展名的其他文件' : '文件已加密（设置了打开密码），无法读取'));
      continue;
    }
    const report = soundReport(rand);
    report.meta.body = i < HOSTILE_NAMES.length ? HOSTILE_NAMES[i] : `沙坡头区第${i + 1}局`;
    report.meta.year = 2024;
    const explanations = new Map<string, string>();
    if (i % 4 === 1) report.values['t3.new.natural'] = Number(report.values['t3.new.natural']) + 1;
    if (i % 4 === 2) {
      report.values['t2.licensing'] = '/';
      explanations.set('VALUE-EMPTY:t2.licensing', i % 8 === 2 ? '=本单位无行政许可职能，按要求填“/”' : '本单位无行政许可职能，按上级要求填“/”。');
    }
    if (i % 6 === 5) report.values['t4.reconsideration.total'] = '三';
    if (options.spoilCells && i % 4 !== 0) {
      const keys = Object.keys(report.values).filter((k) => k.startsWith('t3.') && !k.endsWith('.total'));
      for (const k of keys.slice(0, options.spoilCells)) report.values[k] = '填写说明见附件，本项数字以正式文件为准，此处暂不填写具体数字';
    }
    items.push(checkReadFile(file, { report, format: '2021', explanations }));
  }
  return items;
}
