/** `nianbao template -o 年报模板.xlsx [--data report.json]`: the self-checking template as a file (for WPS, old Excel). */
import * as path from 'node:path';
import { templateBytes } from '../../xlsx/writeTemplate';
import { isNotLocated } from '../../xlsx/readWorkbook';
import { flagValue, hasFlag, parseArgs, type FlagSpec } from '../args';
import { readEach } from '../fileTasks';
import { guardOutput } from '../outputs';
import { visible } from '../visible';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [{ name: 'output', short: 'o', value: true }, { name: 'data', value: true }, { name: 'force', short: 'f' }, { name: 'help', short: 'h' }];

export const templateCommand: Command = {
  name: 'template',
  summary: '生成年报模板工作簿（含实时“校验”表和条件格式，适用于 WPS 和较旧的 Excel）',
  usage: () =>
    [
      '用法：nianbao template -o 年报模板.xlsx [--data 报告数据.json] [--force]',
      '',
      '  写出 2021 年格式的年报模板：基本信息、表二、表三、表四、补充数据、上年数据、校验、核实说明。',
      '  --data <文件>   把报告数据（JSON 或已填写的工作簿）填入模板，含上年数据和核实说明',
      '  --force, -f     输出文件已存在时覆盖（--data 的文件无论如何都不会被改动）',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (args.positional.length) throw new UsageError(`多余的参数：${args.positional.join(' ')}`);
    const output = flagValue(args, 'output');
    if (!output) throw new UsageError('请用 -o 给出输出文件名，如：-o 年报模板.xlsx');
    if (!/\.xlsx$/i.test(output)) throw new UsageError('输出文件名应以 .xlsx 结尾');
    const dataFile = flagValue(args, 'data');
    const force = hasFlag(args, 'force');
    const guarded = await guardOutput(io, dataFile ? [dataFile] : [], output, force);
    if ('exit' in guarded) return guarded.exit;
    const { guard } = guarded;
    const target = path.resolve(io.cwd, output);
    let options = {};
    if (dataFile) {
      const [read] = await readEach([dataFile], io.cwd);
      if (!read.ok) {
        io.err(`无法读取 ${visible(dataFile)}：${read.error}\n`);
        return EXIT.findings;
      }
      const explanations = [...(read.value.explanations ?? [])].map(([id, text]) => {
        const i = id.indexOf(':');
        return { rule: id.slice(0, i), target: id.slice(i + 1), text };
      });
      const report = read.value.report;
      // Cells the reader could not locate stay empty in the template rather than carrying a marker.
      const values = Object.fromEntries(Object.entries(report.values).filter(([, v]) => !isNotLocated(v)));
      options = { report: { ...report, values }, explanations };
    }
    const written = await guard.write(target, output, await templateBytes(options), 'xlsx', force);
    if (!written.ok) {
      io.err(`没有写出模板：${written.message}\n`);
      return EXIT.findings;
    }
    io.err(`模板已写入 ${visible(output)}\n`);
    return EXIT.ok;
  },
};
