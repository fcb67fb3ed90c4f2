/**
 * `nianbao check <files or folders>… [--json] [--summary 审核结果.xlsx] [--annotate <folder>] [--previous <…>]
 * [--members <…>]`: check reports (workbooks, report JSON), print findings per unit, exit 0/1/2.
 */
import * as path from 'node:path';
import { LIMITS } from '../../workbook';
import { annotatedNames } from '../../xlsx/annotate';
import { summaryBytes } from '../../xlsx/writeSummary';
import { normaliseBody, reportYear, summarise, type CheckResult, type FileResult } from '../../core';
import { flagValue, flagValues, hasFlag, parseArgs, type FlagSpec } from '../args';
import { checkBatch, readReports } from '../batchCheck';
import type { CheckedOne, PreviousIndex } from '../checkOne';
import { formatCheckResult } from '../formatText';
import { expandInputs, supportedExtensions } from '../inputs';
import { EXIT, UsageError, type Io } from '../io';
import { createProgress } from '../progress';
import { annotateEach, DEFAULT_FILE_SECONDS } from '../fileTasks';
import { OutputGuard, exitFor, nameKey, pathKey, skipFolder, type OutputProblem } from '../outputs';
import { visible } from '../visible';
import { workerHeapMb } from '../workerPool';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [
  { name: 'json' },
  { name: 'summary', value: true },
  { name: 'annotate', value: true },
  { name: 'previous', value: true, repeat: true },
  { name: 'members', value: true, repeat: true },
  { name: 'force', short: 'f' },
  { name: 'help', short: 'h' },
];

const WORKBOOK = /\.(xlsx|xlsm)$/i;

export const checkCommand: Command = {
  name: 'check',
  summary: '校验年报（Excel 工作簿、报告数据 JSON），列出错误、需核实和提示事项',
  usage: () =>
    [
      '用法：nianbao check <文件或文件夹>… [--json] [--summary 审核结果.xlsx] [--annotate <文件夹>]',
      '                    [--previous <上年文件或文件夹>] [--members <成员文件或文件夹>] [--force]',
      '',
      `  检查每个文件（支持 ${supportedExtensions().join('、')}；文件夹内的文件逐一检查），按单位列出发现的问题。`,
      '  工作簿按模板的名称定位各表；自制的表格按官方栏目名称定位，找不到的表、行、列会明确指出。',
      '  --json                按规定的结果格式（FORMAT.md §4）输出 JSON，含工作簿“核实说明”表中的说明',
      '  --summary <文件>      另写一个审核结果工作簿：单位汇总、规则汇总、问题明细（带筛选，表头冻结）',
      '  --annotate <文件夹>   把每个工作簿标注后另存到该文件夹（问题单元格着色并加批注），原文件不会改动；',
      '                        与原文件同名时另起名（如 甲(2).xlsx）；这个文件夹不作为输入读取',
      '  --previous <…>        上年度的工作簿或报告数据 JSON（按机关名称匹配），用于跨年度校验',
      '  --members <…>         汇总报告的成员报告；不给时，在同一批文件中按“汇总成员”表的机关名称查找',
      '  --force, -f           审核结果或标注副本的文件已存在时覆盖（输入的文件无论如何都不会被改动）',
      '',
      `  安全限制：单个文件不超过 ${LIMITS.maxFileBytes / 1048576} MB，解压后合计不超过 ${LIMITS.maxTotalBytes / 1048576} MB、` +
        `单个部件不超过 ${LIMITS.maxEntryBytes / 1048576} MB，部件不超过 ${LIMITS.maxEntries} 个；加密、旧版 .xls、损坏的文件单独报告，不影响其他文件。`,
      `  每个文件的处理时间不超过 ${DEFAULT_FILE_SECONDS} 秒（环境变量 NIANBAO_FILE_SECONDS 可改）、工作内存不超过 ${workerHeapMb()} MB，超过的单独报告。`,
      '  文件夹中的命名管道、设备和指向文件夹之外的链接不会读取，并逐个说明。.xlsm 只读取数据，宏不会运行。',
      '',
      '退出码：0 没有“错误”级别的问题；1 有错误，或有文件无法读取；2 用法不对。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (args.positional.length === 0) throw new UsageError('请给出要检查的文件或文件夹');
    const summaryFile = flagValue(args, 'summary');
    const annotateDir = flagValue(args, 'annotate');
    const force = hasFlag(args, 'force');
    if (summaryFile && !/\.xlsx$/i.test(summaryFile)) throw new UsageError('--summary 的文件名应以 .xlsx 结尾');
    const summaryTarget = summaryFile ? path.resolve(io.cwd, summaryFile) : null;
    const annotateTarget = annotateDir ? path.resolve(io.cwd, annotateDir) : null;

    // Everything named is expanded first (nothing read yet), so that every output can be refused before any work.
    const skip = await skipFolder(annotateTarget);
    const { files, problems } = await expandInputs(args.positional, io.cwd, { skip });
    if (files.length === 0 && problems.length === 0) throw new UsageError(`给出的文件夹里没有可以检查的文件（支持 ${supportedExtensions().join('、')}）`);
    const previousPaths = flagValues(args, 'previous');
    const memberPaths = flagValues(args, 'members');
    const previousFiles = await expandOthers(previousPaths, io, '上年报告');
    const memberFiles = await expandOthers(memberPaths, io, '成员报告');

    const guard = new OutputGuard();
    await guard.addInputs([...args.positional, ...files, ...previousPaths, ...previousFiles, ...memberPaths, ...memberFiles], io.cwd);
    const refused: OutputProblem[] = [];
    if (summaryTarget && summaryFile) {
      const problem = await guard.claim(summaryTarget, summaryFile, force);
      if (problem) refused.push(problem);
    }
    const workbooks = files.filter((f) => WORKBOOK.test(f));
    const copies = new Map<string, { dest: string; shown: string }>();
    if (annotateTarget && annotateDir) {
      const taken = await inputNamesIn(annotateTarget, [...files, ...previousFiles, ...memberFiles], io.cwd);
      const dests = annotatedNames(workbooks, annotateTarget, taken);
      for (const [i, dest] of dests.entries()) {
        const shown = path.join(annotateDir, path.basename(dest));
        const problem = await guard.claim(dest, shown, force);
        if (problem) refused.push(problem);
        else copies.set(workbooks[i], { dest, shown });
      }
    }
    if (refused.length) {
      for (const r of refused) io.err(`${r.message}\n`);
      io.err('没有进行检查，也没有写出任何文件。\n');
      return exitFor(refused);
    }

    const previous = await loadPrevious(previousFiles, io);
    const members = await loadMembers(memberFiles, io);
    const items = await checkBatch(files, { cwd: io.cwd, previous, members, progress: createProgress(io, files.length) });

    const results: FileResult[] = [
      ...problems.map((p): FileResult => ({ file: p.file, body: null, year: null, format: null, status: 'unreadable', error: p.error, findings: [] })),
      ...items.map((i) => i.result),
    ];
    for (const item of items) for (const note of item.notes) io.err(`${visible(item.result.file)}：${note}\n`);
    const result: CheckResult = { files: results, summary: summarise(results) };
    io.out(hasFlag(args, 'json') ? `${JSON.stringify(result, null, 2)}\n` : formatCheckResult(result));

    let outputFailed = false;
    if (summaryTarget && summaryFile) {
      const written = await guard.write(summaryTarget, summaryFile, await summaryBytes(result, new Map(items.filter((i) => i.report).map((i) => [i.result.file, i.report?.values ?? {}] as const))), 'xlsx', force);
      if (written.ok) io.err(`审核结果已写入 ${visible(summaryFile)}\n`);
      else {
        io.err(`没有写出审核结果：${written.message}\n`);
        outputFailed = true;
      }
    }
    if (annotateDir) outputFailed = !(await annotate(items, copies, annotateDir, guard, force, io)) || outputFailed;

    const failed = result.summary.errors > 0 || result.files.some((f) => f.status === 'unreadable') || outputFailed;
    return failed ? EXIT.findings : EXIT.ok;
  },
};

/** Names (by nameKey) of the inputs that sit in the annotate folder: a copy must not take one. */
async function inputNamesIn(folder: string, inputs: readonly string[], cwd: string): Promise<Set<string>> {
  const folderKey = await pathKey(path.join(folder, 'x'));
  const out = new Set<string>();
  for (const f of inputs) {
    const abs = path.resolve(cwd, f);
    if ((await pathKey(path.join(path.dirname(abs), 'x'))) === folderKey) out.add(nameKey(path.basename(abs)));
  }
  return out;
}

/** Write the marked-up copies; true when every one was written. */
async function annotate(items: readonly CheckedOne[], copies: ReadonlyMap<string, { dest: string; shown: string }>, folder: string, guard: OutputGuard, force: boolean, io: Io): Promise<boolean> {
  const sources = items.filter((i) => i.result.status !== 'unreadable' && copies.has(i.result.file));
  const outcomes = await annotateEach(
    sources.map((s) => ({ file: s.result.file, source: path.resolve(io.cwd, s.result.file), findings: s.result.findings })),
    { progress: createProgress(io, sources.length, '标注') },
  );
  let written = 0;
  for (const [i, item] of sources.entries()) {
    const out = outcomes[i];
    const copy = copies.get(item.result.file);
    if (!copy) continue;
    const done = out.ok ? await guard.write(copy.dest, copy.shown, out.bytes, 'xlsx', force, { validated: true }) : ({ ok: false, message: out.error } as const);
    if (done.ok) written += 1;
    else io.err(`${visible(item.result.file)}：没有写出标注副本（${done.message}）\n`);
  }
  io.err(`已在 ${visible(folder)} 写出 ${written} 个标注副本（原文件未改动）\n`);
  return written === sources.length;
}

/** Paths of --previous or --members expanded to files; what cannot be read is said and left out. */
async function expandOthers(paths: readonly string[], io: Io, what: string): Promise<string[]> {
  if (paths.length === 0) return [];
  const { files, problems } = await expandInputs(paths, io.cwd);
  for (const p of problems) io.err(`${what} ${visible(p.file)}：${p.error}\n`);
  return files;
}

async function loadPrevious(files: readonly string[], io: Io): Promise<PreviousIndex | undefined> {
  if (files.length === 0) return undefined;
  const { reports, failed } = await readReports(files, io.cwd);
  for (const f of failed) io.err(`上年报告无法读取：${f}\n`);
  const index: PreviousIndex = new Map();
  for (const { file, report } of reports) {
    const body = report.meta.body?.trim();
    if (!body) {
      io.err(`上年报告 ${visible(file)} 没有机关名称，无法匹配，已跳过\n`);
      continue;
    }
    const key = normaliseBody(body);
    const earlier = index.get(key);
    if (earlier) {
      io.err(`上年报告 ${visible(file)} 与 ${visible(earlier.file)} 是同一机关（${visible(body)}）的报告，使用 ${visible(earlier.file)}\n`);
      continue;
    }
    index.set(key, { file, year: reportYear(report), values: report.values });
  }
  return index;
}

async function loadMembers(files: readonly string[], io: Io): Promise<{ name: string; report: NonNullable<CheckedOne['report']> }[] | undefined> {
  if (files.length === 0) return undefined;
  const { reports, failed } = await readReports(files, io.cwd);
  for (const f of failed) io.err(`成员报告无法读取：${f}\n`);
  return reports.map((r) => ({ name: r.file, report: r.report }));
}
