/**
 * 校验 and 清除标注. A template workbook is checked in two syncs whatever the number of findings: (1) every input, its
 * fill, the store, the explanations, existing notes and comments; (2) every mark and the store. Where the user has
 * threaded comments and notes are the marks, one sync more finds the commented cells (a cell holds a note or a
 * comment, not both). Clearing takes two. A failed write is finished or undone by ./recovery.ts.
 */
import { NOT_LOCATED, checkReport, dropUnlocatedValueFindings, sortFindings, type Finding, type RawValue } from '../core';
import type { CheckOutcome } from '../taskpane/services';
import type { Capabilities } from './capabilities';
import type { XlComment, XlContext, XlNote } from './host';
import { parseExplanations } from './explanations';
import { parseStore, planMarks, queueAnnotations, queueMarkWrites, type MarkableCell, type Marking, type StoreRow } from './marks';
import { readInputs, type SheetsState } from './readInputs';
import { planProtection, withRecovery, type RecoveryState } from './recovery';
import { NOTE_TAG, STORE_SHEET, displayAddress, reportFromCells, splitAddress, type CellAt } from './workbook';

const cellId = (at: CellAt): string => `${at.sheet}!${at.a1}`;

interface Located {
  /** Cells holding a threaded comment (anyone's). */
  commented: Set<string>;
  /** Sheets holding a note or comment of ours (their sheets must be unprotected to delete them). */
  oursOn: Set<string>;
}

/** Where the given notes and comments are: one sync, only when there is something to locate. */
async function locate(context: XlContext, notes: readonly XlNote[], comments: readonly XlComment[]): Promise<Located> {
  const ours = (x: { content: string }): boolean => x.content.startsWith(NOTE_TAG);
  const noteRanges = notes.filter(ours).map((n) => n.getLocation().load('address'));
  const commentRanges = comments.map((c) => ({ ours: ours(c), range: c.getLocation().load('address') }));
  if (!noteRanges.length && !commentRanges.length) return { commented: new Set(), oursOn: new Set() };
  await context.sync();
  const commented = new Set(commentRanges.map((c) => cellId(splitAddress(c.range.address))));
  const oursOn = new Set([...noteRanges.map((r) => splitAddress(r.address).sheet), ...commentRanges.filter((c) => c.ours).map((c) => splitAddress(c.range.address).sheet)]);
  return { commented, oursOn };
}

export function checkWorkbook(context: XlContext, caps: Capabilities): Promise<CheckOutcome> {
  return withRecovery(context, (state) => checkOnce(context, caps, state));
}

async function checkOnce(context: XlContext, caps: Capabilities, state: RecoveryState): Promise<CheckOutcome> {
  const read = await readInputs(context, { fills: true, notes: caps.notes }, caps, () => queueAnnotations(context, caps));
  const annotations = read.extra();
  const raw = new Map<string, RawValue>([...read.cells].map(([k, c]) => [k, c.raw] as const));
  // A table cell the label search could not find is not a 0: its rules are not evaluated (as in the command line).
  for (const key of read.notLocated) if (!raw.has(key)) raw.set(key, NOT_LOCATED);
  const explanations = parseExplanations(read.explanationRows);
  const report = reportFromCells(raw);
  const findings: Finding[] = sortFindings(dropUnlocatedValueFindings([...read.findings, ...checkReport(report, { explanations })], report));
  for (const f of findings) {
    const addresses = f.cells.map((k) => read.cells.get(k)).filter((c) => c !== undefined).map((c) => displayAddress(c.at));
    if (addresses.length) f.addresses = addresses;
  }

  // Threaded comments of the user: with notes, their cells get no note; without notes, no comments of ours beside theirs.
  const foreignComments = annotations.comments.some((c) => !c.content.startsWith(NOTE_TAG));
  let marking: Marking = caps.notes ? 'notes' : caps.comments && !foreignComments ? 'comments' : 'fill';
  // The last run after failed writes marks by fill only: nothing that a cell's note or comment could refuse.
  if (state.attempt >= 2) marking = 'fill';
  const needLocations = (marking === 'notes' && annotations.comments.length > 0) || state.attempt > 0;
  const located = needLocations ? await locate(context, annotations.notes, annotations.comments) : { commented: new Set<string>(), oursOn: new Set<string>() };

  const cells = new Map<string, MarkableCell>(
    [...read.cells].map(([k, c]) => [k, { at: c.at, fill: c.fill, userNote: located.commented.has(cellId(c.at)) ? true : c.userNote }] as const),
  );
  const previous = parseStore(read.storeRows);
  const plan = planMarks(findings, cells, previous, marking);
  await writeMarks(context, caps, state, read.sheets, { plan, previous, storeExists: read.storeRows !== null, notes: annotations.notes, comments: annotations.comments, oursOn: located.oursOn });
  return { findings, located: read.located, problems: read.problems, marking };
}

interface MarkWrite {
  plan: ReturnType<typeof planMarks>;
  previous: StoreRow[];
  storeExists: boolean;
  notes: readonly XlNote[];
  comments: readonly XlComment[];
  oursOn: ReadonlySet<string>;
}

async function writeMarks(context: XlContext, caps: Capabilities, state: RecoveryState, sheets: SheetsState, w: MarkWrite): Promise<void> {
  const touched = [...w.plan.marks.map((m) => m.at.sheet), ...w.plan.restore.map((r) => r.sheet), ...w.oursOn];
  const protection = planProtection(state, sheets, touched);
  if (!w.storeExists && w.plan.rows.length) state.created.add(STORE_SHEET);
  queueMarkWrites(
    context,
    w.plan,
    { protection, notes: w.notes, comments: w.comments, previousRowCount: w.previous.length, storeExists: w.storeExists, sheets: sheets.names },
    caps,
  );
  state.writing = true;
  await context.sync();
}

export function clearWorkbookMarks(context: XlContext, caps: Capabilities): Promise<void> {
  return withRecovery(context, (state) => clearOnce(context, caps, state));
}

async function clearOnce(context: XlContext, caps: Capabilities, state: RecoveryState): Promise<void> {
  const wb = context.workbook;
  const read = async (withStore: boolean): Promise<{ sheets: SheetsState; storeRows: unknown[][] | null; notes: XlNote[]; comments: XlComment[] }> => {
    const sheets = wb.worksheets.load('items/name,items/protection/protected,items/protection/options');
    const store = withStore ? wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values') : null;
    const annotations = queueAnnotations(context, caps);
    await context.sync();
    const prot = sheets.items.filter((s) => s.protection.protected);
    return {
      sheets: { names: new Set(sheets.items.map((s) => s.name)), protectedSheets: new Set(prot.map((s) => s.name)), protectionOptions: new Map(prot.map((s) => [s.name, s.protection.options] as const)) },
      storeRows: store ? store.values : null,
      ...annotations(),
    };
  };
  let now: Awaited<ReturnType<typeof read>>;
  try {
    now = await read(true);
  } catch (e) {
    // No store sheet: nothing of ours to restore, but tagged notes or comments may still be there.
    if (!(e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'ItemNotFound')) throw e;
    now = await read(false);
  }
  const previous = parseStore(now.storeRows);
  const oursOn = state.attempt > 0 ? (await locate(context, now.notes, now.comments)).oursOn : new Set<string>();
  await writeMarks(context, caps, state, now.sheets, { plan: { marks: [], restore: previous, rows: [] }, previous, storeExists: now.storeRows !== null, notes: now.notes, comments: now.comments, oursOn });
}
