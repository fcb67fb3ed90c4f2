/**
 * Who sent a workbook and for which year. A received workbook names its unit in a 填报单位 / 机关名称 line, in its
 * title (「XX局2024年政府信息公开工作年度报告」), in a sheet's name, or only in the file's name: read in that order,
 * and say which source was used.
 */
import type { Grid } from './grid';

export type MetaSource = 'unit' | 'title' | 'sheet' | 'file';

export interface MetaSources {
  body: MetaSource | null;
  year: MetaSource | null;
}

export interface ReportMeta {
  body?: string;
  /** A number; or the year field's text as written when it is not a year (the checks report it). */
  year?: number | string;
  sources: MetaSources;
}

/** Labels of a unit line: 「填报单位：XX局」 in one cell, or the label with the name to its right. */
const UNIT_LABELS = ['填报单位', '报送单位', '填报机关', '报告单位', '单位名称', '机关名称', '单位'];
/** What may follow the name on the same line (填报人, 日期…), cut off. */
const LINE_TAIL = /(?:\s{2,}|[\s,，;；])(?:填报人|填表人|联系人|负责人|审核人|联系电话|电话|日期|填报日期|填表日期|报送日期|时间)[\s\S]*$/;
/** Common endings of Chinese government bodies' names; a sheet named like this names the unit. */
const BODY_ENDING = /(人民政府|政府|办公室|办公厅|办事处|委员会|管委会|管理委员会|局|委|厅|院|署|办|镇|乡|街道|中心|站|所|队|馆|处|社|会|集团|公司)$/;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

/** A cleaned body name, or undefined when the text is not plausibly one. */
export function cleanBody(text: string): string | undefined {
  const s = text
    .normalize('NFKC')
    .replace(LINE_TAIL, '')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[(（]\s*(?:盖章|公章|印章|章)\s*[)）]/g, '')
    .replace(/^[《“"「]+|[》”"」:：。]+$/g, '')
    .replace(/^关于/, '');
  if (s.length < 2 || s.length > 60) return undefined;
  if (!/[\u4e00-\u9fff]/.test(s)) return undefined;
  if (/^[xX×＊*某]+$/.test(s) || /^(?:sheet|表)\d*$/i.test(s)) return undefined;
  return s;
}

/** A four-digit report year in a text (1990–2099), from 「2024年」「2024年度」 or a bare 2024. */
export function yearIn(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:\s*年)?(?!\d)/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

/** A field value as a year: 2024, 「2024」, 「2024年」, 「2024年度」. */
function fieldYear(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*((?:19|20)\d{2})\s*(?:年度?)?\s*$/.exec(String(v).normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

function unitLine(grid: Grid): string | undefined {
  for (const sheet of grid.sheets) {
    for (const t of sheet.texts) {
      const s = t.text.normalize('NFKC').trim();
      const label = UNIT_LABELS.find((l) => s.startsWith(l));
      if (!label) continue;
      const rest = s.slice(label.length).replace(/^[\s:：]+/, '');
      if (rest && /^[:：\s]/.test(s.slice(label.length))) {
        const body = cleanBody(rest);
        if (body) return body;
      }
      if (compact(s) === label || compact(s) === `${label}:`) {
        // The label alone: the name is in the next filled cell to its right on the same row.
        const right = (sheet.rows.get(t.row) ?? []).find((c) => c.col > t.col);
        const body = right ? cleanBody(right.text) : undefined;
        if (body) return body;
      }
    }
  }
  return undefined;
}

/** A title naming the report: body and year around 「…年（度）…政府信息公开…」. */
function title(grid: Grid): { body?: string; year?: number } {
  for (const sheet of grid.sheets) {
    for (const t of sheet.texts) {
      const s = compact(t.text);
      if (!s.includes('政府信息公开') || s.length > 80) continue;
      const m = /^(.*?)((?:19|20)\d{2})年(?:度)?(.*?)政府信息公开/.exec(s) ?? /^(.*?)政府信息公开.*?((?:19|20)\d{2})年?(?:度)?/.exec(s);
      if (!m) continue;
      const year = Number(m[2]);
      const body = cleanBody(m[1]) ?? (m[3] ? cleanBody(m[3]) : undefined) ?? nameAbove(sheet.rows, t.row);
      return { body, year };
    }
  }
  return {};
}

/** A cover page: the unit's name on a line of its own just above the title. */
function nameAbove(rows: ReadonlyMap<number, readonly { text: string }[]>, row: number): string | undefined {
  for (let r = row - 1; r >= row - 3 && r >= 0; r -= 1) {
    for (const t of rows.get(r) ?? []) {
      const body = cleanBody(t.text);
      if (body && BODY_ENDING.test(body)) return body;
    }
  }
  return undefined;
}

function fromSheets(grid: Grid): { body?: string; year?: number } {
  let body: string | undefined;
  let year: number | undefined;
  for (const sheet of grid.sheets) {
    const name = sheet.name.normalize('NFKC').trim();
    const withoutYear = name.replace(/(?:19|20)\d{2}\s*年?度?/g, '').replace(/(?:年报|年度报告|统计表|报表)$/, '');
    if (body === undefined && BODY_ENDING.test(withoutYear)) body = cleanBody(withoutYear);
    year ??= yearIn(name);
  }
  return { body, year };
}

/** The file name (no folders) read for a body and year: 「某某局2024年报（自制表格）.xlsx」. */
function fromFileName(fileName: string): { body?: string; year?: number } {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').normalize('NFKC');
  const year = yearIn(base);
  const body = cleanBody(
    base
      .replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')
      .replace(/政府信息公开(?:工作)?(?:年度)?报告|政府信息公开|年度报告|年报|统计表|报表|终稿|定稿|修改稿|最终版/g, '')
      .replace(/(?:19|20)\d{2}\s*年?度?/g, '')
      .replace(/[-_ ]?v?\d+$/, ''),
  );
  return { body, year };
}

/** Find the unit's name and year. `given` are the values of structured fields (template, 机关名称 labels). */
export function findReportMeta(grid: Grid, given: { body?: string; year?: string | number }, fileName?: string): ReportMeta {
  const sources: MetaSources = { body: null, year: null };
  let body = given.body !== undefined ? cleanBody(given.body) ?? given.body.trim() : undefined;
  let year = fieldYear(given.year);
  if (body) sources.body = 'unit';
  if (year !== undefined) sources.year = 'unit';
  // A year field holding something else is kept as it was, for the checks to report.
  const rawYear = year === undefined && given.year !== undefined ? given.year : undefined;

  const steps: [MetaSource, () => { body?: string; year?: number }][] = [
    ['unit', () => ({ body: unitLine(grid) })],
    ['title', () => title(grid)],
    ['sheet', () => fromSheets(grid)],
    ['file', () => (fileName ? fromFileName(fileName) : {})],
  ];
  for (const [source, read] of steps) {
    if (body && (year !== undefined || rawYear !== undefined)) break;
    const r = read();
    if (!body && r.body) {
      body = r.body;
      sources.body = source;
    }
    if (year === undefined && rawYear === undefined && r.year !== undefined) {
      year = r.year;
      sources.year = source;
    }
  }
  const out: ReportMeta = { sources };
  if (body) out.body = body;
  const y = year ?? rawYear;
  if (y !== undefined) out.year = y;
  return out;
}
