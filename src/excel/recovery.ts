/**
 * Nothing half-applied. Excel runs a request's commands in order and stops at the first that fails; the commands
 * before it stay applied (README of ./testing: requests). So when a write sync fails, the action runs again in the
 * same context from a fresh read — its writes are idempotent and ordered so that a second run finishes what the first
 * began (see ./marks.ts, ./install.ts) — remembering what the first run saw: which sheets were protected (and how),
 * which sheets it created. If the runs fail again, the sheets that were protected are protected again, sheets the
 * action created are removed, and the first error is reported: the workbook is as before, or as the action meant it.
 */
import { ServiceError } from '../taskpane/services';
import { MESSAGES, officeCode } from './errors';
import type { XlContext, XlWorksheet } from './host';
import type { SheetsState } from './readInputs';

export interface RecoveryState {
  /** 0 the first run; 1 and 2 the runs after a failed write (2: the most cautious, e.g. fill-only marks). */
  attempt: number;
  /** Sheets protected when the action first read them, with their options: protected again whatever happens. */
  protectedBefore: Map<string, Excel.WorksheetProtectionOptions | null>;
  /** Sheets the action added: a later run draws them as new; giving up removes them. */
  created: Set<string>;
  /** Set just before the sync that writes: a failure before it changed nothing and is simply reported. */
  writing: boolean;
}

export interface ProtectionPlan {
  /** Sheets protected now that the writes touch: unprotected first. */
  unprotect: string[];
  /** Sheets to protect at the end, with the options they had before the action began. */
  protect: Array<{ name: string; options: Excel.WorksheetProtectionOptions | null }>;
}

/** Record what this run sees (the first run's view wins) and plan protection for the sheets the writes touch. */
export function planProtection(state: RecoveryState, now: SheetsState, touched: Iterable<string>, alsoProtect: Iterable<string> = []): ProtectionPlan {
  const sheets = [...new Set(touched)].filter((n) => now.names.has(n));
  for (const name of sheets) if (now.protectedSheets.has(name) && !state.protectedBefore.has(name)) state.protectedBefore.set(name, now.protectionOptions.get(name) ?? null);
  // Sheets an earlier run unprotected and did not get to protect again are protected now, touched or not.
  const leftOpen = [...state.protectedBefore.keys()].filter((n) => now.names.has(n) && !now.protectedSheets.has(n));
  const wanted = new Set([...sheets.filter((n) => state.protectedBefore.has(n)), ...leftOpen, ...alsoProtect]);
  return {
    unprotect: sheets.filter((n) => now.protectedSheets.has(n)),
    protect: [...wanted].map((name) => ({ name, options: state.protectedBefore.get(name) ?? null })),
  };
}

export function unprotectFor(plan: ProtectionPlan, sheet: (name: string) => XlWorksheet): void {
  for (const name of plan.unprotect) sheet(name).protection.unprotect();
}

export function protectAgain(plan: ProtectionPlan, sheet: (name: string) => XlWorksheet): void {
  for (const p of plan.protect) sheet(p.name).protection.protect(p.options ?? undefined);
}

/** The failed command was an unprotect: a password we do not have (Excel names the statement; README: errors). */
function failedOnUnprotect(e: unknown): boolean {
  const info = e && typeof e === 'object' && 'debugInfo' in e ? (e as { debugInfo?: { errorLocation?: string; statement?: string } }).debugInfo : undefined;
  return /unprotect/i.test(`${info?.errorLocation ?? ''} ${info?.statement ?? ''}`);
}

const PROTECTION_CODES = new Set(['InvalidArgument', 'AccessDenied', 'InvalidOperation', 'GeneralException']);

/** Protect again what was protected, remove what the action created; best effort, errors ignored. */
async function giveUp(context: XlContext, state: RecoveryState): Promise<string[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  await context.sync();
  const present = new Map(sheets.items.map((s) => [s.name, s] as const));
  const stillProtected: string[] = [];
  for (const [name, options] of state.protectedBefore) {
    const s = present.get(name);
    if (!s) continue;
    if (s.protection.protected) stillProtected.push(name);
    else s.protection.protect(options ?? undefined);
  }
  for (const name of state.created) present.get(name)?.delete();
  await context.sync();
  return stillProtected;
}

/**
 * Run `attempt` and, when its write sync fails, run it again (twice at most), then give up as described above.
 * Errors before any write (reads, a template of another version, …) pass straight through.
 */
export async function withRecovery<T>(context: XlContext, attempt: (state: RecoveryState) => Promise<T>): Promise<T> {
  const state: RecoveryState = { attempt: 0, protectedBefore: new Map(), created: new Set(), writing: false };
  let firstError: unknown = null;
  for (; state.attempt < 3; state.attempt += 1) {
    state.writing = false;
    try {
      return await attempt(state);
    } catch (e) {
      if (e instanceof ServiceError || (!state.writing && state.attempt === 0)) throw e;
      firstError ??= e;
      // A cell being edited refuses the whole request (nothing applied): runBatch tries the action again later.
      if (officeCode(e) === 'InvalidOperationInCellEditMode') break;
    }
  }
  let stillProtected: string[] = [];
  try {
    stillProtected = await giveUp(context, state);
  } catch {
    // The first error is what the user needs to hear about.
  }
  if (failedOnUnprotect(firstError) && PROTECTION_CODES.has(officeCode(firstError) ?? '')) {
    throw new ServiceError('protected', MESSAGES.protected((stillProtected.length ? stillProtected : [...state.protectedBefore.keys()]).map((s) => `「${s}」`).join('、')));
  }
  throw firstError;
}
