import type { Io } from '../io';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  usage(): string;
  /** Returns the exit code; throws UsageError for bad usage. */
  run(argv: string[], io: Io): Promise<number>;
}
