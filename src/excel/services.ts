/**
 * ReportServices over Excel: every action is one Excel.run (see errors.ts for retries and error mapping). `run`,
 * `isSetSupported` and `library` are injectable so that tests and the bench drive the same code through Microsoft's
 * office.js over the simulated host in ./testing; in the pane they are the page's Excel.run, Office and Excel.
 */
import { CHECK_SHEET_NAME, EXPLANATION_SHEET_NAME, SHEETS, TEMPLATE_VERSION, getSheet } from '../spec';
import { draftNarrative, rangeA1, reportYear, workbookName, type Finding } from '../core';
import { ServiceError, type ReportServices, type WorkbookStatus } from '../taskpane/services';
import { detectCapabilities, runOptions, type Capabilities } from './capabilities';
import { checkWorkbook, clearWorkbookMarks } from './check';
import { draftIntoWorkbook, importIntoWorkbook, type DraftFunction, type ImportFunction } from './documents';
import { DEFAULT_POLICY, MESSAGES, runBatch, type RunPolicy } from './errors';
import { saveExplanation } from './explanations';
import type { ExcelLibrary, IsSetSupported, XlRun } from './host';
import { installTemplate } from './install';
import { splitAddress } from './workbook';

export interface ExcelServiceDeps {
  run?: XlRun;
  isSetSupported?: IsSetSupported;
  /** The loaded office.js `Excel` namespace, probed for members (./capabilities.ts). */
  library?: ExcelLibrary;
  policy?: Partial<RunPolicy>;
  now?: () => Date;
  draft?: DraftFunction;
  importText?: ImportFunction;
}

interface OfficeGlobals {
  Excel?: { run: XlRun } & ExcelLibrary;
  Office?: { context?: { requirements?: { isSetSupported: IsSetSupported } } };
}

function hostRun(): XlRun {
  const g = globalThis as unknown as OfficeGlobals;
  return (options, batch) => {
    if (!g.Excel) return Promise.reject(new ServiceError('api-missing', MESSAGES.apiMissing('加载项接口（没有找到 Excel）')));
    return g.Excel.run(options, batch);
  };
}

function hostIsSetSupported(): IsSetSupported {
  const g = globalThis as unknown as OfficeGlobals;
  return (name, version) => g.Office?.context?.requirements?.isSetSupported(name, version) ?? false;
}

export function createExcelServices(deps: ExcelServiceDeps = {}): ReportServices {
  const run = deps.run ?? hostRun();
  const supported = deps.isSetSupported ?? hostIsSetSupported();
  const policy: RunPolicy = { ...DEFAULT_POLICY, ...deps.policy };
  const now = deps.now ?? (() => new Date());
  const draft: DraftFunction = deps.draft ?? ((report) => draftNarrative(report));
  // Reading a published report's text is a clerk's occasional action: its code loads when it is first used.
  const importText = async (): Promise<ImportFunction> => deps.importText ?? (await import(/* webpackChunkName: "import-text" */ '../core/importText')).importPublishedText;

  const api = (version: string): boolean => supported('ExcelApi', version);
  // Detected when first needed: Office.context is only there after Office.onReady.
  let detected: Capabilities | null = null;
  const caps = (): Capabilities => (detected ??= detectCapabilities(supported, deps.library ?? (globalThis as unknown as OfficeGlobals).Excel));
  const batch = <T>(what: string, body: Parameters<typeof runBatch<T>>[3]): Promise<T> => {
    if (!api('1.8')) return Promise.reject(new ServiceError('api-missing', MESSAGES.apiMissing(what)));
    return runBatch(run, policy, runOptions(caps()), body);
  };

  return {
    getStatus: () =>
      batch('读取工作簿', async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        const present = new Set(sheets.items.map((s) => s.name));
        const ours = [...SHEETS.map((s) => s.name), CHECK_SHEET_NAME, EXPLANATION_SHEET_NAME];
        const missingSheets = ours.filter((n) => !present.has(n));
        const status: WorkbookStatus = {
          templateInstalled: false,
          templateVersion: null,
          body: null,
          year: null,
          missingSheets,
          features: { notes: caps().notes, comments: caps().comments },
        };
        const meta = getSheet('meta');
        if (!present.has(meta.name)) return status;
        const block = context.workbook.worksheets.getItem(meta.name).getRange(rangeA1(0, 0, meta.rowCount, meta.columnWidths.length)).load('values');
        await context.sync();
        const valueOf = (key: string): string => {
          const cell = meta.cells.find((c) => c.key === key);
          const v = cell ? block.values[cell.row]?.[cell.col] : '';
          return v === null || v === undefined ? '' : String(v).trim();
        };
        const title = meta.cells.find((c) => c.role === 'title');
        const isOurs = !!title && String(block.values[title.row][title.col]).trim() === title.text;
        status.templateVersion = isOurs ? valueOf('meta.template_version') || null : null;
        status.body = isOurs ? valueOf('meta.body') || null : null;
        status.year = isOurs ? reportYear({ meta: { year: valueOf('meta.year') }, values: {} }) : null;
        status.templateInstalled = isOurs && missingSheets.length === 0 && status.templateVersion === TEMPLATE_VERSION;
        return status;
      }),
    installTemplate: () => batch('插入年报模板', (context) => installTemplate(context, caps())),
    check: () => batch('校验', (context) => checkWorkbook(context, caps())),
    clearMarks: () => batch('清除标注', (context) => clearWorkbookMarks(context, caps())),
    selectFinding: (finding: Finding) =>
      batch('定位单元格', async (context) => {
        const address = finding.addresses?.[0];
        const range = address
          ? (() => {
              const at = splitAddress(address);
              const sheet = context.workbook.worksheets.getItem(at.sheet);
              sheet.activate();
              return sheet.getRange(at.a1);
            })()
          : finding.cells[0]
            ? context.workbook.names.getItem(workbookName(finding.cells[0])).getRange()
            : null;
        if (!range) throw new ServiceError('not-found', '这条问题不对应具体的单元格。');
        range.select();
        await context.sync();
      }),
    saveExplanation: (finding: Finding, text: string) => {
      if (!text.trim()) return Promise.reject(new ServiceError('unknown', '说明不能为空：请写明为什么这个数字是对的。'));
      return batch('保存说明', (context) => saveExplanation(context, finding, text, now()));
    },
    draftNarrative: ({ force }) => batch('生成报告正文', (context) => draftIntoWorkbook(context, caps(), draft, force)),
    // The 审核 writer (sheets and charts) loads with the 审核 tab's first write, not with the pane.
    writeAudit: async (summary) => {
      const { writeAudit } = await import(/* webpackChunkName: "audit-excel" */ './audit');
      return batch('写入审核结果', (context) => writeAudit(context, caps(), summary, policy.sleep));
    },
    importPublished: async (text, target) => {
      const read = await importText();
      return batch('导入已发布报告', (context) => importIntoWorkbook(context, caps(), read, text, target));
    },
  };
}
