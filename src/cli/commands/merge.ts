/**
 * `nianbao merge <files or folders>… -o 汇总.xlsx`: an aggregate report — every figure summed over the member reports,
 * the member list kept on the 汇总成员 sheet, meta.kind = aggregate — ready to be checked against its members.
 */
import * as path from 'node:path';
import { KEYS, LEVELS, PREV_KEYS, T3_OTHER_ROWS } from '../../spec';
import { cellLabel, normaliseBody, readValue, reportYear, type RawValue, type ReportData } from '../../core';
import { writeTemplateWorkbook } from '../../xlsx/writeTemplate';
import { isNotLocated } from '../../xlsx/readWorkbook';
import { writeMembersSheet, type MemberEntry } from '../../xlsx/membersSheet';
import { flagValue, hasFlag, parseArgs, type FlagSpec } from '../args';
import { readReports } from '../batchCheck';
import { expandInputs, supportedExtensions } from '../inputs';
import { guardOutput } from '../outputs';
import { visible } from '../visible';
import { workbookBytes } from '../../xlsx/writeSafe';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'body', value: true },
  { name: 'year', value: true },
  { name: 'level', value: true },
  { name: 'force', short: 'f' },
  { name: 'help', short: 'h' },
];

/** Written where a figure cannot be summed; checking the aggregate then reports it as text, never as a wrong number. */
export const NOT_SUMMED = '无法汇总';

export interface MergeOutcome {
  report: ReportData;
  members: MemberEntry[];
  /** What could not be summed, in Chinese. */
  problems: string[];
}

/** Sum member reports into an aggregate report. */
export function mergeReports(members: readonly { file: string; report: ReportData }[], meta: ReportData['meta']): MergeOutcome {
  const problems: string[] = [];
  const values: Record<string, RawValue> = {};
  const combined = members.filter((m) => Object.keys(m.report.values).some((k) => k.startsWith('t3.other_combined.')));
  for (const m of combined) problems.push(`${m.file}：表三“（六）其他处理”按 2019 年格式合并为一行，无法分到三行，这三行没有汇总`);
  for (const def of KEYS) {
    if (combined.length && T3_OTHER_ROWS.some((r) => def.key.startsWith(`t3.${r}.`))) {
      values[def.key] = NOT_SUMMED;
      continue;
    }
    let sum = 0;
    let any = false;
    const bad: string[] = [];
    for (const m of members) {
      const raw = m.report.values[def.key] ?? null;
      if (isNotLocated(raw)) {
        bad.push(`${m.file}（表格中找不到这一项）`);
        continue;
      }
      const c = readValue(raw, def.kind);
      if (c.state === 'number') {
        sum += c.value;
        any = true;
      } else if (c.state === 'invalid') bad.push(`${m.file}（${c.found}）`);
    }
    if (bad.length) {
      values[def.key] = NOT_SUMMED;
      problems.push(`${cellLabel(def.key)}：${bad.join('、')} 不是有效数字，这一项没有汇总`);
    } else if (!Number.isFinite(sum)) {
      values[def.key] = NOT_SUMMED;
      problems.push(`${cellLabel(def.key)}：各成员的数相加后超出了可以表示的范围，这一项没有汇总，请核实各成员填写的数`);
    } else if (any || def.required) values[def.key] = Math.round(sum * 1e6) / 1e6;
  }
  // Last year's figures: summed only where every member has one.
  const prev: Record<string, RawValue> = {};
  for (const key of PREV_KEYS) {
    const def = KEYS.find((k) => k.key === key);
    let sum = 0;
    let all = members.length > 0;
    for (const m of members) {
      const c = readValue(m.report.prev?.[key] ?? m.report.prev?.[`prev.${key}`] ?? null, def?.kind ?? 'count');
      if (c.state !== 'number') all = false;
      else sum += c.value;
    }
    if (all && Number.isFinite(sum)) prev[key] = sum;
  }
  const entries = members.map((m) => ({ body: m.report.meta.body?.trim() ?? '', year: reportYear(m.report), file: m.file }));
  const report: ReportData = { meta: { ...meta, kind: 'aggregate' }, values, members: entries.map((e) => e.body) };
  if (Object.keys(prev).length) report.prev = prev;
  return { report, members: entries, problems };
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: '把各成员单位的报告汇总为汇总年度报告工作簿（逐项相加，保留成员名单）',
  usage: () =>
    [
      '用法：nianbao merge <文件或文件夹>… -o 汇总.xlsx [--body 机关名称] [--year 年度] [--level 层级] [--force]',
      '',
      `  读取各成员的报告（${supportedExtensions().join('、')}），逐项相加写成汇总年度报告模板，成员名单写在“汇总成员”表。`,
      '  之后用 nianbao check 汇总.xlsx --members <成员文件夹> 核对汇总数（AGGREGATE-SUM）和缺报的成员。',
      `  --level    机关层级：${LEVELS.map((l) => `${l.key}（${l.label}）`).join('、')}`,
      '  无法相加的项目（文字、负数等）写为“无法汇总”并列出原因；有文件无法读取时不写出汇总。',
      '  --force, -f 输出文件已存在时覆盖（成员报告本身无论如何都不会被改动）。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    const output = flagValue(args, 'output');
    if (!output) throw new UsageError('请用 -o 给出汇总工作簿的文件名，如：-o 汇总.xlsx');
    if (!/\.xlsx$/i.test(output)) throw new UsageError('输出文件名应以 .xlsx 结尾');
    if (args.positional.length === 0) throw new UsageError('请给出成员报告的文件或文件夹');
    const level = flagValue(args, 'level');
    if (level && !LEVELS.some((l) => l.key === level || l.label === level)) throw new UsageError(`不认识的机关层级“${level}”`);
    const yearFlag = flagValue(args, 'year');
    if (yearFlag && !/^\d{4}$/.test(yearFlag)) throw new UsageError('--year 应为四位数的年度，如 2024');
    const target = path.resolve(io.cwd, output);
    const force = hasFlag(args, 'force');

    const { files, problems: unreadable } = await expandInputs(args.positional, io.cwd);
    const guarded = await guardOutput(io, [...args.positional, ...files], output, force);
    if ('exit' in guarded) {
      io.err('没有写出汇总。\n');
      return guarded.exit;
    }
    const { guard } = guarded;
    for (const m of unreadable) io.err(`${visible(m.file)}：${m.error}\n`);
    const { reports, failed } = await readReports(files, io.cwd);
    for (const f of failed) io.err(`无法读取：${f}\n`);
    if (unreadable.length || failed.length) {
      io.err('有成员报告无法读取，没有写出汇总（汇总数会不完整）。\n');
      return EXIT.findings;
    }
    if (reports.length === 0) throw new UsageError('没有找到成员报告');

    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const r of reports) {
      const body = r.report.meta.body?.trim();
      if (!body) problems.push(`${r.file}：没有填写机关名称`);
      else if (seen.has(normaliseBody(body))) problems.push(`${r.file} 与 ${seen.get(normaliseBody(body))} 是同一机关（${body}）的报告`);
      else seen.set(normaliseBody(body), r.file);
    }
    const years = new Set(reports.map((r) => reportYear(r.report)).filter((y): y is number => y !== null));
    if (!yearFlag && years.size > 1) problems.push(`成员报告的年度不一致：${[...years].join('、')}`);
    if (problems.length) {
      for (const p of problems) io.err(`${visible(p)}\n`);
      io.err('没有写出汇总。\n');
      return EXIT.findings;
    }
    const meta: ReportData['meta'] = {};
    const body = flagValue(args, 'body');
    if (body) meta.body = body;
    const year = yearFlag ? Number(yearFlag) : [...years][0];
    if (year) meta.year = year;
    if (level) meta.level = LEVELS.find((l) => l.key === level || l.label === level)?.key;

    const merged = mergeReports(reports, meta);
    const wb = await writeTemplateWorkbook({ report: merged.report });
    writeMembersSheet(wb, merged.members);
    const written = await guard.write(target, output, await workbookBytes(wb), 'xlsx', force);
    for (const p of merged.problems) io.err(`${visible(p)}\n`);
    if (!written.ok) {
      io.err(`没有写出汇总：${written.message}\n`);
      return EXIT.findings;
    }
    io.err(`已汇总 ${reports.length} 份报告，写入 ${visible(output)}${body ? '' : '；请在“基本信息”中填写机关名称'}\n`);
    return merged.problems.length ? EXIT.findings : EXIT.ok;
  },
};

