/**
 * A hand-made workbook from report data and a layout: the tables drawn (draw.ts) and placed on sheets as a clerk
 * would, numbers written in the clerk's style, totals as formulas with the results Excel would cache, extra and hidden
 * sheets; written with exceljs, cached formula values checked (and written) in the XML. Returns the .xlsx bytes and
 * the ground truth. Independent of src/xlsx/writeTemplate.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { T3_COLUMNS, T3_OTHER_ROWS, TABLE_KEYS, t3Key } from '../../src/spec';
import { toA1, type ReportData } from '../../src/core';
import { seeded, soundReport, type Rand } from '../helpers/reports';
import { Block, drawT2, drawT2Of2019, drawT3, drawT4, T3_COMBINED_ROW, type Content } from './draw';
import type { Layout } from './layout';
import { expectedFindings, type Expected, type Truth } from './truth';

export interface HandMade {
  bytes: Buffer;
  truth: Truth;
}

/** Who sent the workbook: drawn into titles, 填报单位 lines and covers. */
interface Unit {
  body: string;
  year: number;
}

interface SheetSpec {
  name: string;
  state: 'visible' | 'hidden';
  grid: Block;
}

const int = (rand: Rand, max: number): number => Math.floor(rand() * (max + 1));

// ------------------------------------------------------------------------------------------------------------------
// Numbers as clerks type them

const FULL_WIDTH = (s: string): string => s.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** What the cell holds for the number n, and what a correct reader must make of it. `i` varies the style per cell. */
function render(n: number, layout: Layout, i: number): { content: Content | null; expect: Expected } {
  const num: Expected = { kind: 'number', value: n };
  if (n === 0) {
    switch (layout.zero) {
      case 'number':
        return { content: 0, expect: num };
      case 'blank':
        return { content: null, expect: { kind: 'blank', placeholder: null } };
      case 'text0':
        return { content: '0', expect: num };
      default:
        return { content: layout.zero, expect: { kind: 'blank', placeholder: layout.zero } };
    }
  }
  const grouped = (sep: string): string => {
    const [whole, frac] = String(n).split('.');
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (frac ? `.${frac}` : '');
  };
  switch (layout.number) {
    case 'number':
      return { content: n, expect: num };
    case 'text':
      return { content: String(n), expect: num };
    case 'spaces':
      return { content: n >= 1000 ? grouped(' ') : [` ${n}`, `${n} `, ` ${n} `][i % 3], expect: num };
    case 'nbsp':
      return { content: i % 2 ? `${n}\u00a0` : `\u00a0${n}`, expect: num };
    case 'thousands':
      return { content: n >= 1000 ? grouped(',') : n, expect: num };
    case 'fullwidth':
      return { content: FULL_WIDTH(String(n)), expect: num };
  }
}

/** Excel's SUM: numbers count, text and blanks do not; formulas by their own result. */
function sumOf(grid: Block, results: Map<string, number>, from: { r: number; c: number }, to: { r: number; c: number }): number {
  let total = 0;
  for (let r = from.r; r <= to.r; r += 1) {
    for (let c = from.c; c <= to.c; c += 1) {
      const formula = results.get(`${r},${c}`);
      const v = grid.get(r, c);
      if (formula !== undefined) total += formula;
      else if (typeof v === 'number') total += v;
    }
  }
  return Math.round(total * 100) / 100;
}

interface Filled {
  expect: Map<string, Expected>;
  where: Map<string, { r: number; c: number }>;
  /** Formula cells: `r,c` → cached result. */
  formulas: Map<string, { text: string; result: number }>;
}

/** Write the report's numbers into a grid's slots and compute its totals. */
function fill(grid: Block, values: Record<string, number>, layout: Layout): Filled {
  const expect = new Map<string, Expected>();
  const where = new Map<string, { r: number; c: number }>();
  grid.slots.forEach((s, i) => {
    const { content, expect: e } = render(values[s.key], layout, i);
    if (content !== null) grid.put(s.r, s.c, content);
    expect.set(s.key, e);
    where.set(s.key, { r: s.r, c: s.c });
  });
  for (const l of grid.loose) {
    const content = l.value < 0 ? l.value : render(l.value, layout, l.r).content;
    if (content !== null) grid.put(l.r, l.c, content);
  }
  const results = new Map<string, number>();
  const formulas = new Map<string, { text: string; result: number }>();
  // Totals may sum totals (the （七）总计 row's 总计): resolve in passes, innermost first.
  const pending = [...grid.sums];
  for (let pass = 0; pending.length && pass < 4; pass += 1) {
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      const s = pending[i];
      const dependsOnPending = pending.some((o) => o !== s && o.r >= s.from.r && o.r <= s.to.r && o.c >= s.from.c && o.c <= s.to.c);
      if (dependsOnPending) continue;
      const result = sumOf(grid, results, s.from, s.to);
      results.set(`${s.r},${s.c}`, result);
      formulas.set(`${s.r},${s.c}`, { text: `SUM(${toA1(s.from.r, s.from.c)}:${toA1(s.to.r, s.to.c)})`, result });
      expect.set(s.key, { kind: 'number', value: result });
      where.set(s.key, { r: s.r, c: s.c });
      pending.splice(i, 1);
    }
  }
  if (pending.length) throw new Error('circular totals in a generated table');
  return { expect, where, formulas };
}

// ------------------------------------------------------------------------------------------------------------------
// Sheets

/** Title and 填报单位/填报人/日期 lines; returns the next free row. */
function headerLines(grid: Block, meta: Unit, layout: Layout): number {
  grid.span(0, 0, 1, 10, `${meta.body}${meta.year}年政府信息公开工作年度报告统计表`);
  grid.put(1, 0, '填报单位：');
  grid.span(1, 1, 1, 3, meta.body);
  grid.put(1, 5, '填报人：');
  grid.put(1, 6, '张某某');
  grid.put(1, 8, '填报日期：');
  grid.put(1, 9, new Date(Date.UTC(meta.year + 1, 0, 15)));
  return layout.merge === 'merged' ? 3 : 2;
}

function footerLines(grid: Block, row: number): void {
  grid.put(row, 0, '审核人：');
  grid.put(row, 1, '王某某');
  grid.put(row, 3, '联系电话：');
  grid.put(row, 4, 7012345);
  grid.put(row + 1, 0, '备注：本表由办公室汇总填报，数据截至12月31日。');
}

function textSheet(name: string, lines: string[], layout: Layout): SheetSpec {
  const grid = new Block(layout.merge);
  lines.forEach((t, i) => grid.put(i, 0, t));
  return { name, state: 'visible', grid };
}

function coverSheet(meta: Unit, layout: Layout): SheetSpec {
  return textSheet('封面', [meta.body, `${meta.year}年政府信息公开工作年度报告`, '', '报送单位（盖章）：', `报送日期：${meta.year + 1}年1月15日`], layout);
}

function instructionsSheet(meta: Unit, layout: Layout): SheetSpec {
  return textSheet(
    '填报说明',
    [
      '填报说明',
      `1. 统计时限为${meta.year}年1月1日至${meta.year}年12月31日。`,
      '2. 表三“总计”列等于自然人与法人或其他组织各列之和；第一项加第二项之和，等于第三项加第四项之和。',
      '3. 没有发生的填0，不得空白或填“/”。',
      '4. 表四行政复议、行政诉讼分别按结果维持、结果纠正、其他结果、尚未审结、总计填写。',
      '5. 行政事业性收费本年收费金额单位为万元，保留两位小数。',
    ],
    layout,
  );
}

function narrativeSheet(meta: Unit, v: Record<string, number>, layout: Layout): SheetSpec {
  const t = (row: string): number => v[t3Key(row, 'total')];
  return textSheet(
    '正文',
    [
      `${meta.body}${meta.year}年政府信息公开工作年度报告`,
      '一、总体情况',
      `（二）依申请公开。本年度共收到政府信息公开申请${t('new')}件，上年结转${t('carried_in')}件；予以公开${t('granted')}件，部分公开${t('partly_granted')}件，结转下年度继续办理${t('carried_out')}件。`,
      '二、主动公开政府信息情况',
      `本年制发行政规范性文件${v['t2.normative.issued']}件，现行有效${v['t2.normative.in_force']}件。`,
      '四、政府信息公开行政复议、行政诉讼情况',
      `本年度发生政府信息公开行政复议${v['t4.reconsideration.total']}件，行政诉讼${v['t4.litigation_direct.total'] + v['t4.litigation_after.total']}件。`,
    ],
    layout,
  );
}

function helperSheet(layout: Layout): SheetSpec {
  return textSheet('下拉列表', ['是', '否', '本机关', '汇总', '乡镇（街道）', '县级政府部门'], layout);
}

/** Tables 二, 三, 四 of one report placed on sheets as the layout says. */
function tableSheets(values: Record<string, number>, meta: Unit, layout: Layout, rand: Rand): SheetSpec[] {
  const t2 = layout.t2Of2019 ? drawT2Of2019(layout, values) : drawT2(layout);
  const t3 = drawT3(layout);
  const t4 = drawT4(layout);
  let items: { block: Block; name: string }[] = [
    { block: t2, name: layout.sheetNames[0] },
    { block: t3, name: layout.sheetNames[1] },
    { block: t4, name: layout.sheetNames[2] },
  ];
  if (layout.sideBySide) {
    const both = new Block(layout.merge);
    both.place(t3, 0, 0);
    both.place(t4, 0, t3.width + 1 + (layout.offsets ? int(rand, 2) : 0));
    items = [items[0], { block: both, name: layout.sheetNames[1] }];
  }
  if (layout.reversed) items.reverse();
  const offset = (): { r: number; c: number } => (layout.offsets ? { r: 1 + int(rand, 4), c: 1 + int(rand, 5) } : { r: 0, c: 0 });

  if (layout.placement === 'oneSheet') {
    const grid = new Block(layout.merge);
    let top = layout.reportTitle ? headerLines(grid, meta, layout) : 0;
    for (const { block } of items) {
      const at = offset();
      grid.place(block, top + at.r, at.c);
      top += at.r + block.height + layout.gap;
    }
    if (layout.reportTitle) footerLines(grid, top + 1);
    return [{ name: layout.oneSheetName, state: 'visible', grid }];
  }
  return items.map(({ block, name }, i) => {
    const grid = new Block(layout.merge);
    const top = layout.reportTitle && i === 0 ? headerLines(grid, meta, layout) : 0;
    const at = offset();
    grid.place(block, top + at.r, at.c);
    if (layout.reportTitle && i === items.length - 1) footerLines(grid, top + at.r + block.height + 1);
    return { name, state: 'visible' as const, grid };
  });
}

// ------------------------------------------------------------------------------------------------------------------
// Writing

function tableValues(report: ReportData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of TABLE_KEYS) {
    const v = report.values[key];
    if (typeof v !== 'number') throw new Error(`generator needs a number for ${key}, got ${String(v)}`);
    out[key] = v;
  }
  // The 2019 （六）其他处理 row: the sum of the three 2021 rows.
  for (const c of T3_COLUMNS) out[t3Key(T3_COMBINED_ROW, c.key)] = T3_OTHER_ROWS.reduce((s, r) => s + out[t3Key(r, c.key)], 0);
  return out;
}

function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec, formulas: Map<string, { text: string; result: number }>): void {
  const ws = wb.addWorksheet(spec.name, { state: spec.state });
  for (const [rc, v] of spec.grid.cells) {
    const [r, c] = rc.split(',').map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    cell.value = v;
    if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true, vertical: 'middle' };
    if (v instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
  }
  for (const [rc, f] of formulas) {
    const [r, c] = rc.split(',').map(Number);
    ws.getCell(r + 1, c + 1).value = { formula: f.text, result: f.result };
  }
  for (const m of spec.grid.merges) ws.mergeCells(m.r + 1, m.c + 1, m.r + m.rs, m.c + m.cs);
  for (let c = 1; c <= Math.max(spec.grid.width, 1); c += 1) ws.getColumn(c).width = 12;
}

/** Paths of the worksheet parts by sheet name, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) out.set(decodeXml(name), target);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** A stable date so that the same case writes the same bytes (zip entries and document properties). */
const WRITTEN = new Date(Date.UTC(2025, 0, 15, 9, 0, 0));

/**
 * Excel saves every formula with its cached result, 0 included (<c><f>SUM(…)</f><v>0</v></c>). Check each formula
 * cell in the written XML and write the <v> where the library left it out; then pack the parts again with a fixed
 * date, so that a case always gives the same bytes. Returns the bytes and how many <v> were added.
 */
export async function ensureCachedValues(bytes: Buffer, formulas: Map<string, Map<string, number>>): Promise<{ bytes: Buffer; added: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  let added = 0;
  for (const [sheet, cells] of formulas) {
    if (!cells.size) continue;
    const part = parts.get(sheet);
    const file = part ? zip.file(part) : null;
    if (!part || !file) throw new Error(`no worksheet part for ${sheet}`);
    let xml = await file.async('string');
    for (const [a1, result] of cells) {
      const m = new RegExp(`<c r="${a1}"[^>]*>(.*?)</c>`).exec(xml);
      if (!m || !m[1].includes('<f')) throw new Error(`formula cell ${sheet}!${a1} not written`);
      const v = /<v>([^<]*)<\/v>/.exec(m[1]);
      if (v) {
        if (Number(v[1]) !== result) throw new Error(`cached value of ${sheet}!${a1} is ${v[1]}, expected ${result}`);
        continue;
      }
      xml = xml.replace(m[0], m[0].replace('</c>', `<v>${result}</v></c>`));
      added += 1;
    }
    zip.file(part, xml);
  }
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date: WRITTEN, createFolders: false });
  }
  return { bytes: await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), added };
}

/** The hand-made workbook of a report in a layout, and its ground truth. `seed` picks offsets and last year's figures. */
export async function generateHandMade(report: ReportData, layout: Layout, seed: number): Promise<HandMade> {
  const rand = seeded(seed);
  const values = tableValues(report);
  const meta: Unit = { body: String(report.meta.body ?? ''), year: Number(report.meta.year ?? 2024) };
  if (!meta.body) throw new Error('generator needs a body name');

  const tables = tableSheets(values, meta, layout, rand);
  const sheets: SheetSpec[] = [];
  if (layout.extraSheets) sheets.push(coverSheet(meta, layout), instructionsSheet(meta, layout));
  sheets.push(...tables);
  if (layout.hidden === 'helper') sheets.push({ ...helperSheet(layout), state: 'hidden' });
  const prevFormulas = new Map<string, Map<string, { text: string; result: number }>>();
  if (layout.hidden === 'lastYear' || layout.hidden === 'lastYearFirst') {
    // Last year's tables, copied onto one sheet and hidden: other numbers, same drawing.
    const prevLayout: Layout = { ...layout, placement: 'oneSheet', oneSheetName: `${meta.year - 1}年`, reportTitle: false };
    const prevValues = tableValues(soundReport(seeded(seed + 7919), { level: 'county_dept' }));
    for (const s of tableSheets(prevValues, { ...meta, year: meta.year - 1 }, prevLayout, rand)) {
      prevFormulas.set(s.name, fill(s.grid, prevValues, layout).formulas);
      if (layout.hidden === 'lastYear') sheets.push({ ...s, state: 'hidden' });
      else sheets.unshift({ ...s, state: 'hidden' });
    }
  }
  if (layout.extraSheets) sheets.push(narrativeSheet(meta, values, layout));

  const cells = new Map<string, Expected>();
  const where = new Map<string, string>();
  const formulas = new Map<string, Map<string, { text: string; result: number }>>(prevFormulas);
  for (const s of sheets) {
    if (prevFormulas.has(s.name)) continue;
    const filled = fill(s.grid, values, layout);
    for (const [k, e] of filled.expect) cells.set(k, e);
    for (const [k, at] of filled.where) where.set(k, `${s.name}!${toA1(at.r, at.c)}`);
    formulas.set(s.name, filled.formulas);
  }

  const declared: string[] = [];
  if (layout.t2Of2019) {
    for (const key of TABLE_KEYS.filter((k) => k.startsWith('t2.'))) cells.set(key, { kind: 'named', because: '2019年试行格式的表二' });
    declared.push('FORMAT-VERSION:t2');
  }
  if (layout.t3Of2019) for (const r of T3_OTHER_ROWS) for (const c of T3_COLUMNS) cells.set(t3Key(r, c.key), { kind: 'absent' });
  for (const key of TABLE_KEYS) if (!cells.has(key)) throw new Error(`generator drew no cell for ${key}`);

  const wb = new ExcelJS.Workbook();
  wb.creator = '张某某';
  wb.created = WRITTEN;
  wb.modified = WRITTEN;
  for (const s of sheets) writeSheet(wb, s, formulas.get(s.name) ?? new Map());
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  const cached = new Map([...formulas].map(([name, f]) => [name, new Map([...f].map(([rc, v]) => [toA1(...(rc.split(',').map(Number) as [number, number])), v.result]))]));
  const { bytes } = await ensureCachedValues(written, cached);
  const stated = layout.reportTitle || layout.extraSheets;
  const truthMeta = stated ? meta : { body: null, year: null };
  return { bytes, truth: { meta: truthMeta, cells, where, findings: expectedFindings(cells, declared) } };
}
