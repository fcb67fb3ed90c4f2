/** The readable Chinese report of a check, per unit (file). */
import { SEVERITIES, type Severity } from '../spec';
import type { CheckResult, FileResult } from '../core';
import { visible } from './visible';

const LABEL: Record<Severity, string> = Object.fromEntries(SEVERITIES.map((s) => [s.key, s.label])) as Record<Severity, string>;

const SOURCE_NAMES: Record<string, string> = { title: '标题', sheet: '工作表名称', file: '文件名' };

/** Where the unit's name and year were read when not from a 填报单位/机关名称 line: 「机关名称取自标题」. */
function sourceNote(file: FileResult): string {
  const { body, year } = file.sources ?? { body: null, year: null };
  const parts: string[] = [];
  if (body && SOURCE_NAMES[body] && file.body) parts.push(body === year && file.year ? `机关名称和年度取自${SOURCE_NAMES[body]}` : `机关名称取自${SOURCE_NAMES[body]}`);
  if (year && SOURCE_NAMES[year] && file.year && !(body === year && file.body)) parts.push(`年度取自${SOURCE_NAMES[year]}`);
  return parts.length ? `，${parts.join('，')}` : '';
}

export function formatFileResult(file: FileResult): string {
  const lines: string[] = [];
  // Names, messages and explanations come from received files: shown with their control characters visible, so
  // that nothing in a file can break a line of this report or forge one.
  const who = [file.body, file.year ? `${file.year}年` : null].filter(Boolean).join(' ');
  lines.push(`■ ${visible(file.file)}${who ? `（${visible(who)}${sourceNote(file)}）` : ''}`);
  if (file.status === 'unreadable') {
    lines.push(`  无法读取：${visible(file.error ?? '原因不明')}`);
    return lines.join('\n');
  }
  if (file.findings.length === 0) {
    lines.push('  未发现问题。');
    return lines.join('\n');
  }
  const counts = countBySeverity(file);
  lines.push(`  ${SEVERITIES.filter((s) => counts[s.key] > 0).map((s) => `${s.label} ${counts[s.key]} 项`).join('，')}`);
  for (const f of file.findings) {
    const where = f.addresses?.length ? `〔${visible(f.addresses.join('、'))}〕` : '';
    lines.push(`  [${LABEL[f.severity]}] ${f.rule} ${visible(f.message)}${where}`);
    if (f.explanation) lines.push(`         说明：${visible(f.explanation)}`);
  }
  return lines.join('\n');
}

function countBySeverity(file: FileResult): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of file.findings) c[f.severity] += 1;
  return c;
}

export function formatSummary(result: CheckResult): string {
  const s = result.summary;
  const unreadable = result.files.filter((f) => f.status === 'unreadable').length;
  const clean = result.files.filter((f) => f.status === 'ok').length;
  return (
    `共检查 ${s.files} 个文件：${clean} 个未发现问题，${s.files - clean - unreadable} 个有问题` +
    (unreadable ? `，${unreadable} 个无法读取` : '') +
    `；合计错误 ${s.errors} 项、核实 ${s.warnings} 项、提示 ${s.infos} 项。`
  );
}

export function formatCheckResult(result: CheckResult): string {
  return `${result.files.map(formatFileResult).join('\n\n')}\n\n${formatSummary(result)}\n`;
}
