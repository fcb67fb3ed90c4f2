/**
 * The report as a PDF-to-Markdown converter writes it: headings with hashes, table 二 as small pipe tables under
 * their band lines, each group of table 三 as a separate small table with generic headers (数据1 … 数据6 | 总计), the
 * 申请人情况 header lost, the row labels as loose lines above their numbers, a wrong header row inserted in the
 * middle of one table (a page break, or the header of another table), and table 四 as three 5-column tables.
 */
import { T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../../src/spec';
import type { Rand } from '../../helpers/reports';
import type { Page } from './page';

const GENERIC = ['数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
const WRONG_HEADERS = [GENERIC, T4_OUTCOMES.map((o) => o.label), T3_COLUMNS.map((c) => c.label)];

const pipe = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const rule = (n: number): string => `|${' --- |'.repeat(n)}`;

/** Rows of table 三 grouped as a converter splits them, with the loose lines that head each group. */
const T3_PARTS: { heads: string[]; rows: string[] }[] = [
  { heads: [], rows: ['new'] },
  { heads: [], rows: ['carried_in'] },
  { heads: ['三、本年度办理结果'], rows: ['granted', 'partly_granted'] },
  ...(Object.keys(T3_GROUPS) as (keyof typeof T3_GROUPS)[]).map((g) => ({ heads: [T3_GROUPS[g]], rows: T3_ROWS.filter((r) => r.group === g).map((r) => r.key) })),
  { heads: [], rows: ['handled_total'] },
  { heads: [], rows: ['carried_out'] },
];

export function converterMarkdown(page: Page, rand: Rand): string {
  const v = (key: string): string => page.draft.cells[key] ?? '';
  const out: string[] = [];
  // One table of table 三 with two rows or more gets a wrong header between its rows.
  const multi = T3_PARTS.map((p, i) => [p, i] as const).filter(([p]) => p.rows.length > 1);
  const [, wrongPart] = multi[Math.floor(rand() * multi.length)];
  const wrong = WRONG_HEADERS[Math.floor(rand() * WRONG_HEADERS.length)];
  const labelOf = (key: string): string => T3_ROWS.find((r) => r.key === key)?.label ?? key;
  for (const block of page.blocks) {
    if (block.kind === 'heading') out.push(`${block.level === 0 ? '#' : '##'} ${block.text}`, '');
    else if (block.kind === 'paragraph') out.push(block.text, '');
    else if (block.id === 't2') {
      const bands: [string, string[], [string, string[]][]][] = [
        ['第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [
          ['规章', ['issued', 'repealed', 'in_force'].map((f) => v(`t2.regulations.${f}`))],
          ['行政规范性文件', ['issued', 'repealed', 'in_force'].map((f) => v(`t2.normative.${f}`))],
        ]],
        ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', [v('t2.licensing')]]]],
        ['第二十条第（六）项', ['信息内容', '本年处理决定数量'], [['行政处罚', [v('t2.punishment')]], ['行政强制', [v('t2.enforcement')]]]],
        ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', [v('t2.fees')]]]],
      ];
      for (const [band, head, rows] of bands) {
        out.push(band, '', pipe(head), rule(head.length), ...rows.map(([label, values]) => pipe([label, ...values])), '');
      }
    } else if (block.id === 't3') {
      out.push('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '');
      T3_PARTS.forEach((part, i) => {
        out.push(...part.heads, ...part.rows.map(labelOf), '');
        const rows = part.rows.map((key) => pipe(T3_COLUMNS.map((c) => v(t3Key(key, c.key)))));
        if (i === wrongPart) rows.splice(1 + Math.floor(rand() * (rows.length - 1)), 0, pipe(wrong), rule(wrong.length));
        out.push(pipe(GENERIC), rule(GENERIC.length), ...rows, '');
      });
    } else {
      T4_GROUPS.forEach((g, gi) => {
        if (gi === 1) out.push('行政诉讼');
        out.push(g.label, '', pipe(T4_OUTCOMES.map((o) => o.label)), rule(5), pipe(T4_OUTCOMES.map((o) => v(t4Key(g.key, o.key)))), '');
      });
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
