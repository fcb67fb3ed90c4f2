/**
 * Label texts as clerks type or paste them: the official label (src/spec) changed by the layout's label habits.
 * Typos are the ones found in published reports (FORMAT.md §7); the rest are mechanical (brackets, 1、, breaks, spaces).
 */
import type { Layout } from './layout';

/** Published misspellings of official labels (FORMAT.md §7), by the official label. */
const TYPOS: Record<string, string> = {
  '2.其他法律行政法规禁止公开': '2.其他法律行政止公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '（二）部分公开（区分处理的，只计这一情况，不计其他情形）',
  '5.属于三类内部事务信息': '5.属于三类内容事务信息',
  '3.危及“三安全一稳定”': '3.危及"三安全一稳定"',
  行政规范性文件: '规范性文件',
};

/** The official 总计 is replaced by the layout's word wherever it is a total. */
function totalWord(text: string, layout: Layout): string {
  return layout.totalWord === '总计' ? text : text.replace(/总计/g, layout.totalWord);
}

/** Break a long label about halfway, after a punctuation mark when there is one (as Word wraps a pasted cell). */
function breakLine(text: string): string {
  if (text.length < 9) return text;
  const mid = Math.floor(text.length / 2);
  const punct = /[，、）]/g;
  let best = -1;
  for (let m = punct.exec(text); m; m = punct.exec(text)) {
    if (m.index > 2 && m.index < text.length - 2 && (best < 0 || Math.abs(m.index - mid) < Math.abs(best - mid))) best = m.index;
  }
  const at = best >= 0 ? best + 1 : mid;
  return `${text.slice(0, at)}\n${text.slice(at)}`;
}

/** Full-width spaces: between the characters of a short label (自\u3000然\u3000人), after the enumerator of a long one. */
function spaceOut(text: string): string {
  const core = text.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、])/, '');
  const head = text.slice(0, text.length - core.length);
  if (core.length <= 4 && !head) return [...core].join('\u3000');
  return head ? `${head}\u3000${core}` : `\u3000${core}`;
}

export interface LabelOptions {
  /** The label is a total (总计) the clerk may call 合计/小计/共计. */
  total?: boolean;
  /** Do not break this label over lines (short header words). */
  noBreak?: boolean;
}

/** The text a clerk's workbook shows for an official label. */
export function labelText(official: string, layout: Layout, options: LabelOptions = {}): string {
  let s = official;
  if (layout.typos && TYPOS[s]) s = TYPOS[s];
  if (options.total) s = totalWord(s, layout);
  if (layout.enumComma) s = s.replace(/^(\d+)\./, '$1、');
  if (layout.halfWidthBrackets) s = s.replace(/（/g, '(').replace(/）/g, ')');
  if (layout.fullWidthSpaces) s = spaceOut(s);
  if (layout.lineBreaks && !options.noBreak) s = breakLine(s);
  return s;
}
