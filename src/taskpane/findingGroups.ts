/** Findings arranged as the pane lists them: by severity (错误/核实/提示), then by table (表二/表三/表四/其他). */
import type { Finding } from '../core';
import type { Severity } from '../spec';

export type TableGroup = 't2' | 't3' | 't4' | 'other';

export const TABLE_GROUPS: ReadonlyArray<{ key: TableGroup; label: string }> = [
  { key: 't2', label: '表二' },
  { key: 't3', label: '表三' },
  { key: 't4', label: '表四' },
  { key: 'other', label: '其他' },
];

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** The table a finding belongs to: its first cell's key, else its target (STRUCTURE / FORMAT-VERSION name a table). */
export function tableOf(finding: Pick<Finding, 'cells' | 'target'>): TableGroup {
  const first = finding.cells[0] ?? finding.target;
  const key = first.startsWith('prev.') ? first.slice(5) : first;
  const prefix = key.split('.')[0];
  return prefix === 't2' || prefix === 't3' || prefix === 't4' ? prefix : 'other';
}

export interface TableBucket {
  table: TableGroup;
  label: string;
  findings: Finding[];
}

export interface SeverityBucket {
  severity: Severity;
  count: number;
  tables: TableBucket[];
}

/** Non-empty buckets only, in the fixed orders above; findings keep their order within a bucket. */
export function groupFindings(findings: readonly Finding[]): SeverityBucket[] {
  const out: SeverityBucket[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (!ofSeverity.length) continue;
    const tables: TableBucket[] = [];
    for (const { key, label } of TABLE_GROUPS) {
      const inTable = ofSeverity.filter((f) => tableOf(f) === key);
      if (inTable.length) tables.push({ table: key, label, findings: inTable });
    }
    out.push({ severity, count: ofSeverity.length, tables });
  }
  return out;
}
