/**
 * `nianbao check <files or folders>… [--json] [--summary 审核结果.xlsx] [--annotate <folder>] [--previous <…>]
 * [--members <…>]`: check reports (workbooks, report JSON), print findings per unit, exit 0/1/2.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LIMITS } from '../../workbook';
import { annotateWorkbookFile, annotatedNames } from '../../xlsx/annotate';
import { writeSummaryFile } from '../../xlsx/writeSummary';
import { normaliseBody, reportYear, summarise, type CheckResult, type FileResult } from '../../core';
import { flagValue, flagValues, hasFlag, parseArgs, type FlagSpec } from '../args';
import { checkBatch, readReports } from '../batchCheck';
import type { CheckedOne, PreviousIndex } from '../checkOne';
import { formatCheckResult } from '../formatText';
import { expandInputs, supportedExtensions } from '../inputs';
import { EXIT, UsageError, type Io } from '../io';
import { createProgress } from '../progress';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [
  { name: 'json' },
  { name: 'summary', value: true },
  { name: 'annotate', value: true },
  { name: 'previous', value: true, repeat: true },
  { name: 'members', value: true, repeat: true },
  { name: 'help', short: 'h' },
];

const WORKBOOK = /\.(xlsx|xlsm)$/i;

export const checkCommand: Command = {
  name: 'check',
  summary: '校验年报（Excel 工作簿、报告数据 JSON），列出错误、需核实和提示事项',
  usage: () =>
    [
      '用法：nianbao check <文件或文件夹>… [--json] [--summary 审核结果.xlsx] [--annotate <文件夹>]',
      '                    [--previous <上年文件或文件夹>] [--members <成员文件或文件夹>]',
      '',
      `  检查每个文件（支持 ${supportedExtensions().join('、')}；文件夹内的文件逐一检查），按单位列出发现的问题。`,
      '  工作簿按模板的名称定位各表；自制的表格按官方栏目名称定位，找不到的表、行、列会明确指出。',
      '  --json                按规定的结果格式（FORMAT.md §4）输出 JSON，含工作簿“核实说明”表中的说明',
      '  --summary <文件>      另写一个审核结果工作簿：单位汇总、规则汇总、问题明细（带筛选，表头冻结）',
      '  --annotate <文件夹>   把每个工作簿标注后另存到该文件夹（问题单元格着色并加批注），原文件不会改动',
      '  --previous <…>        上年度的工作簿或报告数据 JSON（按机关名称匹配），用于跨年度校验',
      '  --members <…>         汇总报告的成员报告；不给时，在同一批文件中按“汇总成员”表的机关名称查找',
      '',
      `  安全限制：单个文件不超过 ${LIMITS.maxFileBytes / 1048576} MB，解压后合计不超过 ${LIMITS.maxTotalBytes / 1048576} MB、` +
        `单个部件不超过 ${LIMITS.maxEntryBytes / 1048576} MB，部件不超过 ${LIMITS.maxEntries} 个；加密、旧版 .xls、损坏的文件单独报告，不影响其他文件。`,
      '  .xlsm 只读取数据，宏不会运行。',
      '',
      '退出码：0 没有“错误”级别的问题；1 有错误，或有文件无法读取；2 用法不对。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (args.positional.length === 0) throw new UsageError('请给出要检查的文件或文件夹');
    const summaryFile = flagValue(args, 'summary');
    const annotateDir = flagValue(args, 'annotate');
    if (summaryFile && !/\.xlsx$/i.test(summaryFile)) throw new UsageError('--summary 的文件名应以 .xlsx 结尾');

    const { files, missing } = await expandInputs(args.positional, io.cwd);
    if (files.length === 0 && missing.length === 0) throw new UsageError(`给出的文件夹里没有可以检查的文件（支持 ${supportedExtensions().join('、')}）`);

    const previous = await loadPrevious(flagValues(args, 'previous'), io);
    const members = await loadMembers(flagValues(args, 'members'), io);
    const items = await checkBatch(files, { cwd: io.cwd, previous, members, progress: createProgress(io, files.length) });

    const results: FileResult[] = [
      ...missing.map((m): FileResult => ({ file: m, body: null, year: null, format: null, status: 'unreadable', error: '文件或文件夹不存在', findings: [] })),
      ...items.map((i) => i.result),
    ];
    for (const item of items) for (const note of item.notes) io.err(`${item.result.file}：${note}\n`);
    const result: CheckResult = { files: results, summary: summarise(results) };
    io.out(hasFlag(args, 'json') ? `${JSON.stringify(result, null, 2)}\n` : formatCheckResult(result));

    if (summaryFile) {
      const target = path.resolve(io.cwd, summaryFile);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeSummaryFile(result, target);
      io.err(`审核结果已写入 ${summaryFile}\n`);
    }
    if (annotateDir) await annotate(items, annotateDir, io);

    const failed = result.summary.errors > 0 || result.files.some((f) => f.status === 'unreadable');
    return failed ? EXIT.findings : EXIT.ok;
  },
};

async function annotate(items: readonly CheckedOne[], folder: string, io: Io): Promise<void> {
  const sources = items.filter((i) => i.result.status !== 'unreadable' && WORKBOOK.test(i.result.file));
  const dests = annotatedNames(sources.map((s) => s.result.file), path.resolve(io.cwd, folder));
  const progress = createProgress(io, sources.length, '标注');
  let written = 0;
  for (const [i, item] of sources.entries()) {
    const out = await annotateWorkbookFile(path.resolve(io.cwd, item.result.file), dests[i], item.result.findings);
    progress.tick(item.result.file);
    if (out.ok) written += 1;
    else io.err(`${item.result.file}：没有写出标注副本（${out.error}）\n`);
  }
  progress.done();
  io.err(`已在 ${folder} 写出 ${written} 个标注副本（原文件未改动）\n`);
}

async function loadPrevious(paths: readonly string[], io: Io): Promise<PreviousIndex | undefined> {
  if (paths.length === 0) return undefined;
  const { files, missing } = await expandInputs(paths, io.cwd);
  for (const m of missing) io.err(`上年报告 ${m} 不存在\n`);
  const { reports, failed } = await readReports(files, io.cwd);
  for (const f of failed) io.err(`上年报告无法读取：${f}\n`);
  const index: PreviousIndex = {};
  for (const { file, report } of reports) {
    const body = report.meta.body?.trim();
    if (!body) {
      io.err(`上年报告 ${file} 没有机关名称，无法匹配，已跳过\n`);
      continue;
    }
    const key = normaliseBody(body);
    if (index[key]) io.err(`上年报告 ${file} 与 ${index[key].file} 是同一机关（${body}），使用前者\n`);
    index[key] = { file, year: reportYear(report), values: report.values };
  }
  return index;
}

async function loadMembers(paths: readonly string[], io: Io): Promise<{ name: string; report: NonNullable<CheckedOne['report']> }[] | undefined> {
  if (paths.length === 0) return undefined;
  const { files, missing } = await expandInputs(paths, io.cwd);
  for (const m of missing) io.err(`成员报告 ${m} 不存在\n`);
  const { reports, failed } = await readReports(files, io.cwd);
  for (const f of failed) io.err(`成员报告无法读取：${f}\n`);
  return reports.map((r) => ({ name: r.file, report: r.report }));
}
