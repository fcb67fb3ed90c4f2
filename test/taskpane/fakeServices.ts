/**
 * A fake ReportServices for pane tests: records every call with its arguments, answers from fields a test sets, and
 * can be told to fail. Not a jest mock, so tests read as plain assertions on `calls`.
 */
import type { Finding, Summary } from '../../src/core';
import type {
  AuditWriteOutcome,
  CheckOutcome,
  DraftOutcome,
  ImportOutcome,
  InstallOutcome,
  ReportServices,
  WorkbookStatus,
} from '../../src/taskpane/services';

export type Call = { method: keyof ReportServices; args: unknown[] };

export function finding(partial: Partial<Finding> & Pick<Finding, 'rule' | 'target' | 'severity' | 'cells'>): Finding {
  return { expected: null, actual: null, message: `${partial.rule} ${partial.target}`, explanation: null, ...partial };
}

/** One of each severity, spread over the tables, as the engine words them. */
export const FINDINGS: Finding[] = [
  finding({
    rule: 'T3-BALANCE',
    target: 'natural',
    severity: 'error',
    cells: ['t3.new.natural', 't3.carried_in.natural', 't3.handled_total.natural', 't3.carried_out.natural'],
    expected: 12,
    actual: 11,
    message: '表三「自然人」列：本年新收 10 + 上年结转 2 = 12，但办理结果总计 9 + 结转下年度 2 = 11，相差 1。',
  }),
  finding({
    rule: 'T4-TOTAL',
    target: 'reconsideration',
    severity: 'error',
    cells: ['t4.reconsideration.total', 't4.reconsideration.upheld'],
    expected: 3,
    actual: 2,
    message: '表四「行政复议」：总计应为 3，填写的是 2。',
  }),
  finding({
    rule: 'VALUE-EMPTY',
    target: 't2.licensing',
    severity: 'warning',
    cells: ['t2.licensing'],
    actual: '/',
    message: '表二「行政许可 / 本年处理决定数量」填写的是“/”，没有数字时请填 0。',
  }),
  finding({
    rule: 'FEE-COLLECTED',
    target: 'fee.collected',
    severity: 'warning',
    cells: ['fee.collected', 'fee.notified'],
    message: '实际收取的信息处理费（200元）多于收费通知的总金额（100元）。',
  }),
  finding({
    rule: 'YOY-JUMP',
    target: 't3.new.total',
    severity: 'info',
    cells: ['t3.new.total', 'prev.t3.new.total'],
    message: '表三「本年新收申请 / 总计」为 120，上年为 12，变化超过五倍。',
  }),
];

export const INSTALLED: WorkbookStatus = {
  templateInstalled: true,
  templateVersion: '2021.1',
  body: '沙坡头区香山乡人民政府',
  year: 2024,
  missingSheets: [],
  features: { notes: true, comments: true },
};

export class FakeServices implements ReportServices {
  calls: Call[] = [];
  status: WorkbookStatus = INSTALLED;
  installOutcome: InstallOutcome = { created: ['表二', '表三', '表四'], repaired: [], skipped: [] };
  checkOutcome: CheckOutcome = { findings: FINDINGS, located: 'names', problems: [], marking: 'notes' };
  draftOutcomes: DraftOutcome[] = [];
  importOutcome: ImportOutcome = { target: 'current', filled: 0, keptUserValues: [], findings: [] };
  auditOutcome: AuditWriteOutcome = {
    sheets: [
      { table: 'units', name: '单位汇总', rows: 0 },
      { table: 'rules', name: '规则汇总', rows: 0 },
      { table: 'findings', name: '问题明细', rows: 0 },
      { table: 'charts', name: '审核图表', rows: 0 },
    ],
    charts: 5,
    replaced: [],
    kept: [],
    filter: true,
  };
  /** Method name → error to throw on its next call. */
  failures = new Map<keyof ReportServices, unknown>();

  private record(method: keyof ReportServices, args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  callsOf(method: keyof ReportServices): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async getStatus(): Promise<WorkbookStatus> {
    this.record('getStatus', []);
    return this.status;
  }
  async installTemplate(): Promise<InstallOutcome> {
    this.record('installTemplate', []);
    return this.installOutcome;
  }
  async check(): Promise<CheckOutcome> {
    this.record('check', []);
    return this.checkOutcome;
  }
  async selectFinding(f: Finding): Promise<void> {
    this.record('selectFinding', [f]);
  }
  async clearMarks(): Promise<void> {
    this.record('clearMarks', []);
  }
  async saveExplanation(f: Finding, text: string): Promise<void> {
    this.record('saveExplanation', [f, text]);
  }
  async draftNarrative(options: { force: boolean }): Promise<DraftOutcome> {
    this.record('draftNarrative', [options]);
    const next = this.draftOutcomes.shift();
    if (!next) throw new Error('FakeServices: no draft outcome queued');
    return next;
  }
  async importPublished(text: string, target: 'current' | 'previous'): Promise<ImportOutcome> {
    this.record('importPublished', [text, target]);
    return { ...this.importOutcome, target };
  }
  async writeAudit(summary: Summary): Promise<AuditWriteOutcome> {
    this.record('writeAudit', [summary]);
    return this.auditOutcome;
  }
}
