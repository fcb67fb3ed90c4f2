/** `nianbao import <报告文本> [-o report.json | report.xlsx]`: a published report's text into report data or the template. */
import * as path from 'node:path';
import { TABLE_KEYS } from '../../spec';
import { isNotLocated } from '../../core';
import { templateBytes } from '../../xlsx/writeTemplate';
import { flagValue, hasFlag, parseArgs, type FlagSpec } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { TEXT_EXTENSIONS } from '../readers/textReader';
import { importEach } from '../fileTasks';
import { guardOutput } from '../outputs';
import { visible } from '../visible';
import type { Command } from './command';
import type { ImportResult } from '../../core/importText';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'force', short: 'f' },
  { name: 'help', short: 'h' },
];

const OUTPUTS = ['.json', '.xlsx'];

export const importCommand: Command = {
  name: 'import',
  summary: '读取已发布报告的文本，导出报告数据 JSON 或填好的模板 .xlsx',
  usage: () =>
    [
      '用法：nianbao import <报告文本> [-o 报告数据.json | 年报模板.xlsx] [--force]',
      '',
      `  读取已发布的年度报告文本（${TEXT_EXTENSIONS.join('、')}；UTF-8 或 GBK 编码均可），`,
      '  找出表二、表三、表四的全部数字和机关名称、年度、正文各部分。',
      '  -o, --output   写入 .json（报告数据）或 .xlsx（填好数字的年报模板）；不给则把 JSON 输出到屏幕',
      '  -f, --force    输出文件已存在时覆盖（读取的报告文本无论如何都不会被改动）',
      '',
      '  读不出的行、按合计推断拆分的数字、2019 年试行格式的表格都会逐条列出，不会悄悄猜测。',
      '退出码：0 全部读出；1 有读不出或需要核实的内容（仍会写出已读到的数据），或文件无法读取；2 用法不对。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (args.positional.length !== 1) throw new UsageError(args.positional.length ? '一次只能导入一个文件' : '请给出要导入的报告文本文件');
    const input = args.positional[0];
    const output = flagValue(args, 'output');
    const outExt = output ? path.extname(output).toLowerCase() : '';
    if (output && !OUTPUTS.includes(outExt)) throw new UsageError(`输出文件应为 .json 或 .xlsx，而不是“${outExt || '（无扩展名）'}”`);
    const force = hasFlag(args, 'force');
    const guarded = await guardOutput(io, [input], output, force);
    if ('exit' in guarded) return guarded.exit;
    const { guard, target: outPath } = guarded;

    const [read] = await importEach([input], io.cwd);
    if (!read.ok) {
      io.err(`无法导入 ${visible(input)}：${read.error}\n`);
      return EXIT.findings;
    }
    const { result } = read;
    io.err(summary(input, read.encoding, result));

    // A cell the import could not read is written as text saying so: checked later, it is named (VALUE-COUNT), and
    // no sum is checked with it — never a blank that would count as 0.
    const report = { ...result.report, values: Object.fromEntries(Object.entries(result.report.values).map(([k, v]) => [k, isNotLocated(v) ? UNREAD_CELL : v])) };
    if (!outPath || !output) {
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      return result.findings.length ? EXIT.findings : EXIT.ok;
    }
    const written =
      outExt === '.json'
        ? await guard.write(outPath, output, `${JSON.stringify(report, null, 2)}\n`, 'json', force)
        : await guard.write(outPath, output, await templateBytes({ report }), 'xlsx', force);
    if (!written.ok) {
      io.err(`没有写出 ${visible(output)}：${written.message}\n`);
      return EXIT.findings;
    }
    io.err(outExt === '.json' ? `已写入 ${visible(output)}。校验：nianbao check ${visible(output)}\n` : `已写入 ${visible(output)}（年报模板，已填入读到的数字）。\n`);
    return result.findings.length ? EXIT.findings : EXIT.ok;
  },
};

/** What an imported report data file or template holds where the text could not be read. */
export const UNREAD_CELL = '（导入时无法读取）';

/** What was read, in Chinese, for stderr. */
export function summary(file: string, encoding: string, result: ImportResult): string {
  const { report } = result;
  const count = (prefix: string): number => TABLE_KEYS.filter((k) => k.startsWith(prefix) && k in report.values && !isNotLocated(report.values[k])).length;
  const total = (prefix: string): number => TABLE_KEYS.filter((k) => k.startsWith(prefix)).length;
  const combined = Object.keys(report.values).filter((k) => k.startsWith('t3.other_combined.')).length;
  const lines = [
    `已读取 ${visible(file)}（${encoding}）：${visible(report.meta.body ?? '（未找到机关名称）')} ${visible(String(report.meta.year ?? '（未找到年度）'))} 年报告，${result.format} 年格式。`,
    `  表二 ${count('t2.')}/${total('t2.')} 项，表三 ${count('t3.')}/${total('t3.')} 项${combined ? `（另有“其他处理”合并行 ${combined} 项）` : ''}，表四 ${count('t4.')}/${total('t4.')} 项；` +
      `正文 ${Object.keys(report.narrative ?? {}).length} 部分${['fee.notices', 'fee.notified', 'fee.collected'].some((k) => k in report.values) ? '；信息处理费已读取' : ''}。`,
  ];
  if (result.findings.length) {
    lines.push(`导入时发现 ${result.findings.length} 个问题，请对照原文核实：`);
    for (const f of result.findings) lines.push(`  - [${f.rule}] ${visible(f.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
