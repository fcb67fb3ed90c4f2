/**
 * The pane reads what the command line reads (issue 11): hand-made workbooks from the corpus (test/handmade), opened
 * in the simulated Excel on the web through Microsoft's office.js, checked by the pane's services. The tables and
 * cells it locates and the findings it gives must be those of `nianbao check` on the same file — one label logic —
 * and every request and response must stay under Excel on the web's 5 MB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkOne } from '../../src/cli/checkOne';
import { decodePart, openWorkbook, parseSheet, readSharedStrings } from '../../src/workbook';
import { PAYLOAD_LIMIT } from '../../src/excel/testing/excelHost';
import type { WorkbookModel } from '../../src/excel/testing/workbookModel';
import { buildCorpus, caseName } from '../handmade/corpus';
import { generateCase } from '../handmade/run';
import { closeAll, openExcel } from './harness';

afterAll(closeAll);

/** The workbook's cells, merged areas and hidden sheets put into the simulated Excel, as Excel would show them. */
function loadInto(model: WorkbookModel, bytes: Uint8Array): void {
  const { zip, part } = openWorkbook(bytes);
  for (const entry of part.sheets) {
    const sheet = model.addSheet(entry.name);
    if (entry.hidden) sheet.visibility = 'Hidden';
    if (!entry.part) continue;
    const strings = part.sharedStrings ? readSharedStrings(zip, part.sharedStrings) : [];
    const parsed = parseSheet(decodePart(zip.read(entry.part)), { part: entry.part, strings, dateStyles: new Set(), date1904: false, budget: { cells: 0 } });
    for (const c of parsed.cells) {
      if (typeof c.value === 'number' || typeof c.value === 'string' || typeof c.value === 'boolean') model.cellAt(sheet, c.row, c.col).value = c.value;
    }
    for (const m of parsed.merges) sheet.merges.push({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
  }
}

/** `rule target [addresses]`, sorted: what a reviewer is shown and where. */
const shown = (findings: readonly { rule: string; target: string; addresses?: string[] }[]): string[] =>
  findings.map((f) => `${f.rule} ${f.target} ${(f.addresses ?? []).join(',')}`).sort();

describe('hand-made workbooks in Excel (the simulated web host, through office.js): read as the command line reads them', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nb-pane-handmade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Layouts that exercise the label search: the format's 表四, three small tables, tables on sheets of any name, merged
  // and unmerged headers, group labels moved or missing, 合计 for 总计, hidden sheets, the 2019 layout.
  const cases = buildCorpus({ libreoffice: false })
    .filter((c) => c.habits.length >= 2 || ['t4-three-tables', 't4-row-per-group', 'hidden-last-year-first', 'layout-2019-t2', 'applicants-flattened'].includes(c.habits[0] ?? ''))
    .filter((_, i) => i % 4 === 0)
    .slice(0, 14);

  test.each(cases.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    const { bytes } = await generateCase(c);
    const file = path.join(dir, 'received.xlsx');
    writeFileSync(file, bytes);
    const cli = await checkOne(file, '/');

    const { model, host, services } = await openExcel({ platform: 'web' });
    loadInto(model, bytes);
    const outcome = await services.check();

    expect(outcome.located).toBe('labels');
    // The unit's name is the command line's business (who sent a file); the pane works on the open workbook.
    const cliFindings = cli.findings.filter((f) => !(f.rule === 'STRUCTURE' && f.target === 'meta.body'));
    expect(shown(outcome.findings)).toEqual(shown(cliFindings));
    for (const r of host.requests) {
      expect(r.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(r.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
  });
});
