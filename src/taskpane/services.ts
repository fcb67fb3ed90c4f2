/**
 * The one interface between the task pane's components and the host. Components receive an implementation through
 * context (ServicesProvider); the Excel implementation lives in src/excel, tests inject fakes.
 */
import type { Finding, Summary } from '../core';

export interface WorkbookStatus {
  /** Our template sheets are present (by name and metadata). */
  templateInstalled: boolean;
  /** TEMPLATE_VERSION stored in the workbook, if any. */
  templateVersion: string | null;
  body: string | null;
  year: number | null;
  /** Template sheets that are missing (names). */
  missingSheets: string[];
  /** ExcelApi features available (feature-detected), e.g. notes (1.18). */
  features: { notes: boolean; comments: boolean };
}

export interface InstallOutcome {
  /** Sheets created from nothing. */
  created: string[];
  /** Sheets of ours that were present but incomplete and were repaired (values kept). */
  repaired: string[];
  /** Sheets with a user's content that were left alone (e.g. a sheet of the same name that is not ours). */
  skipped: string[];
}

export interface CheckOutcome {
  findings: Finding[];
  /** How the tables were found: through our workbook names, or by their labels in a hand-made workbook. */
  located: 'names' | 'labels';
  /** What could not be located, in Chinese (empty when everything was found). */
  problems: string[];
  /** How failing cells were marked: notes (ExcelApi 1.18), comments, or fill only. */
  marking: 'notes' | 'comments' | 'fill';
}

export interface DraftSentence {
  text: string;
  /** Canonical keys the sentence's numbers come from. */
  keys: string[];
}

export interface DraftSectionView {
  id: string;
  title: string;
  sentences: DraftSentence[];
}

export interface DraftOutcome {
  sections: DraftSectionView[];
  /** Full text as written to the 正文 sheet. */
  text: string;
  /** Sections the user edited since the last draft; when non-empty and not forced, nothing was written. */
  editedSections: string[];
  written: boolean;
}

export interface ImportOutcome {
  /** Where the figures went: this year's tables, or last year's figures for the cross-year rules. */
  target: 'current' | 'previous';
  /** Cells filled. */
  filled: number;
  /** Cells left alone because the user had already entered a value there. */
  keptUserValues: string[];
  /** Problems the importer reported (STRUCTURE, FORMAT-VERSION, inferred splits). */
  findings: Finding[];
}

/** The sheets 审核 writes: the three tables of the summary and the sheet of charts with their data. */
export type AuditTable = 'units' | 'rules' | 'findings' | 'charts';

export interface AuditWriteOutcome {
  /** What was written, in order: the sheet's name (numbered when its usual name was taken) and its data rows. */
  sheets: Array<{ table: AuditTable; name: string; rows: number }>;
  /** Native Excel charts drawn. */
  charts: number;
  /** Sheets written by an earlier 审核 and unchanged since: replaced by this one. */
  replaced: string[];
  /**
   * Sheets left exactly as they are although they have one of our names: a sheet the user made (`not-ours`), or one we
   * wrote earlier that was changed since (`edited`). `used` is the name the new results went to instead.
   */
  kept: Array<{ name: string; reason: 'not-ours' | 'edited'; used: string }>;
  /** Filter buttons were added to the tables (ExcelApi 1.9); else only the header is frozen. */
  filter: boolean;
}

export type ServiceErrorCode =
  | 'cell-edit'
  | 'protected'
  | 'api-missing'
  | 'no-template'
  | 'template-version'
  | 'not-found'
  | 'busy'
  | 'unknown';

/** A host failure the user can act on; `message` is Chinese and says what to do. */
export class ServiceError extends Error {
  constructor(
    public readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export interface ReportServices {
  getStatus(): Promise<WorkbookStatus>;
  /** 插入年报模板: create or repair our sheets; never overwrites a user's value or a sheet that is not ours. */
  installTemplate(): Promise<InstallOutcome>;
  /** 校验: read every input in one batch, evaluate, write all marks in one batch. */
  check(): Promise<CheckOutcome>;
  /** Select the cells of a finding. */
  selectFinding(finding: Finding): Promise<void>;
  /** 清除标注: remove exactly what check added, restoring the formatting that was there before. */
  clearMarks(): Promise<void>;
  /** Keep a warning with a written explanation (说明), stored in the workbook's 核实说明 sheet. */
  saveExplanation(finding: Finding, text: string): Promise<void>;
  /** 生成报告正文 into the 正文 sheet; with `force`, overwrite sections the user edited. */
  draftNarrative(options: { force: boolean }): Promise<DraftOutcome>;
  /** 导入已发布报告: fill this year's tables, or last year's figures, from a published report's text. */
  importPublished(text: string, target: 'current' | 'previous'): Promise<ImportOutcome>;
  /**
   * 审核: write a batch's summary into this workbook as the sheets 单位汇总, 规则汇总, 问题明细 and 审核图表 (native
   * charts). Replaces what an earlier 审核 wrote if it is unchanged; never touches any other sheet.
   */
  writeAudit(summary: Summary): Promise<AuditWriteOutcome>;
}
