/** `nianbao check <files or folders>… [--json]`: check reports, print findings, exit 0/1/2. */
import { hasFlag, parseArgs, type FlagSpec } from '../args';
import { checkFile, toCheckResult, type CheckedFile } from '../checkFiles';
import { formatCheckResult } from '../formatText';
import { expandInputs, supportedExtensions } from '../inputs';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [{ name: 'json' }, { name: 'help', short: 'h' }];

export const checkCommand: Command = {
  name: 'check',
  summary: '校验年报（报告数据 JSON 等），列出错误、需核实和提示事项',
  usage: () =>
    [
      '用法：nianbao check <文件或文件夹>… [--json]',
      '',
      `  检查每个文件（支持 ${supportedExtensions().join('、')}；文件夹内的文件逐一检查），按单位列出发现的问题。`,
      '  --json    按规定的结果格式（FORMAT.md §4）输出 JSON',
      '',
      '退出码：0 没有“错误”级别的问题；1 有错误，或有文件无法读取；2 用法不对。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (hasFlag(args, 'help')) {
      io.out(`${this.usage()}\n`);
      return EXIT.ok;
    }
    if (args.positional.length === 0) throw new UsageError('请给出要检查的文件或文件夹');
    const { files, missing } = await expandInputs(args.positional, io.cwd);
    const checked: CheckedFile[] = [];
    for (const m of missing) checked.push({ findings: [], result: { file: m, body: null, year: null, format: null, status: 'unreadable', error: '文件或文件夹不存在', findings: [] } });
    for (const file of files) checked.push(await checkFile(file, io.cwd));
    if (checked.length === 0) throw new UsageError(`给出的文件夹里没有可以检查的文件（支持 ${supportedExtensions().join('、')}）`);
    const result = toCheckResult(checked);
    io.out(hasFlag(args, 'json') ? `${JSON.stringify(result, null, 2)}\n` : formatCheckResult(result));
    const failed = result.summary.errors > 0 || result.files.some((f) => f.status === 'unreadable');
    return failed ? EXIT.findings : EXIT.ok;
  },
};
