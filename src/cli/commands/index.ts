/** Every command of `nianbao`; one line per command. */
import type { Command } from './command';
import { checkCommand } from './check';
import { draftCommand } from './draft';
import { importCommand } from './import';
import { templateCommand } from './template';
import { mergeCommand } from './merge';

export const COMMANDS: Command[] = [checkCommand, importCommand, draftCommand, templateCommand, mergeCommand];
