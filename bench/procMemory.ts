/**
 * Memory of a group of processes as Linux counts it, for the benchmarks: from /proc/<pid>/smaps_rollup, either PSS
 * (each shared page split among the processes mapping it: the sum over a group is what the group costs the machine)
 * or private pages only (what Chrome's task manager shows). Sampled while a run goes on, the group summed at each
 * moment, so the peak is the peak of the whole, not a sum of peaks that never coincided. Linux only: elsewhere 0.
 */
import { readFileSync, readdirSync } from 'node:fs';

function read(pid: string, what: string): string {
  try {
    return readFileSync(`/proc/${pid}/${what}`, 'utf8');
  } catch {
    return '';
  }
}

export function parentOf(pid: string): string {
  return /PPid:\s+(\d+)/.exec(read(pid, 'status'))?.[1] ?? '0';
}

export function commandLine(pid: string): string {
  return read(pid, 'cmdline');
}

export function pids(): string[] {
  try {
    return readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
}

/** `root` and every process descended from it. */
export function processTree(root: number): string[] {
  const all = pids();
  const parent = new Map(all.map((p) => [p, parentOf(p)]));
  const tree = new Set([String(root)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p) && tree.has(parent.get(p) ?? '0')) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

export type MemoryKind = 'pss' | 'private';

/** One process's memory in MB. */
export function processMb(pid: string, kind: MemoryKind): number {
  const smaps = read(pid, 'smaps_rollup');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(smaps)?.[1] ?? 0);
  return (kind === 'pss' ? kb('Pss') : kb('Private_Clean') + kb('Private_Dirty')) / 1024;
}

/** Samples `measure` every `everyMs` until stopped; the largest value seen. */
export function samplePeak(measure: () => number, everyMs = 50): { stop(): number } {
  let peak = measure();
  const timer = setInterval(() => {
    peak = Math.max(peak, measure());
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, measure());
    },
  };
}
