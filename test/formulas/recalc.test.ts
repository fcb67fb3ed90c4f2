/**
 * The compiled formulas compute what the engine computes: filled templates are written as .xlsx, recalculated headless
 * in LibreOffice, and the 校验 sheet's results compared with the engine's findings on generated reports, sound and broken.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkReport, type ReportData } from '../../src/core';
import { LEVELS, T3_COLUMNS, TABLE_KEYS } from '../../src/spec';
import { writeTemplateFile } from '../../src/xlsx/writeTemplate';
import { describeWithPrograms } from '../helpers/system';
import { seeded, soundReport, type Rand } from '../helpers/reports';

const SHEET_RULES = new Set(['T3-BALANCE', 'T3-HANDLED', 'T3-ROWSUM', 'T4-TOTAL', 'VALUE-COUNT', 'VALUE-AMOUNT', 'VALUE-EMPTY', 'T2-REGULATIONS', 'FEE-NOTICES', 'FEE-COLLECTED', 'YOY-CARRY', 'YOY-IN-FORCE', 'YOY-JUMP']);

/** Minimal CSV parsing (LibreOffice quotes fields with commas or quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Break a sound report in the ways clerks do. */
function breakReport(report: ReportData, rand: Rand, kind: number): ReportData {
  const values = { ...report.values } as Record<string, number | string | null>;
  const pick = (): string => TABLE_KEYS[Math.floor(rand() * TABLE_KEYS.length)];
  const out: ReportData = { ...report, values, prev: report.prev ? { ...report.prev } : undefined, meta: { ...report.meta } };
  switch (kind % 8) {
    case 0: // arithmetic slips
      for (let i = 0; i < 3; i += 1) {
        const k = pick();
        values[k] = (Number(values[k]) || 0) + 1 + Math.floor(rand() * 3);
      }
      break;
    case 1: // blanks and placeholders
      for (const p of [null, '/', '—', '无', '']) values[pick()] = p;
      break;
    case 2: // text, negatives, fractions, numeric text
      values[pick()] = '三';
      values[pick()] = -2;
      values[pick()] = 2.5;
      values[pick()] = '12';
      values['t2.fees'] = 12.75;
      values['fee.notified'] = '约3万';
      values['fee.collected'] = -5;
      break;
    case 3: // 规章 from a body that cannot make them
      out.meta.level = 'township';
      values['t2.regulations.issued'] = 2;
      values['t2.regulations.in_force'] = 5;
      break;
    case 4: // fee figures
      values['fee.notices'] = 0;
      values['t3.other_no_fee.natural'] = 4;
      values['fee.collected'] = 999999;
      break;
    case 5: // last year disagrees (or is given for the first time), and a jump
      out.prev = out.prev ?? {};
      out.prev['t3.carried_out.natural'] = (Number(out.prev['t3.carried_out.natural']) || 0) + 3;
      out.prev['t2.normative.in_force'] = 1;
      out.prev['t2.licensing'] = Math.max(1, Math.floor(Number(values['t2.licensing']) / 50));
      values['t2.licensing'] = Math.max(100, Number(values['t2.licensing']));
      values['t3.carried_in.legal'] = 40;
      break;
    case 6: // optional figures left blank, last year partly missing
      delete values['fee.notices'];
      delete values['fee.notified'];
      if (out.prev) out.prev['t3.carried_out.other'] = '/';
      break;
    default: // a mixture
      values[pick()] = '#REF!';
      values[pick()] = (Number(values[pick()]) || 0) + 5;
      values[pick()] = '/';
  }
  return out;
}

function engineFindings(report: ReportData): string[] {
  return checkReport(report)
    .filter((f) => SHEET_RULES.has(f.rule))
    .map((f) => `${f.rule}:${f.target}`)
    .sort();
}

function sheetFindings(csv: string): { failing: string[]; counts: number[] } {
  const rows = parseCsv(csv);
  const failing = rows.filter((r) => r[5] === '不符').map((r) => `${r[0]}:${r[6]}`);
  const summary = rows[1];
  return { failing: failing.sort(), counts: [Number(summary[1]), Number(summary[3]), Number(summary[5])] };
}

describeWithPrograms('formulas recalculated by LibreOffice agree with the engine', ['soffice'], 'apt-get install -y libreoffice-calc', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-recalc-'));
  const reports: ReportData[] = [];

  beforeAll(async () => {
    const rand = seeded(20241231);
    for (let i = 0; i < 28; i += 1) {
      const level = LEVELS[i % LEVELS.length].key;
      const sound = soundReport(rand, { withPrev: i % 2 === 0, level });
      reports.push(i < 4 ? sound : breakReport(sound, rand, i));
    }
    for (let i = 0; i < reports.length; i += 1) await writeTemplateFile(path.join(dir, `r${String(i).padStart(2, '0')}.xlsx`), { report: reports[i] });
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, ...files.map((f) => path.join(dir, f))], { stdio: 'pipe', timeout: 300000 });
  }, 320000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every generated report: the 校验 sheet fails exactly the rule instances the engine reports', () => {
    let broken = 0;
    const seen = new Set<string>();
    reports.forEach((report, i) => {
      const csv = readFileSync(path.join(dir, `r${String(i).padStart(2, '0')}-校验.csv`), 'utf8');
      const sheet = sheetFindings(csv);
      const engine = engineFindings(report);
      expect({ i, failing: sheet.failing }).toEqual({ i, failing: engine });
      const bySeverity = ['error', 'warning', 'info'].map((s) => checkReport(report).filter((f) => SHEET_RULES.has(f.rule) && f.severity === s).length);
      expect({ i, counts: sheet.counts }).toEqual({ i, counts: bySeverity });
      if (engine.length) broken += 1;
      for (const f of engine) seen.add(f.split(':')[0]);
    });
    // Every rule the sheet compiles was exercised by at least one broken report.
    expect([...seen].sort()).toEqual([...SHEET_RULES].sort());
    // The generator really produced both kinds.
    expect(broken).toBeGreaterThanOrEqual(20);
    expect(reports.length - broken).toBeGreaterThanOrEqual(4);
  });

  test('the tables recalculate into the sheets as written', () => {
    const csv = readFileSync(path.join(dir, 'r00-表三.csv'), 'utf8');
    const rows = parseCsv(csv);
    expect(rows[4][0]).toBe('一、本年新收政府信息公开申请数量');
    expect(rows[4].slice(3, 10).map(Number)).toEqual(T3_COLUMNS.map((c) => reports[0].values[`t3.new.${c.key}`]));
  });
});
