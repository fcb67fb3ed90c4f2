/**
 * The example text of examples/收到的年报/: a report of example numbers, drafted by our own narrative code and laid
 * out as a government web page copied into a text file (navigation lines, paragraphs, tables as TAB-separated rows),
 * with the kinds of problems a supervisor meets in received texts:
 *   - 规章 printed as “/” by a department that makes none (VALUE-EMPTY: counted as 0, asked to write 0);
 *   - one row whose cells lost their separators, split again by the row arithmetic (STRUCTURE, “按行合计推断拆分”);
 *   - one mistyped cell, so a row and a column no longer add up (T3-ROWSUM, T3-HANDLED);
 *   - one figure in the text that differs from the table (TEXT-NUMBER, quoting the sentence).
 * Nothing in it is copied from a published report. `npm run generate` writes it; test/examples/exampleText.test.ts
 * checks that the committed file is what this writes and that `nianbao check` finds exactly these problems.
 */
import { TABLE_KEYS } from '../src/spec';
import type { ReportData } from '../src/core';
import { renderPublished } from '../test/helpers/publishedText';

export const EXAMPLE_TEXT = 'examples/收到的年报/沙坡头区某某局（网页文本）.txt';

/** The keys printed as “/” instead of 0. */
export const SLASHED = ['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.in_force'];
/** The table-三 row whose cells are fused in the copied page. */
export const FUSED_ROW = 'granted';
/** The mistyped cell: 1 application of a 商业企业 not held, printed as 2 (its row total and column total say 1). */
export const MISTYPED = { key: 't3.unable_not_held.business', printed: 2, meant: 1 };
/** The sentence whose figure differs from the table (the table was corrected after the text was written). */
export const TEXT_FIGURE = { from: '本年度共收到政府信息公开申请13件', to: '本年度共收到政府信息公开申请12件' };

/** Table 三 rows: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const T3: Record<string, number[]> = {
  new: [11, 2, 0, 0, 0, 0, 13],
  carried_in: [1, 0, 0, 0, 0, 0, 1],
  granted: [5, 1, 0, 0, 0, 0, 6],
  partly_granted: [2, 0, 0, 0, 0, 0, 2],
  refused_third_party: [1, 0, 0, 0, 0, 0, 1],
  unable_not_held: [2, MISTYPED.printed, 0, 0, 0, 0, 3],
  ignored_repeat: [1, 0, 0, 0, 0, 0, 1],
  handled_total: [11, 2, 0, 0, 0, 0, 13],
  carried_out: [1, 0, 0, 0, 0, 0, 1],
};
const T3_COLUMN_KEYS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'];

/** The example report as its tables print it (the mistyped cell included, “/” not yet applied). */
export function exampleReport(): ReportData {
  const values: Record<string, number> = {};
  for (const key of TABLE_KEYS) values[key] = 0;
  Object.assign(values, {
    't2.normative.issued': 2,
    't2.normative.repealed': 1,
    't2.normative.in_force': 15,
    't2.licensing': 236,
    't2.punishment': 58,
    't2.enforcement': 3,
    't2.fees': 0,
    't4.reconsideration.upheld': 1,
    't4.reconsideration.total': 1,
    'fee.notices': 0,
    'fee.notified': 0,
    'fee.collected': 0,
  });
  for (const [row, numbers] of Object.entries(T3)) T3_COLUMN_KEYS.forEach((c, i) => (values[`t3.${row}.${c}`] = numbers[i]));
  return { meta: { body: '沙坡头区某某局', year: 2024, level: 'county_dept', kind: 'own' }, values };
}

function replaceOnce(text: string, from: string | RegExp, to: string, what: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`example text: ${what} not found`);
  return out;
}

export function renderExampleText(): string {
  const report = exampleReport();
  const cells = Object.fromEntries(SLASHED.map((k) => [k, '/']));
  let text = renderPublished(report, 'web-text', { seed: 2024, pageChrome: true, leadIn: false, cells });
  text = replaceOnce(text, TEXT_FIGURE.from, TEXT_FIGURE.to, 'the sentence with the figure');
  const fused = T3[FUSED_ROW].slice(0, 6).join('') + String(T3[FUSED_ROW][6]);
  text = replaceOnce(text, new RegExp(`(（一）予以公开)\\t${T3[FUSED_ROW].join('\\t')}`), `$1\t${fused}`, 'the row to fuse');
  return text;
}
