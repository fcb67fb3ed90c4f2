/**
 * 校验 and 清除标注. A template workbook is checked in two syncs whatever the number of findings: (1) every input, its
 * fill, the store, the explanations, existing notes; (2) every mark and the store. A workbook located by its labels
 * takes four (three to find and read, one to write). Clearing takes two.
 */
import { checkReport, type Finding, type RawValue } from '../core';
import type { CheckOutcome } from '../taskpane/services';
import type { XlComment, XlContext, XlNote } from './host';
import { syncUnprotecting } from './errors';
import { parseExplanations } from './explanations';
import { parseStore, planMarks, queueMarkWrites, type MarkableCell, type Marking } from './marks';
import { readInputs } from './readInputs';
import { STORE_SHEET, displayAddress, reportFromCells } from './workbook';

export interface MarkFeatures {
  notes: boolean;
  comments: boolean;
  /** ExcelApi 1.9 fill pattern. */
  pattern: boolean;
}

interface Annotations {
  notes: XlNote[];
  comments: XlComment[];
}

function queueAnnotations(context: XlContext, features: MarkFeatures): () => Annotations {
  const notes = features.notes ? context.workbook.notes.load('items/content') : null;
  const comments = features.comments ? context.workbook.comments.load('items/content') : null;
  return () => ({ notes: notes ? notes.items : [], comments: comments ? comments.items : [] });
}

export async function checkWorkbook(context: XlContext, features: MarkFeatures): Promise<CheckOutcome> {
  const read = await readInputs(context, { fills: true, pattern: features.pattern, notes: features.notes }, () => queueAnnotations(context, features));
  const annotations = read.extra();
  const raw = new Map<string, RawValue>([...read.cells].map(([k, c]) => [k, c.raw] as const));
  const explanations = parseExplanations(read.explanationRows);
  const findings: Finding[] = checkReport(reportFromCells(raw), { explanations });
  for (const f of findings) {
    const addresses = f.cells.map((k) => read.cells.get(k)).filter((c) => c !== undefined).map((c) => displayAddress(c.at));
    if (addresses.length) f.addresses = addresses;
  }

  // Threaded comments have no per-cell lookup in one batch: where the user has comments of their own, fill only.
  const foreignComments = annotations.comments.some((c) => !c.content.startsWith('【年报助手】'));
  const marking: Marking = features.notes ? 'notes' : features.comments && !foreignComments ? 'comments' : 'fill';
  const cells = new Map<string, MarkableCell>([...read.cells].map(([k, c]) => [k, { at: c.at, fill: c.fill, userNote: c.userNote }] as const));
  const previous = parseStore(read.storeRows);
  const plan = planMarks(findings, cells, previous, marking);
  const unprotected = queueMarkWrites(context, plan, {
    protectedSheets: read.sheets.protectedSheets,
    notes: annotations.notes,
    comments: marking === 'comments' ? annotations.comments : [],
    previousRowCount: previous.length,
    storeExists: read.storeRows !== null,
    sheets: read.sheets.names,
  });
  await syncUnprotecting(context, unprotected);
  return { findings, located: read.located, problems: read.problems, marking };
}

export async function clearWorkbookMarks(context: XlContext, features: MarkFeatures): Promise<void> {
  const wb = context.workbook;
  const attempt = async (withStore: boolean): Promise<void> => {
    const sheets = wb.worksheets.load('items/name,items/protection/protected');
    const store = withStore ? wb.worksheets.getItem(STORE_SHEET).getUsedRange(true).load('values') : null;
    const annotations = queueAnnotations(context, features);
    await context.sync();
    const previous = parseStore(store ? store.values : null);
    const { notes, comments } = annotations();
    const unprotected = queueMarkWrites(
      context,
      { marks: [], restore: previous, rows: [] },
      {
        protectedSheets: new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name)),
        notes,
        comments,
        previousRowCount: previous.length,
        storeExists: withStore,
        sheets: new Set(sheets.items.map((s) => s.name)),
      },
    );
    await syncUnprotecting(context, unprotected);
  };
  try {
    await attempt(true);
  } catch (e) {
    // No store sheet: nothing of ours to restore, but tagged notes or comments may still be there.
    if (!(e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'ItemNotFound')) throw e;
    await attempt(false);
  }
}
