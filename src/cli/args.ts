/** A small argument parser: flags declared per command, Chinese usage errors, no dependency. */
import { UsageError } from './io';
import { visible } from './visible';

export interface FlagSpec {
  /** `--json` style name without dashes. */
  name: string;
  short?: string;
  /** Takes a value (`-o file`); otherwise boolean. */
  value?: boolean;
  /** May be given more than once. */
  repeat?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[] | true>;
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[] | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [rawName, inline] = a.startsWith('--') ? splitOnce(a.slice(2), '=') : [a.slice(1), undefined];
      const spec = specs.find((s) => (a.startsWith('--') ? s.name === rawName : s.short === rawName));
      if (!spec) throw new UsageError(`不认识的选项 ${visible(a)}`);
      if (spec.value) {
        const val = inline ?? argv[i + 1];
        if (val === undefined || (inline === undefined && val.startsWith('-') && val !== '-')) throw new UsageError(`选项 --${spec.name} 后面需要一个值`);
        if (inline === undefined) i += 1;
        const prev = flags.get(spec.name);
        if (prev && !spec.repeat) throw new UsageError(`选项 --${spec.name} 只能给一次`);
        flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), val]);
      } else {
        if (inline !== undefined) throw new UsageError(`选项 --${spec.name} 不带值`);
        flags.set(spec.name, true);
      }
      continue;
    }
    positional.push(a);
  }
  return { positional, flags };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v[v.length - 1] : undefined;
}

export function flagValues(args: ParsedArgs, name: string): string[] {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v : [];
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}
