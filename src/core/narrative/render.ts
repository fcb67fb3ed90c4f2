/**
 * A draft as plain text or Markdown. Tables are given as simple grids (rows of label and values); the .docx writer
 * draws them with the official merged headers.
 */
import { T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../spec';
import type { Draft, DraftSection } from './draft';

export interface SimpleTable {
  header: string[];
  rows: string[][];
}

/** The table of a section as header + rows, values as printed in the draft. */
export function simpleTable(table: 't2' | 't3' | 't4', cells: Record<string, string>): SimpleTable {
  const v = (key: string): string => cells[key] ?? '';
  if (table === 't2') {
    return {
      header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        ['第二十条第（一）项', '', '', ''],
        ...(['regulations', 'normative'] as const).map((k) => [
          k === 'regulations' ? '规章' : '行政规范性文件',
          v(`t2.${k}.issued`),
          v(`t2.${k}.repealed`),
          v(`t2.${k}.in_force`),
        ]),
        ['第二十条第（五）项 · 本年处理决定数量', '', '', ''],
        ['行政许可', v('t2.licensing'), '', ''],
        ['第二十条第（六）项 · 本年处理决定数量', '', '', ''],
        ['行政处罚', v('t2.punishment'), '', ''],
        ['行政强制', v('t2.enforcement'), '', ''],
        ['第二十条第（八）项 · 本年收费金额（单位：万元）', '', '', ''],
        ['行政事业性收费', v('t2.fees'), '', ''],
      ],
    };
  }
  if (table === 't3') {
    const rows: string[][] = [];
    let group = '';
    const combined = T3_COLUMNS.some((c) => cells[`t3.other_combined.${c.key}`] !== undefined);
    for (const row of T3_ROWS) {
      if (combined && row.group === 'other') {
        if (group !== 'other') rows.push([T3_GROUPS.other, ...T3_COLUMNS.map((c) => v(`t3.other_combined.${c.key}`))]);
        group = 'other';
        continue;
      }
      const prefix = row.group && row.group !== group ? `${T3_GROUPS[row.group]} ` : '';
      if (row.group) group = row.group;
      const label = row.key === 'granted' ? `三、本年度办理结果 ${row.label}` : `${prefix}${row.label}`;
      rows.push([label, ...T3_COLUMNS.map((c) => v(t3Key(row.key, c.key)))]);
    }
    return { header: ['申请人情况', ...T3_COLUMNS.map((c) => (c.key === 'natural' || c.key === 'total' ? c.label : `法人或其他组织·${c.label}`))], rows };
  }
  return {
    header: ['', ...T4_OUTCOMES.map((o) => o.label)],
    rows: T4_GROUPS.map((g) => [g.key === 'reconsideration' ? g.label : `行政诉讼·${g.label}`, ...T4_OUTCOMES.map((o) => v(t4Key(g.key, o.key)))]),
  };
}

/** Sentences of a section grouped into paragraphs. */
export function paragraphs(section: DraftSection): string[] {
  const out: string[] = [];
  for (const s of section.sentences) {
    if (out.length === 0 || s.paragraph) out.push(s.text);
    else out[out.length - 1] += s.text;
  }
  return out;
}

function sectionText(section: DraftSection, heading: (s: DraftSection) => string, inline: (title: string) => string): string[] {
  const paras = paragraphs(section);
  if (section.level === 2) {
    // Sub-parts of 一 read as in published reports: 「（一）主动公开。本年度…」
    const [first = '', ...rest] = paras;
    return [`${inline(section.title)}${first}`, ...rest];
  }
  return [heading(section), ...paras];
}

export function draftToText(draft: Draft): string {
  const lines: string[] = [];
  for (const section of draft.sections) {
    const body = sectionText(section, (s) => s.title, (t) => `${t}。`);
    lines.push(...body.map((p, i) => (i === 0 && section.level < 2 ? p : `\u3000\u3000${p}`)));
    if (section.table) {
      const t = simpleTable(section.table, draft.cells);
      lines.push(t.header.join('\t'), ...t.rows.map((r) => r.join('\t')));
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const mdEscape = (s: string): string => s.replace(/\|/g, '\\|');

export function draftToMarkdown(draft: Draft): string {
  const out: string[] = [];
  for (const section of draft.sections) {
    const body = sectionText(
      section,
      (s) => `${s.level === 0 ? '#' : '##'} ${s.title}`,
      (t) => `**${t}。**`,
    );
    out.push(...body, '');
    if (section.table) {
      const t = simpleTable(section.table, draft.cells);
      out.push(`| ${t.header.map(mdEscape).join(' | ')} |`, `|${t.header.map(() => ' --- |').join('')}`);
      for (const r of t.rows) out.push(`| ${r.map(mdEscape).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
