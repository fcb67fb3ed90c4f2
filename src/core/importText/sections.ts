/**
 * The report's parts in the text: the title (body and year), the three table regions, and the narrative sections
 * keyed as the narrative module keys them ('opening', '一', '一（一）'…'一（五）', '五', '六').
 */
import { heading } from './labels';
import { compactOf, joinProse, type Normalised } from './text';

export interface Span {
  start: number;
  end: number;
}

export interface Layout {
  /** Regions of the normalised text; null when the table's heading was not found. */
  t2: Span | null;
  t3: Span | null;
  t4: Span | null;
  /** Whether table 四 ends at a found 五、 heading (otherwise its end is a guess and fused splits are not tried). */
  t4Bounded: boolean;
  /** Section headings found: where each section's text starts and ends. */
  sections: { id: string; start: number; end: number }[];
  /** End of the title block. */
  headEnd: number;
}

function search(text: string, re: RegExp, from = 0, to = text.length): { index: number; end: number } | null {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text.slice(from, to));
  return m ? { index: from + m.index, end: from + m.index + m[0].length } : null;
}

function searchLast(text: string, re: RegExp, from: number, to: number): { index: number; end: number } | null {
  const g = new RegExp(re.source, 'g');
  const window = text.slice(from, to);
  let last: { index: number; end: number } | null = null;
  for (let m = g.exec(window); m; m = g.exec(window)) {
    last = { index: from + m.index, end: from + m.index + m[0].length };
    if (m[0].length === 0) g.lastIndex += 1;
  }
  return last;
}

const H_OVERVIEW = heading('一、总体情况');
const H_T2 = heading('二、主动公开政府信息情况');
const H_T2_BAND = heading('第二十条');
const H_T3 = heading('收到和处理政府信息公开申请');
const H_T3_NOTE = heading('本列数据的勾稽关系');
const H_T4 = heading('行政复议、行政诉讼情况');
const H_T4_LOOSE = heading('行政复议');
const H_FIVE_FULL = heading('五、存在的主要问题及改进情况');
const H_FIVE = heading('五、存在的主要问题');
const H_FIVE_LOOSE = heading('存在的主要问题');
const H_SIX = heading('六、其他需要报告的事项');
const H_SIX_LOOSE = heading('其他需要报告的事项');

/** Locate the tables and sections. Nothing here throws; what is missing is null. */
export function locate(text: string): Layout {
  const overview = search(text, H_OVERVIEW);
  const t3h = search(text, H_T3, overview?.end ?? 0) ?? search(text, H_T3) ?? search(text, H_T3_NOTE);
  const t3Start = t3h?.index ?? null;
  const t2Limit = t3Start ?? text.length;
  const t2h =
    searchLast(text, H_T2, overview?.end ?? 0, t2Limit) ??
    search(text, H_T2_BAND, overview?.end ?? 0, t2Limit) ??
    search(text, H_T2_BAND, 0, t2Limit);
  const t4h = t3h ? (search(text, H_T4, t3h.end) ?? search(text, H_T4_LOOSE, t3h.end)) : search(text, H_T4);
  const fiveFrom = t4h?.end ?? t3h?.end ?? t2h?.end ?? overview?.end ?? 0;
  const five = search(text, H_FIVE_FULL, fiveFrom) ?? search(text, H_FIVE, fiveFrom) ?? search(text, H_FIVE_LOOSE, fiveFrom);
  const six = search(text, H_SIX, five?.end ?? fiveFrom) ?? search(text, H_SIX_LOOSE, five?.end ?? fiveFrom);

  const t2 = t2h ? { start: t2h.index, end: t3Start ?? t4h?.index ?? five?.index ?? text.length } : null;
  const t3 = t3h ? { start: t3h.index, end: t4h?.index ?? five?.index ?? text.length } : null;
  const t4 = t4h ? { start: t4h.index, end: five?.index ?? six?.index ?? text.length } : null;

  const headEnd = titleEnd(text, overview?.index ?? t2h?.index ?? text.length);
  const sections: Layout['sections'] = [];
  const firstTable = t2h?.index ?? t3Start ?? t4h?.index ?? five?.index ?? text.length;
  if (overview) {
    sections.push({ id: 'opening', start: headEnd, end: overview.index });
    sections.push(...subSections(text, overview.end, firstTable));
  } else {
    sections.push({ id: 'opening', start: headEnd, end: firstTable });
  }
  if (five) sections.push({ id: '五', start: five.end, end: six?.index ?? text.length });
  if (six) sections.push({ id: '六', start: six.end, end: text.length });
  return { t2, t3, t4, t4Bounded: Boolean(five ?? six), sections, headEnd };
}

/** 一、总体情况 and its parts （一）…（五）, each found after the previous one at a line or sentence start. */
function subSections(text: string, from: number, to: number): Layout['sections'] {
  const marks = ['一', '二', '三', '四', '五'];
  const found: { id: string; index: number; end: number }[] = [];
  let cursor = from;
  for (const mark of marks) {
    const re = new RegExp(`(^|\\n|。|\\s)\\s*[（(]\\s*${mark}\\s*[）)]`);
    const m = re.exec(text.slice(cursor, to));
    if (!m) continue;
    const index = cursor + m.index + m[1].length;
    const end = cursor + m.index + m[0].length;
    found.push({ id: `一（${mark}）`, index, end });
    cursor = end;
  }
  const out: Layout['sections'] = [{ id: '一', start: from, end: found[0]?.index ?? to }];
  found.forEach((f, i) => out.push({ id: f.id, start: f.end, end: found[i + 1]?.index ?? to }));
  return out;
}

/** The title block ends where the body text starts: 根据…, 本报告…, or the first section. */
function titleEnd(text: string, limit: number): number {
  const head = text.slice(0, limit);
  const starts = [/根据\s*《/, /本\s*报\s*告/, /按照\s*《/, /依据\s*《/].map((re) => re.exec(head)?.index ?? limit);
  return Math.min(limit, ...starts);
}

/** The narrative of each section, as published (quoted from the source text), lines joined. */
export function narrativeOf(layout: Layout, norm: Normalised, source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of layout.sections) {
    if (s.end <= s.start) continue;
    const text = joinProse(source.slice(norm.map[s.start], norm.map[s.end]));
    if (text.replace(/[\s。，,.、]/g, '') !== '') out[s.id] = text.replace(/^[。.，,、\s]+/, '');
  }
  return out;
}

/** A web page's navigation above the title: a breadcrumb ("首页 > 政府信息公开 > 年报"), "当前位置：…". */
const NAVIGATION = /[>＞»]|^\s*(首页|当前位置|您(当前)?的?位置|您现在的位置)/;
const YEAR_TITLE = /(\d{4})年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告/;
const QUOTED_TITLE = /《([^《》]{2,60}?)(\d{4})年度?政府信息公开工作年度报告》/;
const ORGAN_END = /(人民政府|政府|办公室|办公厅|委员会|局|厅|部|署|院|中心|办|所|队|站|处|科|会|公司|集团|监狱|法院|检察院|管委会)$/;
const PLACE_END = /(乡|镇|街道|区|县|市|旗|州|盟)$/;
const PREFIX = /^[\u4e00-\u9fff]{2,6}(?:省|市|自治区|自治州|州|盟|地区)$/;
const STOP_BEFORE = /[由与向在和及是对为经的、，,。《（“：:\s]/;

/** The body and year from the title (or the quoted title in the opening), completed from the text where it names
 * the body in full (淮安市洪泽区人民政府 for a title 洪泽区人民政府; 香山乡人民政府 for a title 沙坡头区香山乡). */
export function metaOf(text: string, headEnd: number): { body: string | null; year: number | null } {
  const head = text
    .slice(0, headEnd)
    .split('\n')
    .filter((line) => !NAVIGATION.test(line))
    .join('\n')
    .replace(/(https?[：:]\/\/|www\.)\S*/gi, ' ');
  const compactHead = compactOf(head).replace(/[《》]/g, '');
  let body: string | null = null;
  let year: number | null = null;
  const m = YEAR_TITLE.exec(compactHead);
  if (m) {
    year = Number(m[1]);
    const before = compactHead.slice(0, m.index).replace(/^[^\u4e00-\u9fff]+/, '');
    body = before.length >= 2 ? before : null;
  }
  if (!body || !year) {
    const q = QUOTED_TITLE.exec(compactOf(text));
    if (q) {
      body = body ?? q[1];
      year = year ?? Number(q[2]);
    }
  }
  if (year !== null && (year < 2000 || year > 2100)) year = null;
  return { body: body ? completeBody(body, compactOf(text)) : null, year };
}

function completeBody(title: string, all: string): string {
  // A county-level government named without its city ("洪泽区人民政府") where the text writes it in full
  // ("由淮安市洪泽区人民政府办公室…").
  if (/^[\u4e00-\u9fff]{1,6}(区|县|旗)(人民政府|政府)/.test(title)) {
    for (let at = all.indexOf(title); at > 0; at = all.indexOf(title, at + 1)) {
      for (let len = 3; len <= 8 && len <= at; len += 1) {
        const prefix = all.slice(at - len, at);
        if (PREFIX.test(prefix) && (at - len === 0 || STOP_BEFORE.test(all[at - len - 1]))) return prefix + title;
      }
    }
  }
  // A title that names a place but no organ ("沙坡头区香山乡") where the text names the organ ("香山乡人民政府").
  if (!ORGAN_END.test(title) && PLACE_END.test(title)) {
    const names = [title, ...[4, 3].filter((n) => n < title.length).map((n) => title.slice(-n))];
    if (names.some((name) => all.includes(`${name}人民政府`))) return `${title}人民政府`;
  }
  return title;
}
