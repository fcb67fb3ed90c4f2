/**
 * 年报审核（离线版）: the supervisor's batch as one self-contained HTML file, for machines without the add-in or
 * Node.js. Opened from disk (file://), it checks the picked or dropped files in Web Workers with the command line's
 * readers, rules and messages, shows the summary and charts, and downloads the summary workbook. No request leaves
 * the page (its Content-Security-Policy allows none).
 */
import { buildSummary, summarise, summaryCharts, type CheckedFile, type CheckResult, type RawValue, type Summary } from '../core';
import { runBatch, type BatchInput, type BatchWorker } from '../batch';
import { buildSummaryWorkbook } from '../xlsx/summaryWorkbook';
import { renderChart } from './charts';
import { fromDrop, fromFileList } from '../browser/files';
import { renderTable, renderUnits } from './tables';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The batch worker's code, put in the page as a string by the build (a page opened from disk cannot load a file). */
declare const __BATCH_WORKER_SOURCE__: string;

let workerUrl: string | null = null;
function createWorker(): BatchWorker {
  workerUrl ??= URL.createObjectURL(new Blob([__BATCH_WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(workerUrl) as unknown as BatchWorker;
}

let running: AbortController | null = null;
let lastSummary: Summary | null = null;

function summarize(items: readonly CheckedFile[]): Summary {
  const result: CheckResult = { files: items.map((i) => i.result), summary: summarise(items.map((i) => i.result)) };
  const values = new Map<string, Record<string, RawValue>>();
  for (const i of items) if (i.report) values.set(i.result.file, i.report.values);
  return buildSummary(result, values);
}

function show(summary: Summary, cancelled: boolean): void {
  const t = summary.totals;
  $('totals').textContent =
    `${cancelled ? '（已取消，只列出已检查的文件）' : ''}共检查 ${t.files} 个文件：${t.clean} 个未发现问题，${t.files - t.clean - t.unreadable} 个有问题` +
    `${t.unreadable ? `，${t.unreadable} 个无法读取` : ''}；合计错误 ${t.errors} 项、核实 ${t.warnings} 项、提示 ${t.infos} 项。`;
  const charts = $('charts');
  charts.replaceChildren(...summaryCharts(summary).filter((c) => c.categories.length).map(renderChart));
  $('units').replaceChildren(renderUnits(summary));
  $('tables').replaceChildren(renderTable(summary, 'units'), renderTable(summary, 'rules'), renderTable(summary, 'findings'));
  $('results').classList.remove('hidden');
}

async function check(inputs: BatchInput[]): Promise<void> {
  if (running) return;
  if (!inputs.length) {
    $('totals').textContent = '没有可以检查的文件（支持 .xlsx、.xlsm、.json、.txt、.md、.html）。';
    $('results').classList.remove('hidden');
    return;
  }
  running = new AbortController();
  $('progress').classList.add('active');
  const bar = $<HTMLProgressElement>('progress-bar');
  bar.max = inputs.length;
  bar.value = 0;
  $('progress-text').textContent = `第 0 / ${inputs.length} 份`;
  const outcome = await runBatch(inputs, {
    createWorker,
    signal: running.signal,
    onProgress: (done, total, name) => {
      bar.value = done;
      $('progress-text').textContent = `第 ${done} / ${total} 份：${name}`;
    },
  });
  running = null;
  $('progress').classList.remove('active');
  lastSummary = summarize(outcome.items);
  show(lastSummary, outcome.cancelled);
}

async function download(): Promise<void> {
  if (!lastSummary) return;
  const buffer = await buildSummaryWorkbook(lastSummary).xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '审核结果.xlsx';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function start(): void {
  const drop = $('drop');
  $<HTMLInputElement>('pick-files').addEventListener('change', (e) => void check(fromFileList((e.target as HTMLInputElement).files)));
  $<HTMLInputElement>('pick-folder').addEventListener('change', (e) => void check(fromFileList((e.target as HTMLInputElement).files)));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer) void fromDrop(e.dataTransfer).then(check);
  });
  $('cancel').addEventListener('click', () => running?.abort());
  $('download').addEventListener('click', () => void download());
}

start();
