/**
 * The supervisor's 审核结果 workbook: one row per unit (errors, 核实, status), one row per rule (how many units break
 * it), and every finding with its unit, cells, expected and actual values and explanation. Filters and frozen
 * headers on every sheet.
 */
import ExcelJS from 'exceljs';
import { RULES, SEVERITIES, type Severity } from '../spec';
import { cellLabel, fmt, type CheckResult, type FileResult } from '../core';
import { workbookBytes } from './writeSafe';

const LABEL = Object.fromEntries(SEVERITIES.map((s) => [s.key, s.label])) as Record<Severity, string>;
const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

export const SUMMARY_SHEETS = { units: '单位汇总', rules: '规则汇总', findings: '问题明细' } as const;

function statusText(file: FileResult): string {
  if (file.status === 'unreadable') return '无法读取';
  if (file.status === 'ok') return '未发现问题';
  if (file.findings.some((f) => f.severity === 'error')) return '有错误';
  if (file.findings.some((f) => f.severity === 'warning')) return '需核实';
  return '仅有提示';
}

function table(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[], rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  for (const r of rows) ws.addRow(r).alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return ws;
}

function value(v: number | string | null): ExcelJS.CellValue {
  if (v === null) return '';
  return typeof v === 'number' ? Number(fmt(v)) : v;
}

export function buildSummaryWorkbook(result: CheckResult): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  const count = (f: FileResult, s: Severity): number => f.findings.filter((x) => x.severity === s).length;

  const units = table(
    wb,
    SUMMARY_SHEETS.units,
    ['文件', '机关名称', '年度', '状态', '错误', '核实', '提示', '已写说明', '无法读取的原因'],
    [40, 36, 8, 12, 8, 8, 8, 10, 60],
    result.files.map((f) => [f.file, f.body ?? '', f.year ?? '', statusText(f), count(f, 'error'), count(f, 'warning'), count(f, 'info'), f.findings.filter((x) => x.explanation).length, f.error ?? '']),
  );
  units.eachRow((row, n) => {
    if (n === 1) return;
    const status = row.getCell(4).value;
    const severity: Severity | null = status === '有错误' || status === '无法读取' ? 'error' : status === '需核实' ? 'warning' : null;
    if (severity) row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[severity] } };
  });

  const byRule = new Map<string, { units: Set<string>; findings: number }>();
  for (const f of result.files) {
    for (const x of f.findings) {
      const e = byRule.get(x.rule) ?? { units: new Set<string>(), findings: 0 };
      e.units.add(f.file);
      e.findings += 1;
      byRule.set(x.rule, e);
    }
  }
  const unreadable = result.files.filter((f) => f.status === 'unreadable').length;
  const ruleRows: ExcelJS.CellValue[][] = RULES.filter((r) => byRule.has(r.id))
    .map((r) => [r.id, LABEL[r.severity], r.title, byRule.get(r.id)?.units.size ?? 0, byRule.get(r.id)?.findings ?? 0])
    .sort((a, b) => (b[3] as number) - (a[3] as number));
  if (unreadable) ruleRows.push(['（无法读取）', LABEL.error, '文件无法读取，没有校验', unreadable, unreadable]);
  table(wb, SUMMARY_SHEETS.rules, ['规则', '级别', '规则说明', '涉及单位数', '问题数'], [18, 8, 50, 12, 10], ruleRows);

  const detail = table(
    wb,
    SUMMARY_SHEETS.findings,
    ['文件', '机关名称', '级别', '规则', '对象', '涉及单元格', '位置', '应为', '实际', '问题', '说明'],
    [30, 30, 8, 16, 24, 40, 24, 10, 10, 70, 40],
    result.files.flatMap((f) =>
      f.findings.map((x) => [
        f.file,
        f.body ?? '',
        LABEL[x.severity],
        x.rule,
        x.target,
        x.cells.map(cellLabel).join('、'),
        (x.addresses ?? []).join('、'),
        value(x.expected),
        value(x.actual),
        x.message,
        x.explanation ?? '',
      ]),
    ),
  );
  detail.eachRow((row, n) => {
    if (n === 1) return;
    const s = SEVERITIES.find((x) => x.label === row.getCell(3).value)?.key;
    if (s) row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[s] } };
  });
  return wb;
}

/** The summary as .xlsx bytes, every text and number made safe to write. */
export async function summaryBytes(result: CheckResult): Promise<Buffer> {
  return workbookBytes(buildSummaryWorkbook(result));
}
