/** A progress bar on stderr, only on a terminal and only when there are more than a few files. */
import type { Io } from './io';
import { visible } from './visible';

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const QUIET: Progress = { tick: () => undefined, done: () => undefined };
export const PROGRESS_MIN_FILES = 5;

export function createProgress(io: Io, total: number, verb = '检查'): Progress {
  if (!io.isTty || total <= PROGRESS_MIN_FILES) return QUIET;
  let count = 0;
  let lastDraw = 0;
  const width = 30;
  const draw = (label: string): void => {
    const filled = Math.round((count / total) * width);
    const shown = visible(label);
    const name = shown.length > 30 ? `…${shown.slice(-29)}` : shown;
    io.err(`\r${verb}中 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${name}\x1b[K`);
  };
  return {
    tick(label: string) {
      count += 1;
      const now = Date.now();
      // Redraw at most ~20 times a second: a terminal is slower than a fast batch.
      if (now - lastDraw < 50 && count < total) return;
      lastDraw = now;
      draw(label);
    },
    done() {
      io.err('\r\x1b[K');
    },
  };
}
