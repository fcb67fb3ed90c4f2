/**
 * Every task-pane action through Microsoft's office.js — the Windows build (excel-win32-16.01.js) and the web build
 * (excel-web-16.00.js), each loaded by office.js from the npm package's folder as in production — over the simulated
 * host, which reports ExcelApi 1.18. With the npm package as it is (1.1.110, no notes) marks are threaded comments;
 * with a newer folder (OFFICE_JS_DIR) that has notes, notes. Each action's syncs are counted at the host, and every
 * request and response stays under 5 MB.
 */
import { getSheet } from '../../src/spec';
import type { ReportData } from '../../src/core';
import { NARRATIVE_SHEET, NOTE_TAG, STORE_SHEET } from '../../src/excel/workbook';
import { addressOf, closeAll, expectWithinPayloadLimit, fillClean, fillColorOf, openExcel, put, spoil, valueOf, type Session } from './harness';

afterAll(closeAll);

const draft = (report: ReportData): { sections: { id: string; title: string; sentences: { text: string; keys: string[] }[] }[] } => ({
  sections: [{ id: 'opening', title: '前言', sentences: [{ text: `${String(report.meta.body)}发布年度报告。`, keys: ['meta.body'] }] }],
});
const importText = (): { report: ReportData; findings: [] } => ({
  report: { meta: { body: '某某局', year: 2023 }, values: { 't3.new.natural': 4, 't3.new.total': 4, 't2.fees': 7730.28 } },
  findings: [],
});

describe.each(['win32', 'web'] as const)('every pane action through office.js (%s build)', (platform) => {
  let s: Session;
  beforeAll(async () => {
    s = await openExcel({ platform, deps: { draft, importText } });
  });
  afterEach(() => expectWithinPayloadLimit(s.host));

  /** Run an action and return how many syncs reached the host. */
  async function syncsOf<T>(action: () => Promise<T>): Promise<{ syncs: number; result: T }> {
    s.host.resetCounters();
    const result = await action();
    return { syncs: s.host.syncs, result };
  }

  test('the library loaded is the host file office.js picks for this platform', () => {
    expect(s.office.scripts[0]).toBe(platform === 'win32' ? 'excel-win32-16.01.js' : 'excel-web-16.00.js');
    expect(s.office.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
  });

  test('install into a blank workbook: 2 syncs', async () => {
    const { syncs, result } = await syncsOf(() => s.services.installTemplate());
    expect(syncs).toBe(2);
    expect(result.created).toContain('表三');
    expect(s.model.sheet('表三').protection.protected).toBe(true);
  });

  test('repair: 3 syncs, values kept', async () => {
    fillClean(s.model);
    s.model.sheet('表四').merges = [];
    s.model.names.delete('nb_t4_reconsideration_total');
    const { syncs, result } = await syncsOf(() => s.services.installTemplate());
    expect(syncs).toBe(3);
    expect(result.repaired).toContain('表四');
    expect(s.model.sheet('表四').merges.length).toBeGreaterThan(0);
    expect(s.model.findName('NB_t4_reconsideration_total')).toBeDefined();
    expect(valueOf(s.model, 'meta.body')).toBe('沙坡头区香山乡人民政府');
  });

  test('check with 0 findings: 2 syncs', async () => {
    const { syncs, result } = await syncsOf(() => s.services.check());
    expect(syncs).toBe(2);
    expect(result.findings).toEqual([]);
    expect(result.located).toBe('names');
  });

  let findings: Awaited<ReturnType<Session['services']['check']>>['findings'] = [];
  test('check with 150 findings: 2 syncs, marked with notes where the library has them, else threaded comments', async () => {
    spoil(s.model, 150);
    const { syncs, result } = await syncsOf(() => s.services.check());
    expect(syncs).toBe(2);
    expect(result.findings).toHaveLength(150);
    const libraryHasNotes = 'notes' in s.office.Excel.Workbook.prototype;
    expect(result.marking).toBe(libraryHasNotes ? 'notes' : 'comments');
    const marks = libraryHasNotes ? [...s.model.sheet('表三').notes.values()] : s.model.comments.map((c) => c.content);
    expect(marks).toHaveLength(150);
    expect(marks.every((c) => c.startsWith(NOTE_TAG))).toBe(true);
    expect(fillColorOf(s.model, 't3.new.natural')).toBe('#FFC7CE');
    findings = result.findings;
  });

  test('select a finding: 1 sync, its sheet active and its cell selected', async () => {
    const { syncs } = await syncsOf(() => s.services.selectFinding(findings[0]));
    expect(syncs).toBe(1);
    expect(s.model.selection).toEqual({ sheet: '表三', address: addressOf(findings[0].cells[0]).a1 });
    expect(s.model.activeSheet).toBe('表三');
  });

  test('save an explanation: 3 syncs (the sheets, the rows there, the write); text starting with = stays text', async () => {
    const { syncs } = await syncsOf(() => s.services.saveExplanation(findings[0], '=按上级口径填报'));
    expect(syncs).toBe(3);
    expect(s.model.getValue('核实说明', 'D2')).toBe('=按上级口径填报');
    expect(s.model.formulaOf('核实说明', 'D2')).toBeNull();
  });

  test('clear: 2 syncs, fills back, our notes or comments gone', async () => {
    const { syncs } = await syncsOf(() => s.services.clearMarks());
    expect(syncs).toBe(2);
    expect(s.model.comments).toEqual([]);
    expect(s.model.sheet('表三').notes.size).toBe(0);
    expect(fillColorOf(s.model, 't3.new.natural')).toBe('#FFFFF0');
  });

  test('draft: written to 正文 in 2 syncs', async () => {
    fillClean(s.model);
    const { syncs, result } = await syncsOf(() => s.services.draftNarrative({ force: false }));
    expect(syncs).toBe(2);
    expect(result.written).toBe(true);
    expect(s.model.getValue(NARRATIVE_SHEET, 'B2')).toBe('沙坡头区香山乡人民政府发布年度报告。');
  });

  test('import: empty cells filled in 2 syncs', async () => {
    const at = addressOf('t3.new.natural');
    s.model.setValue(at.sheet, at.a1, '');
    const { syncs, result } = await syncsOf(() => s.services.importPublished('…', 'current'));
    expect(syncs).toBe(2);
    expect(result.filled).toBe(1);
    expect(valueOf(s.model, 't3.new.natural')).toBe(4);
  });

  test('check a hand-made workbook located by its labels', async () => {
    const hand = await openExcel({ platform });
    const t3 = getSheet('t3');
    const sheet = hand.model.addSheet('收到的表');
    for (const c of t3.cells) hand.model.cellAt(sheet, c.row + 2, c.col + 1).value = c.role === 'input' ? 0 : (c.text ?? '');
    hand.model.cellAt(sheet, 2 + 4, 1 + 3).value = 5;
    hand.host.resetCounters();
    const outcome = await hand.services.check();
    // The sheets, their used ranges, the grids, the located cells, the marks (no names to try first: none exist).
    expect(hand.host.syncs).toBe(6);
    expect(outcome.located).toBe('labels');
    expect(outcome.findings.some((f) => f.rule === 'T3-BALANCE' && f.addresses?.[0] === '收到的表!E7')).toBe(true);
    expect(hand.model.findSheet(STORE_SHEET)?.visibility).toBe('VeryHidden');
    expectWithinPayloadLimit(hand.host);
  });

  test('install into a workbook in use: its sheets and values stay', async () => {
    const used = await openExcel({ platform });
    used.model.addSheet('工作记录');
    used.model.type('工作记录', 'B3', '=SUM(1,2)');
    used.model.type('工作记录', 'A1', '2024年12月');
    const { created } = await used.services.installTemplate();
    expect(created).toContain('表三');
    expect(used.model.formulaOf('工作记录', 'B3')).toBe('=SUM(1,2)');
    expect(used.model.getValue('工作记录', 'A1')).toBe('2024年12月');
    put(used.model, 't3.new.natural', 1);
    expect((await used.services.check()).findings.length).toBeGreaterThan(0);
    expectWithinPayloadLimit(used.host);
  });
});

describe('a host that keeps references (the other reading of R4): the same actions, one release request more per run', () => {
  test.each(['win32', 'web'] as const)('install, check, clear, check by labels (%s)', async (platform) => {
    const s = await openExcel({ platform, keepReferences: true });
    await s.services.installTemplate();
    fillClean(s.model);
    spoil(s.model, 5);
    s.host.resetCounters();
    const outcome = await s.services.check();
    expect(outcome.findings).toHaveLength(5);
    expect(s.host.syncs).toBe(3);
    expect(s.host.heldReferences).toBe(0);
    await s.services.clearMarks();
    expect(fillColorOf(s.model, 't3.new.natural')).toBe('#FFFFF0');
    s.model.names.clear();
    expect((await s.services.check()).located).toBe('labels');
    expect(s.host.heldReferences).toBe(0);
    expectWithinPayloadLimit(s.host);
  });
});
