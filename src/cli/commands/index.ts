/** Every command of `nianbao`; one line per command. */
import type { Command } from './command';
import { checkCommand } from './check';

export const COMMANDS: Command[] = [checkCommand];
