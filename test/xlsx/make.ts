/** Real workbook files for the xlsx tests: template-made, hand-made layouts, broken and hostile ones. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES } from '../../src/spec';
import { parseReportData, type ReportData } from '../../src/core';
import { writeTemplateWorkbook, type TemplateExplanation } from '../../src/xlsx/writeTemplate';
import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '../..');
/** The numbers of the published fixtures (facts kept in the repo; test/corpus/facts.test.ts keeps them equal to ../shared). */
export const FIXTURES = path.resolve(ROOT, 'test/fixtures/reports');

export function fixture(n: string): ReportData {
  const parsed = parseReportData(JSON.parse(readFileSync(path.join(FIXTURES, n, 'expected.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.report;
}

/** A sound report: fixture 001 with the fee figures its 六 section gives, so that it has no finding at all. */
export function soundReport(body = '淮安市人民政府', year = 2024): ReportData {
  const r = fixture('001');
  return { ...r, meta: { ...r.meta, body, year, level: 'city_gov', kind: 'own' }, values: { ...r.values, 'fee.notices': 6, 'fee.notified': 0, 'fee.collected': 0 } };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function templateBuffer(report?: ReportData, explanations?: TemplateExplanation[]): Promise<Buffer> {
  return toBuffer(await writeTemplateWorkbook({ report, explanations }));
}

export interface HandMadeOptions {
  /** Rows and columns of empty space before the tables. */
  shift?: { rows: number; cols: number };
  /** Each table on its own sheet (default: all on one). */
  sheets?: boolean;
  /** Replace official labels with variants found in the wild. */
  variants?: boolean;
  /** Leave out this table-三 row. */
  dropRow?: string;
  /** Table 二 in the 2019 trial layout. */
  t2Of2019?: boolean;
  /** （六）其他处理 as one 2019-style row holding these seven numbers. */
  otherCombined?: number[];
}

const VARIANTS: Record<string, string> = {
  refused_law: '2、其他法律行政止公开',
  refused_internal: '5. 属于三类内容事务信息',
  partly_granted: '(二)部分公开(区分处理的，只计这一情况，不计其他情形)',
  unable_not_held: '1、本机关不掌握相关政府信息',
};

/**
 * A workbook typed by hand: our labels but none of our names, group heads in their own merged column, label texts
 * split over two cells for the 三 rows, tables where the options put them.
 */
export async function handMadeBuffer(report: ReportData, options: HandMadeOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const dr = options.shift?.rows ?? 0;
  const dc = options.shift?.cols ?? 0;
  const main = wb.addWorksheet('年报');
  let sheet = main;
  let r = dr + 1;
  const put = (row: number, col: number, v: ExcelJS.CellValue): void => {
    sheet.getCell(row, col + dc).value = v;
  };
  const val = (key: string): ExcelJS.CellValue => (report.values[key] ?? null) as ExcelJS.CellValue;
  put(r, 1, `${report.meta.body ?? ''}${report.meta.year ?? ''}年政府信息公开工作年度报告`);
  r += 2;

  // 表二
  put(r++, 1, '二、主动公开政府信息情况');
  put(r++, 1, '第二十条第（一）项');
  if (options.t2Of2019) {
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'].forEach((t, i) => put(r, 1 + i, t));
    r += 1;
    put(r, 1, '规章');
    [1, 1, 11].forEach((n, i) => put(r, 2 + i, n));
    r += 1;
  } else {
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].forEach((t, i) => put(r, 1 + i, t));
    r += 1;
    for (const [k, label] of [
      ['regulations', '规章'],
      ['normative', options.variants ? '规范性文件' : '行政规范性文件'],
    ]) {
      put(r, 1, label);
      ['issued', 'repealed', 'in_force'].forEach((f, i) => put(r, 2 + i, val(`t2.${k}.${f}`)));
      r += 1;
    }
  }
  for (const [band, head, items] of [
    ['第二十条第（五）项', '本年处理决定数量', [['t2.licensing', '行政许可']]],
    ['第二十条第（六）项', '本年处理决定数量', [['t2.punishment', '行政处罚'], ['t2.enforcement', '行政强制']]],
    ['第二十条第（八）项', '本年收费金额（单位：万元）', [['t2.fees', '行政事业性收费']]],
  ] as const) {
    put(r++, 1, band);
    put(r, 1, '信息内容');
    put(r++, 2, head);
    for (const [key, label] of items) {
      put(r, 1, label);
      put(r++, 2, val(key));
    }
  }
  r += 1;

  // 表三: labels in columns A–C (group heads merged down column B), values from D.
  if (options.sheets) {
    sheet = wb.addWorksheet('表三');
    r = dr + 1;
  }
  put(r++, 1, '三、收到和处理政府信息公开申请情况');
  put(r, 4, '申请人情况');
  r += 1;
  put(r, 4, '自然人');
  put(r, 5, '法人或其他组织');
  put(r, 10, '总计');
  r += 1;
  T3_COLUMNS.slice(1, 6).forEach((c, i) => put(r, 5 + i, c.label));
  r += 1;
  const groupStart = new Map<string, number>();
  for (const row of T3_ROWS) {
    if (row.key === options.dropRow) continue;
    const label = (options.variants && VARIANTS[row.key]) || row.label;
    if (row.group === 'other' && options.otherCombined) {
      if (row.key !== 'other_no_correction') continue;
      put(r, 2, '（六）其他处理');
      options.otherCombined.forEach((n, i) => put(r, 4 + i, n));
      r += 1;
      continue;
    }
    if (row.group && !groupStart.has(row.group)) {
      groupStart.set(row.group, r);
      put(r, 2, T3_GROUPS[row.group]);
    }
    if (row.key === 'granted') put(r, 1, '三、本年度办理结果');
    if (row.group) {
      // Split label: the number in one cell, the words in the next.
      const m = /^(\d[.、]\s?)(.*)$/.exec(label);
      if (m && options.variants) {
        put(r, 3, `${m[1]}${m[2]}`);
      } else put(r, 3, label);
    } else put(r, row.key === 'new' || row.key === 'carried_in' || row.key === 'carried_out' ? 1 : 2, label);
    T3_COLUMNS.forEach((c, i) => put(r, 4 + i, val(`t3.${row.key}.${c.key}`)));
    r += 1;
  }
  for (const [g, start] of groupStart) {
    const n = T3_ROWS.filter((x) => x.group === g && x.key !== options.dropRow).length;
    if (n > 1) sheet.mergeCells(start, 2 + dc, start + n - 1, 2 + dc);
  }
  r += 1;

  // 表四
  if (options.sheets) {
    sheet = wb.addWorksheet('表四');
    r = dr + 1;
  }
  put(r++, 1, '四、政府信息公开行政复议、行政诉讼情况');
  put(r, 1, '行政复议');
  put(r, 6, '行政诉讼');
  r += 1;
  put(r, 6, T4_GROUPS[1].label);
  put(r, 11, T4_GROUPS[2].label);
  r += 1;
  T4_GROUPS.forEach((_g, gi) => T4_OUTCOMES.forEach((o, oi) => put(r, 1 + gi * 5 + oi, o.label)));
  r += 1;
  T4_GROUPS.forEach((g, gi) => T4_OUTCOMES.forEach((o, oi) => put(r, 1 + gi * 5 + oi, val(`t4.${g.key}.${o.key}`))));
  r += 2;

  sheet = main;
  put(dr + 2, 6, '机关名称');
  put(dr + 2, 7, report.meta.body ?? null);
  put(dr + 3, 6, '报告年度');
  put(dr + 3, 7, (report.meta.year as number) ?? null);
  put(dr + 5, 6, '发出收费通知的件数');
  put(dr + 5, 7, val('fee.notices'));
  return toBuffer(wb);
}

/** A zip holding the given parts (deflated). */
export async function zipOf(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Overwrite the declared uncompressed size of a zip entry in the central directory. */
export function patchDeclaredSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let p = 0; p + 46 < out.length; p += 1) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    const nameLen = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + nameLen).toString('utf8') === entry) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
  }
  throw new Error(`no entry ${entry}`);
}

/** A zip whose one part inflates to `realSize` bytes but declares `declared` (a lying bomb). */
export function lyingBomb(realSize: number, declared: number): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(Buffer.alloc(realSize));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = 30 + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** The start of an OLE compound file with the given stream names in its directory (what an encrypted .xlsx or a .xls holds). */
export function oleContainer(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(128 * Math.max(4, streams.length + 1));
  ['Root Entry', ...streams].forEach((s, i) => {
    const name = Buffer.from(`${s}\0`, 'utf16le');
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length, i * 128 + 64);
  });
  return Buffer.concat([header, dir]);
}

export async function cli(args: string[], options: { cwd?: string; isTty?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTty: options.isTty ?? false, cwd: options.cwd ?? ROOT };
  const code = await run(args, io);
  return { code, out, err };
}
