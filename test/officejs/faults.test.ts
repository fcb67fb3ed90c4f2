/**
 * Nothing half-applied (issue 10 item 2): a failure is injected at a command index of the requests that write — Excel
 * then applies the commands before it and none after — and afterwards every sheet's protection, values and formats
 * are either as before the action or as a run without the failure leaves them; never in between, never a value lost.
 *
 * Check and clear are swept at every command index. Install's write request holds about 11,000 commands and a run
 * with its recovery takes about a second, so by default it is swept at the first and last command of every kind of
 * command in it, and at a few more of each kind that can change what a second run decides (sheets added, values and
 * formulas written, names, protection, visibility); NIANBAO_FAULT_SWEEP=decisive takes every one of those and every
 * 100th of the rest, NIANBAO_FAULT_SWEEP=all every index (hours).
 */
import { SHEETS } from '../../src/spec';
import { STORE_SHEET } from '../../src/excel/workbook';
import type { ModelState, WorkbookModel } from '../../src/excel/testing/workbookModel';
import { addressOf, closeAll, fillClean, openExcel, put, spoil, type Session } from './harness';

afterAll(closeAll);

const SWEEP = process.env.NIANBAO_FAULT_SWEEP ?? '';

/** Per sheet, what the issue names: protection, values (and formulas), formats — not notes or comments. */
function sheetStates(model: WorkbookModel): Map<string, string> {
  return new Map(
    model.sheets.map((s) => [
      s.name,
      JSON.stringify({
        visibility: s.visibility,
        protection: s.protection,
        cells: [...s.cells].filter(([, c]) => c.value !== '' || c.formula || c.format.size || c.fill || c.numberFormat !== 'General').map(([k, c]) => [k, c.value, c.formula, c.numberFormat, c.fill, [...c.format].sort()]).sort(),
        merges: s.merges,
        widths: [...s.columnWidths].sort(),
        heights: [...s.rowHeights].sort(),
        validations: [...s.validations].sort(),
        conditionalFormats: s.conditionalFormats,
        pageLayout: s.pageLayout,
      }),
    ]),
  );
}

/** Kinds of command that can change what a second run of install decides. */
const DECISIVE = /^(Instantiate Add|SetProperty (Values|Formulas|Visibility)|Method (Protect|Unprotect|Delete))$/;

function indicesToSweep(kinds: string[], mode: string): number[] {
  if (mode === 'all' || kinds.length <= 600) return kinds.map((_, i) => i);
  // NIANBAO_FAULT_SWEEP=decisive: every decisive command and every 100th of the rest.
  if (mode === 'decisive') return kinds.map((k, i) => (DECISIVE.test(k) || i % 100 === 0 || i === kinds.length - 1 ? i : -1)).filter((i) => i >= 0);
  const byKind = new Map<string, number[]>();
  kinds.forEach((k, i) => byKind.set(k, [...(byKind.get(k) ?? []), i]));
  const picked = new Set<number>([0, kinds.length - 1]);
  for (const [kind, at] of byKind) {
    const n = DECISIVE.test(kind) ? 4 : 1;
    picked.add(at[at.length - 1]);
    for (let j = 0; j < n; j += 1) picked.add(at[Math.floor((j * at.length) / n)]);
  }
  return [...picked].sort((a, b) => a - b);
}

const writes = (kinds: string[]): boolean => kinds.some((k) => /^(SetProperty|Instantiate Add)/.test(k) || (/^Method /.test(k) && k !== 'Method _KeepReference'));

interface Scenario {
  name: string;
  notesLibrary?: boolean;
  prepare(s: Session): Promise<void>;
  act(s: Session): Promise<unknown>;
}

async function installedAndFilled(s: Session): Promise<void> {
  await s.services.installTemplate();
  fillClean(s.model);
}

/** A workbook as clerks leave it: fills of every kind on the cells that will be marked, earlier marks to undo. */
async function withHistory(s: Session): Promise<void> {
  await installedAndFilled(s);
  const earlier = ['t3.granted.natural', 't3.granted.total', 't2.fees'];
  for (const k of earlier) put(s.model, k, '错');
  await s.services.check();
  for (const k of earlier) put(s.model, k, 0);
  const keys = spoil(s.model, 4);
  const at = keys.map(addressOf);
  s.model.setFill(at[0].sheet, at[0].a1, '#FFFFFF');
  s.model.cell(at[1].sheet, at[1].a1).fill = { color: '#4472C4', pattern: 'Solid', patternColor: null, tintAndShade: -0.25, patternTintAndShade: 0 };
  s.model.cell(at[2].sheet, at[2].a1).fill = { color: '#FFFFFF', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 };
  s.model.setFill(at[3].sheet, at[3].a1, null);
}

const SCENARIOS: Scenario[] = [
  {
    name: 'check (threaded comments, earlier marks to undo)',
    prepare: withHistory,
    act: (s) => s.services.check(),
  },
  {
    name: 'check (notes, as with a newer office.js)',
    notesLibrary: true,
    prepare: withHistory,
    act: (s) => s.services.check(),
  },
  {
    name: 'clear',
    prepare: async (s) => {
      await withHistory(s);
      await s.services.check();
    },
    act: (s) => s.services.clearMarks(),
  },
  {
    name: 'install into a workbook in use',
    prepare: async (s) => {
      s.model.addSheet('我的工作表');
      s.model.type('我的工作表', 'A1', '本单位台账');
      s.model.sheet('我的工作表').protection = { protected: true, password: null, options: { allowFormatCells: true } };
    },
    act: (s) => s.services.installTemplate(),
  },
  {
    name: 'install over a damaged template (repair)',
    prepare: async (s) => {
      await installedAndFilled(s);
      s.model.sheet('表四').merges = [];
      s.model.names.delete('nb_t4_reconsideration_total');
      s.model.setValue('表二', 'A3', '');
      s.model.deleteSheet('核实说明');
    },
    act: (s) => s.services.installTemplate(),
  },
];

describe.each(SCENARIOS)('a failure at every command index: $name', (scenario) => {
  test('every sheet ends as before or as intended', async () => {
    const s = await openExcel({ notesLibrary: scenario.notesLibrary });
    await scenario.prepare(s);
    const start: ModelState = s.model.save();
    const before = sheetStates(s.model);

    s.host.resetCounters();
    await scenario.act(s);
    const intended = sheetStates(s.model);
    const requests = s.host.workbookRequests().map((r) => r.kinds);
    expect(intended).not.toEqual(before);

    let injected = 0;
    let total = 0;
    for (let r = 0; r < requests.length; r += 1) {
      const kinds = requests[r];
      total += kinds.length;
      // A request that only reads changes nothing wherever it fails: one failure there is enough.
      const indices = writes(kinds) ? indicesToSweep(kinds, SWEEP) : [0];
      for (const k of indices) {
        s.model.restore(start);
        s.host.failAt(r, k);
        await scenario.act(s).catch(() => undefined);
        const after = sheetStates(s.model);
        const names = new Set([...before.keys(), ...intended.keys(), ...after.keys()]);
        for (const name of names) {
          const got = after.get(name);
          if (got !== before.get(name) && got !== intended.get(name)) {
            const show = (x: string | undefined): string => (x ?? 'absent').slice(0, 400);
            throw new Error(`${scenario.name}: failure at request ${r} command ${k} (${kinds[k]}) left sheet ${name} between before and intended\nafter: ${show(got)}\nintended: ${show(intended.get(name))}\nbefore: ${show(before.get(name))}`);
          }
        }
        // Our own sheets that exist are protected again whatever happened.
        for (const layout of SHEETS) {
          const sheet = s.model.findSheet(layout.name);
          if (sheet && intended.has(layout.name)) expect(sheet.protection.protected).toBe(true);
        }
        injected += 1;
      }
    }
    process.stdout.write(`${scenario.name}: failure injected at ${injected} of ${total} command indices in ${requests.length} requests\n`);
    expect(injected).toBeGreaterThan(0);
    void STORE_SHEET;
  }, 1_800_000);
});
