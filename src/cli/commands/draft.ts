/** `nianbao draft <report> [-o 正文.docx|.md|.txt]`: the report's text drafted from its numbers. */
import * as path from 'node:path';
import { PLACEHOLDER_OPEN } from '../../spec';
import { checkReport, draftNarrative, draftToMarkdown, draftToText, type Draft } from '../../core';
import { draftToDocx } from '../../docx';
import { flagValue, hasFlag, parseArgs, type FlagSpec } from '../args';
import { supportedExtensions } from '../inputs';
import { readEach } from '../fileTasks';
import { guardOutput, type OutputKind } from '../outputs';
import { visible } from '../visible';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from './command';

const FLAGS: FlagSpec[] = [{ name: 'output', short: 'o', value: true }, { name: 'force', short: 'f' }, { name: 'help', short: 'h' }];

const FORMATS: Record<string, { make: (draft: Draft) => Promise<Buffer | string>; kind: OutputKind }> = {
  '.docx': { make: (d) => draftToDocx(d), kind: 'docx' },
  '.md': { make: async (d) => draftToMarkdown(d), kind: 'text' },
  '.txt': { make: async (d) => draftToText(d), kind: 'text' },
};

function placeholderCount(draft: Draft): number {
  return draft.sections.reduce((n, s) => n + s.sentences.reduce((m, x) => m + x.text.split(PLACEHOLDER_OPEN).length - 1, 0), 0);
}

export const draftCommand: Command = {
  name: 'draft',
  summary: '根据报告数据起草年报正文（Word、Markdown 或纯文本）',
  usage: () =>
    [
      '用法：nianbao draft <报告文件> [-o 正文.docx | 正文.md | 正文.txt] [--force]',
      '',
      `  读取报告数据（支持 ${supportedExtensions().join('、')}），按 2021 年格式起草年报全文：`,
      '  标题、开头、六个部分和三张表格。正文中的数字全部取自表格；表格无法说明的内容留有',
      '  【请补充：…】标记，发布前须逐一补写并删除标记。',
      '  -o, --output <文件>   写入文件，按扩展名选择格式（.docx、.md、.txt）；不给则把纯文本输出到屏幕',
      '  -f, --force           输出文件已存在时覆盖（读取的报告无论如何都不会被改动）',
      '',
      '退出码：0 已生成；1 文件无法读取或写入；2 用法不对。',
    ].join('\n'),
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, FLAGS);
    if (args.positional.length === 0) throw new UsageError('请给出报告文件');
    if (args.positional.length > 1) throw new UsageError(`一次只能起草一份报告，给出了 ${args.positional.length} 个文件`);
    const output = flagValue(args, 'output');
    const ext = output ? path.extname(output).toLowerCase() : '';
    if (output && !Object.hasOwn(FORMATS, ext)) throw new UsageError(`输出文件“${output}”的扩展名应为 .docx、.md 或 .txt`);

    const input = args.positional[0];
    const force = hasFlag(args, 'force');
    const guarded = await guardOutput(io, [input], output, force);
    if ('exit' in guarded) return guarded.exit;
    const { guard, target } = guarded;
    const [read] = await readEach([input], io.cwd);
    if (!read.ok) {
      io.err(`无法读取“${visible(input)}”：${read.error}\n`);
      return EXIT.findings;
    }
    const report = read.value.report;
    const draft = draftNarrative(report);

    const errors = checkReport(report).filter((f) => f.severity === 'error').length;
    if (errors > 0) {
      io.err(`注意：“${visible(input)}”的表格有 ${errors} 个错误，正文中的数字取自表格，请先改正（nianbao check ${visible(input)}）。\n`);
    }
    if (!target || !output) {
      io.out(draftToText(draft));
      return EXIT.ok;
    }
    const format = FORMATS[ext];
    const written = await guard.write(target, output, await format.make(draft), format.kind, force, { createFolder: false });
    if (!written.ok) {
      io.err(`没有写出“${visible(output)}”：${written.message}\n`);
      return EXIT.findings;
    }
    const todo = placeholderCount(draft);
    io.out(`已生成“${visible(output)}”。${todo > 0 ? `其中有 ${todo} 处【请补充：…】需要补写。` : ''}\n`);
    return EXIT.ok;
  },
};
