/**
 * The summary's three tables and each unit's findings as HTML, from the core summary. Everything from received files
 * goes in as text (textContent), never as markup.
 */
import { SEVERITY_LABELS, STATUS_LABELS, SUMMARY_COLUMNS, SUMMARY_SHEETS, summaryRows, type Summary, type SummaryTable } from '../core';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderTable(summary: Summary, table: SummaryTable): HTMLElement {
  const wrap = h('section', 'table-section');
  wrap.appendChild(h('h3', undefined, SUMMARY_SHEETS[table]));
  const t = h('table', `summary-table summary-${table}`);
  const head = h('tr');
  for (const c of SUMMARY_COLUMNS[table]) head.appendChild(h('th', undefined, c.header));
  t.appendChild(h('thead')).appendChild(head);
  const body = t.appendChild(h('tbody'));
  const { rows, marks, markColumn } = summaryRows(summary, table);
  rows.forEach((cells, i) => {
    const tr = h('tr');
    cells.forEach((v, j) => {
      const td = h('td', SUMMARY_COLUMNS[table][j].kind === 'number' ? 'num' : undefined, v === null ? '' : String(v));
      if (j === markColumn && marks[i]) td.classList.add(`mark-${marks[i]}`);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  wrap.appendChild(t);
  return wrap;
}

/** Each unit with its findings, as the command line prints them: level, rule, message, cells, explanation. */
export function renderUnits(summary: Summary): HTMLElement {
  const wrap = h('section', 'units');
  for (const unit of summary.units) {
    const box = wrap.appendChild(h('div', `unit unit-${unit.status}`));
    const who = [unit.body, unit.year ? `${unit.year}年` : null].filter(Boolean).join(' ');
    box.appendChild(h('h4', undefined, `${unit.file}${who ? `（${who}）` : ''} — ${STATUS_LABELS[unit.status]}`));
    if (unit.status === 'unreadable') {
      box.appendChild(h('p', 'unreadable', `无法读取：${unit.error ?? '原因不明'}`));
      continue;
    }
    const list = box.appendChild(h('ul', 'findings'));
    for (const d of summary.details.filter((x) => x.file === unit.file)) {
      const f = d.finding;
      const li = list.appendChild(h('li', `finding finding-${f.severity}`));
      li.appendChild(h('span', `level level-${f.severity}`, `[${SEVERITY_LABELS[f.severity]}]`));
      li.appendChild(h('span', 'rule', ` ${f.rule} `));
      li.appendChild(h('span', 'message', f.message));
      if (f.addresses?.length) li.appendChild(h('span', 'where', `〔${f.addresses.join('、')}〕`));
      if (f.explanation) li.appendChild(h('div', 'explanation', `说明：${f.explanation}`));
    }
  }
  return wrap;
}
