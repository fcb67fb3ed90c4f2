/**
 * Tests that need a system program (LibreOffice, Chromium, xmllint) run where it is installed. Elsewhere they skip
 * with a message naming what is missing; under CI (CI=true) a missing program fails, because .ci/run installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describeGated } from './gate';

const cache = new Map<string, string | null>();

/** Absolute path of a program on PATH, or null. */
export function findProgram(name: string): string | null {
  if (cache.has(name)) return cache.get(name) ?? null;
  let found: string | null = null;
  if (name.startsWith('/')) found = existsSync(name) ? name : null;
  else {
    try {
      found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      found = null;
    }
  }
  cache.set(name, found);
  return found;
}

/**
 * `describe` when every program is present; otherwise a describe whose one test explains the skip (or fails under CI).
 * `installHint` says how to get it, e.g. "apt-get install -y libreoffice-calc".
 */
export function describeWithPrograms(title: string, programs: string[], installHint: string, body: () => void): void {
  const missing = programs.filter((p) => !findProgram(p));
  describeGated(title, missing.length ? `skipped "${title}": missing ${missing.join(', ')} (install: ${installHint})` : null, body);
}
