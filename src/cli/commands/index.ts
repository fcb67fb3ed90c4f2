/** Every command of `nianbao`; one line per command. */
import type { Command } from './command';
import { checkCommand } from './check';
import { draftCommand } from './draft';
import { importCommand } from './import';

export const COMMANDS: Command[] = [checkCommand, importCommand, draftCommand];
