/** `nianbao`: the command line. Dispatches to commands; maps usage errors to exit 2. */
import './readers';
import { COMMANDS } from './commands';
import { EXIT, UsageError, processIo, type Io } from './io';
import { describeUnexpected } from './errors';
import { visible } from './visible';

export function help(): string {
  return [
    '年报助手 nianbao —— 政府信息公开工作年度报告的校验与制作工具（国办公开办函〔2021〕30号格式）',
    '',
    '用法：nianbao <命令> [参数]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
    '',
    '每个命令的详细说明：nianbao <命令> --help',
  ].join('\n');
}

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`不认识的命令“${visible(name)}”。\n\n${help()}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage()}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${command.usage()}\n`);
      return EXIT.usage;
    }
    io.err(`出错了：${describeUnexpected(e)}\n`);
    return EXIT.findings;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`出错了：${describeUnexpected(e)}\n`);
      process.exitCode = 1;
    },
  );
}
