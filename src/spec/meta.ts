/** Report metadata (FORMAT.md §2): levels, kinds, and which levels can make 规章. */

export const LEVELS = [
  { key: 'state_council_dept', label: '国务院部门' },
  { key: 'provincial_gov', label: '省级人民政府' },
  { key: 'provincial_dept', label: '省级政府部门' },
  { key: 'city_gov', label: '设区的市级人民政府' },
  { key: 'city_dept', label: '设区的市级政府部门' },
  { key: 'county_gov', label: '县级人民政府' },
  { key: 'county_dept', label: '县级政府部门' },
  { key: 'township', label: '乡镇人民政府、街道办事处' },
  { key: 'other', label: '其他' },
] as const;

export type Level = (typeof LEVELS)[number]['key'];

/** Only these levels can make 规章 (立法法 第九十三条). */
export const LEVELS_WITH_REGULATIONS: readonly Level[] = ['state_council_dept', 'provincial_gov', 'city_gov'];

export const REPORT_KINDS = [
  { key: 'own', label: '本机关年度报告' },
  { key: 'aggregate', label: '汇总年度报告' },
] as const;

export type ReportKind = (typeof REPORT_KINDS)[number]['key'];

export const SEVERITIES = [
  { key: 'error', label: '错误' },
  { key: 'warning', label: '核实' },
  { key: 'info', label: '提示' },
] as const;

export type Severity = (typeof SEVERITIES)[number]['key'];

/** Version of our template; stored in every workbook we make. */
export const TEMPLATE_VERSION = '2021.1';
