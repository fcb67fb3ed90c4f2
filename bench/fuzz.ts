/**
 * `npm run bench -- fuzz`: at least 10,000 mutated workbooks, report-data JSON files and published texts, made from
 * our own template, report data and example text, put through the command line as a supervisor runs it:
 *
 * - every input through `check <folder> --json --summary` (one folder of 250 inputs at a time);
 * - a sample of workbooks through `check --annotate`, of reports through `merge -o`, of single files through
 *   `template --data -o`, `draft -o .docx` and `import -o .xlsx`.
 *
 * It counts crashes (an exception, an exit code other than 0/1/2, a raw Node/V8/exceljs message, a worker process
 * that died), hangs (a command that does not end within HANG_SECONDS), inputs changed (sha256 before and after every
 * command) and malformed outputs (every .xlsx/.docx written parsed part by part with saxes, numbers finite; every
 * "已写入" backed by a file). The goal is 0 of each. Files stopped by the per-file time or memory bound are listed
 * apart: they are handled, not crashes.
 *
 * Before that, the bounds themselves are measured side by side: CPU of the worker processes checking 240 template
 * workbooks with the old 2 GB heap, a 320 MB heap alone, and 320 MB with the large-heap growing factor; and the peak
 * memory of one worker on a workbook whose defined name covers a whole sheet.
 *
 * FUZZ_INPUTS (default 10000) and FUZZ_SEED (default 12) change the run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportData } from '../src/core';
import { run as nianbao } from '../src/cli/main';
import type { Io } from '../src/cli/io';
import { workerCpuMs, workerPeakRssMb } from '../src/cli/workerPool';
import { writeTemplateWorkbook } from '../src/xlsx/writeTemplate';
import { seeded, soundReport, type Rand } from '../test/helpers/reports';
import { xmlProblemsOf } from '../test/cli/xmlCheck';

const BATCH = 250;
const HANG_SECONDS = 900;
const ROOT = path.resolve(__dirname, '../../..');
/** What a user must never see: Node's, V8's or exceljs's own words, our catch-all ("出错了") or an unforeseen error. */
const RAW = /EACCES|EISDIR|EEXIST|ENOENT|ENOSPC|ELOOP|Cannot read prop|reading '|Unexpected token|is not valid JSON|JSON at position|Worksheet name|exceeds 31|Error:|出错了|FATAL|程序信息|heap out of memory/;

// ---------------------------------------------------------------------------------------------------------------
// Seeds and mutations

interface Seeds {
  workbooks: Buffer[];
  reports: ReportData[];
  text: string;
}

async function makeSeeds(rand: Rand): Promise<Seeds> {
  const workbooks: Buffer[] = [];
  const reports: ReportData[] = [];
  for (let i = 0; i < 12; i += 1) {
    const r = soundReport(rand, { withPrev: i % 2 === 0 });
    r.meta = { ...r.meta, body: `第${i}区人民政府`, year: 2024, kind: 'own' };
    if (i % 4 === 1) r.values = { ...r.values, 't2.licensing': '/', 't3.new.natural': Number(r.values['t3.new.natural']) + 1 };
    reports.push(r);
    const wb = await writeTemplateWorkbook({ report: r, explanations: i % 3 === 0 ? [{ rule: 'T3-BALANCE', target: 'natural', text: '跨年登记' }] : [] });
    // Some retyped by hand: our names gone, found by labels.
    if (i % 4 === 3) (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
    workbooks.push(Buffer.from(await wb.xlsx.writeBuffer()));
  }
  const text = readFileSync(path.join(ROOT, 'examples/收到的年报/沙坡头区某某局（网页文本）.txt'), 'utf8');
  return { workbooks, reports, text };
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

/** Strings that have broken parsers, XML writers, terminals or JavaScript objects. */
const NASTY_TEXT = ['\uFFFE', '\uFFFF', '\u0000', '\u0001', '\u001B[2J', '\n  未发现问题。\n', '\r', '\u202E', '\uD800', '\uDC00', '__proto__', 'toString', 'constructor', '=1+1', '@SUM(A1)', '<&>"\'', '长'.repeat(300), '😀', '\u3000', '／', '三', '-1', '1e308', ''];
const NASTY_NUMBERS = ['1e308', '1e309', '-1e309', 'NaN', 'Infinity', '-0', '0x4', '1,234', '1.5', '-3', '99999999999999999999', '', ' ', '#N/A', '1e-400', '0.1e1', '2024-01-01', 'TRUE'];
const NASTY_XML = ['&#xFFFE;', '&#1;', '&#0;', '&amp', '<', ']]>', '&#x110000;', '&unknown;', '\uFFFE', '\u0001'];

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One XML-level edit of a part: what a careless tool or an attacker writes. */
function mutateXml(rand: Rand, xml: string): string {
  switch (int(rand, 12)) {
    case 0: // a number replaced
      return xml.replace(/<v>[^<]*<\/v>/g, (m) => (rand() < 0.05 ? `<v>${xmlEscape(pick(rand, NASTY_NUMBERS))}</v>` : m));
    case 1: // a text replaced or extended (escaped: well-formed, but hostile content)
      return xml.replace(/<t( [^>]*)?>([^<]*)<\/t>/g, (m, a: string | undefined, t: string) => (rand() < 0.1 ? `<t${a ?? ''}>${t}${xmlEscape(pick(rand, NASTY_TEXT))}</t>` : m));
    case 2: // raw characters XML forbids, or broken markup
      return insertAt(rand, xml, pick(rand, NASTY_XML));
    case 3: // a cell type changed
      return xml.replace(/<c r="([A-Z]+\d+)"([^>]*?)( t="[^"]*")?>/g, (m, r: string, a: string) => (rand() < 0.05 ? `<c r="${r}"${a} t="${pick(rand, ['s', 'str', 'inlineStr', 'd', 'e', 'b', 'n', 'x'])}">` : m));
    case 4: // an element dropped
      return xml.replace(/<(row|c|si|sheet|definedName|mergeCell)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/, '');
    case 5: // a range made huge
      return rand() < 0.15 ? xml.replace(/ref="[A-Z]+\d+:[A-Z]+\d+"/, 'ref="A1:XFD1048576"').replace(/sqref="[^"]*"/, 'sqref="A1:XFD1048576"') : xml.replace(/ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/, 'ref="$3$4:$1$2"');
    case 6: // a sheet or defined name made invalid
      return xml.replace(/name="([^"]*)"/, (_m, n: string) => `name="${xmlEscape(pick(rand, [n.repeat(8), `${n}[1]`, `'${n}`, '', n + ':*?']))}"`);
    case 7: // truncated part
      return xml.slice(0, int(rand, xml.length));
    case 8: // duplicated tail
      return xml + xml.slice(int(rand, xml.length));
    case 9: // attribute values emptied or made odd
      return xml.replace(/(\w+)="([^"]*)"/g, (m, k: string) => (rand() < 0.03 ? `${k}="${pick(rand, ['', '-1', '99999999', 'x', '1e309'])}"` : m));
    case 10: // a DOCTYPE with entities
      return xml.replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE x [<!ENTITY a "${'a'.repeat(50)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`);
    default: // row numbers shuffled
      return xml.replace(/<row r="(\d+)"/g, (m) => (rand() < 0.1 ? `<row r="${int(rand, 2000000)}"` : m));
  }
}

function insertAt(rand: Rand, s: string, what: string): string {
  const at = int(rand, s.length);
  return s.slice(0, at) + what + s.slice(at);
}

function mutateBytes(rand: Rand, buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  switch (int(rand, 4)) {
    case 0:
      for (let i = 0; i < 1 + int(rand, 8); i += 1) out[int(rand, out.length)] = int(rand, 256);
      return out;
    case 1:
      return out.subarray(0, int(rand, out.length));
    case 2:
      return Buffer.concat([out.subarray(0, int(rand, out.length)), Buffer.from(Array.from({ length: int(rand, 64) }, () => int(rand, 256))), out]);
    default: {
      // flip bytes in the central directory (sizes, offsets, names)
      const at = Math.max(0, out.length - 1 - int(rand, 2000));
      out[at] ^= 1 << int(rand, 8);
      return out;
    }
  }
}

function mutateWorkbook(rand: Rand, seeds: Seeds): Buffer {
  const base = pick(rand, seeds.workbooks);
  if (rand() < 0.25) return mutateBytes(rand, base);
  const parts = unzipSync(base);
  const names = Object.keys(parts);
  const edits = 1 + int(rand, 3);
  for (let i = 0; i < edits; i += 1) {
    const r = rand();
    if (r < 0.06) delete parts[pick(rand, names)];
    else if (r < 0.1) parts[`${pick(rand, names)}.copy`] = parts[pick(rand, names)] ?? new Uint8Array();
    else {
      const xmlParts = names.filter((n) => parts[n] && /\.(xml|rels)$/.test(n));
      const weighted = [...xmlParts, 'xl/sharedStrings.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].filter((n) => parts[n]);
      const name = pick(rand, weighted);
      parts[name] = strToU8(mutateXml(rand, new TextDecoder().decode(parts[name])));
    }
  }
  return Buffer.from(zipSync(parts, { level: 1 }));
}

function mutateJson(rand: Rand, seeds: Seeds): Buffer {
  const r = structuredClone(pick(rand, seeds.reports)) as Record<string, unknown> & ReportData;
  const keys = Object.keys(r.values);
  for (let i = 0; i < 1 + int(rand, 4); i += 1) {
    const k = rand() < 0.1 ? pick(rand, ['__proto__', 'constructor', 'toString', 't9.bogus', '']) : pick(rand, keys);
    const v = pick<unknown>(rand, [pick(rand, NASTY_TEXT), -1, 1e308, 0.5, true, null, {}, [], { formula: 'A1' }, Number.MAX_SAFE_INTEGER * 4, '１２']);
    Object.defineProperty(r.values, k, { value: v, enumerable: true, configurable: true, writable: true });
  }
  if (rand() < 0.3) r.meta = { ...r.meta, body: `${r.meta.body ?? ''}${pick(rand, NASTY_TEXT)}` };
  if (rand() < 0.1) r.meta = { ...r.meta, year: pick<number>(rand, [0, -1, 99999, 2023.5, Number('1e309')]) };
  if (rand() < 0.1) delete (r as { meta?: unknown }).meta;
  if (rand() < 0.1) r.members = Array.from({ length: int(rand, 5) }, () => pick(rand, NASTY_TEXT));
  let json = JSON.stringify(r).replace('"t2.licensing":', rand() < 0.05 ? '"t2.licensing":1e309,"x":' : '"t2.licensing":');
  if (rand() < 0.15) json = insertAt(rand, json, pick(rand, ['{', '}', ',', '"', '\\', '\u0000', '\uFEFF']));
  const bytes = Buffer.from(json, 'utf8');
  if (rand() < 0.05) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
  return rand() < 0.1 ? mutateBytes(rand, bytes) : bytes;
}

function mutateText(rand: Rand, seeds: Seeds): Buffer {
  let lines = seeds.text.split('\n');
  for (let i = 0; i < 1 + int(rand, 6); i += 1) {
    const at = int(rand, lines.length);
    switch (int(rand, 6)) {
      case 0:
        lines[at] = insertAt(rand, lines[at], pick(rand, NASTY_TEXT));
        break;
      case 1:
        lines[at] = lines[at].replace(/\d+/g, () => pick(rand, ['1e308', '99999999999999999999', '-5', '１２', '三', '0']));
        break;
      case 2:
        lines.splice(at, 1 + int(rand, 20));
        break;
      case 3:
        lines.splice(at, 0, ...lines.slice(int(rand, lines.length), int(rand, lines.length)));
        break;
      case 4:
        lines[at] = lines[at].split('').reverse().join('');
        break;
      default:
        lines = [...lines.slice(at), ...lines.slice(0, at)];
    }
  }
  const text = lines.join(rand() < 0.2 ? '\r\n' : '\n');
  const r = rand();
  if (r < 0.05) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (r < 0.1) return Buffer.from(`<html><body><pre>${text}</pre></body></html>`, 'utf8');
  const bytes = Buffer.from(text, 'utf8');
  return r < 0.2 ? mutateBytes(rand, bytes) : bytes;
}

/** A file name a unit might send: mostly plain, sometimes with what breaks terminals and option parsers. */
function fileName(rand: Rand, i: number, ext: string): string {
  const odd = rand() < 0.05 ? pick(rand, [' 空 格', '\n换行', '-o', '--force', '\u202E', '(2)', '；', '#']) : '';
  return `${String(i).padStart(5, '0')}${odd}${ext}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking what came out

/** Independent of our own validator (see test/cli/xmlCheck): the first problem, or null. */
function malformed(file: string): string | null {
  return xmlProblemsOf(readFileSync(file))[0] ?? null;
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function hashes(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f, sha(path.join(dir, f))]));
}

interface Tally {
  inputs: Record<string, number>;
  runs: Record<string, number>;
  crashes: string[];
  hangs: string[];
  changed: string[];
  malformed: string[];
  outputs: number;
  statuses: Record<string, number>;
  stoppedByTime: number;
  stoppedByMemory: number;
  /** Why files were unreadable: the first clause of each reason. */
  reasons: Map<string, number>;
}

async function command(argv: string[], tally: Tally, label: string): Promise<{ code: number; out: string; err: string } | null> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTty: false, cwd: process.cwd() };
  tally.runs[label] = (tally.runs[label] ?? 0) + 1;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_SECONDS * 1000);
  });
  let code: number | 'hang';
  try {
    code = await Promise.race([nianbao(argv, io), hang]);
  } catch (e) {
    tally.crashes.push(`${label}: threw ${String(e).slice(0, 200)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
  if (code === 'hang') {
    tally.hangs.push(`${label}: ${argv.join(' ').slice(0, 200)}`);
    return null;
  }
  if (![0, 1, 2].includes(code)) tally.crashes.push(`${label}: exit ${code}`);
  const raw = RAW.exec(out + err);
  if (raw) tally.crashes.push(`${label}: raw message “${(out + err).slice(Math.max(0, raw.index - 60), raw.index + 80).replace(/\s+/g, ' ')}”`);
  return { code, out, err };
}

/** A command that writes `target`: it exists exactly when the command said so, and is well-formed. */
function checkWritten(target: string, said: boolean, tally: Tally, label: string): void {
  if (existsSync(target) !== said) tally.malformed.push(`${label}: ${said ? 'said written, but no file' : 'wrote a file but did not say so'} (${path.basename(target)})`);
  if (!existsSync(target)) return;
  tally.outputs += 1;
  if (/\.(xlsx|docx)$/.test(target)) {
    const problem = malformed(target);
    if (problem) tally.malformed.push(`${label}: ${path.basename(target)}: ${problem}`);
  } else if (target.endsWith('.json')) {
    try {
      JSON.parse(readFileSync(target, 'utf8'));
    } catch {
      tally.malformed.push(`${label}: ${path.basename(target)} is not JSON`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function fuzz(total: number, seed: number): Promise<void> {
  const rand = seeded(seed);
  const seeds = await makeSeeds(rand);
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-fuzz-'));
  const tally: Tally = { inputs: {}, runs: {}, crashes: [], hangs: [], changed: [], malformed: [], outputs: 0, statuses: {}, stoppedByTime: 0, stoppedByMemory: 0, reasons: new Map() };
  const started = performance.now();
  process.stdout.write(`fuzzing ${total} inputs in folders of ${BATCH} (seed ${seed}, worker time bound ${process.env.NIANBAO_FILE_SECONDS ?? 60} s)…\n`);
  try {
    for (let b = 0; b * BATCH < total; b += 1) {
      const dir = path.join(work, `batch-${b}`);
      const out = path.join(work, `out-${b}`);
      mkdirSync(dir);
      mkdirSync(out);
      const made: { name: string; kind: string }[] = [];
      for (let i = b * BATCH; i < Math.min(total, (b + 1) * BATCH); i += 1) {
        const r = rand();
        const kind = r < 0.55 ? 'workbook' : r < 0.78 ? 'json' : 'text';
        const ext = kind === 'workbook' ? (rand() < 0.1 ? '.xlsm' : '.xlsx') : kind === 'json' ? '.json' : pick(rand, ['.txt', '.txt', '.md', '.html']);
        const data = kind === 'workbook' ? mutateWorkbook(rand, seeds) : kind === 'json' ? mutateJson(rand, seeds) : mutateText(rand, seeds);
        const name = fileName(rand, i, ext);
        writeFileSync(path.join(dir, name), data);
        made.push({ name, kind });
        tally.inputs[kind] = (tally.inputs[kind] ?? 0) + 1;
      }
      const before = hashes(dir);
      const unchanged = (label: string): void => {
        for (const [f, h] of hashes(dir)) if (before.get(f) !== h) tally.changed.push(`${label}: ${f}`);
        if (hashes(dir).size !== before.size) tally.changed.push(`${label}: files added to or removed from the input folder`);
      };

      // Every input: check --json --summary.
      const summary = path.join(out, '审核结果.xlsx');
      const checked = await command(['check', dir, '--json', '--summary', summary], tally, 'check --json --summary');
      if (checked) {
        try {
          const result = JSON.parse(checked.out) as { files: { file: string; status: string; error: string | null }[] };
          if (result.files.length !== made.length) tally.crashes.push(`check: ${result.files.length} results for ${made.length} files (batch ${b})`);
          for (const f of result.files) {
            tally.statuses[f.status] = (tally.statuses[f.status] ?? 0) + 1;
            if (f.error) {
              const reason = f.error.split(/[（，；：]/)[0].replace(/“[^”]*”/g, '“…”');
              tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
            }
            if (f.error?.includes('用时超过')) tally.stoppedByTime += 1;
            if (f.error?.includes('内存超过')) tally.stoppedByMemory += 1;
            if (f.error?.includes('异常退出')) tally.crashes.push(`check: worker died on ${path.basename(f.file)}: ${f.error}`);
          }
        } catch {
          tally.crashes.push(`check: --json output is not JSON (batch ${b})`);
        }
        checkWritten(summary, checked.err.includes('审核结果已写入'), tally, 'check --summary');
      }
      unchanged('check');

      // A sample of workbooks: --annotate.
      const workbooks = made.filter((m) => m.kind === 'workbook').map((m) => path.join(dir, m.name));
      const sample = workbooks.filter(() => rand() < 0.12);
      const annotated = path.join(out, '标注');
      if (sample.length) {
        const ann = await command(['check', '--annotate', annotated, '--', ...sample], tally, 'check --annotate');
        if (ann && existsSync(annotated)) for (const f of readdirSync(annotated)) checkWritten(path.join(annotated, f), true, tally, 'check --annotate');
        unchanged('check --annotate');
      }

      // A sample of reports: merge.
      const members = made.filter((m) => m.kind !== 'text' && rand() < 0.03).map((m) => path.join(dir, m.name));
      if (members.length) {
        const merged = path.join(out, '汇总.xlsx');
        const m = await command(['merge', '-o', merged, '--', ...members], tally, 'merge -o');
        if (m) checkWritten(merged, m.err.includes('写入') && m.code !== 2 && !m.err.includes('没有写出'), tally, 'merge -o');
        unchanged('merge');
      }

      // A few single files: template --data, draft -o .docx, import -o .xlsx.
      for (const one of made.filter(() => rand() < 0.012)) {
        const f = path.join(dir, one.name);
        const t = path.join(out, `t-${one.name.replace(/\W/g, '_')}.xlsx`);
        const tr = await command(['template', `--data=${f}`, '-o', t], tally, 'template --data -o');
        if (tr) checkWritten(t, tr.err.includes('模板已写入'), tally, 'template');
        const d = path.join(out, `d-${one.name.replace(/\W/g, '_')}.docx`);
        const dr = await command(['draft', '-o', d, '--', f], tally, 'draft -o .docx');
        if (dr) checkWritten(d, dr.out.includes('已生成“'), tally, 'draft');
        if (one.kind === 'text') {
          const x = path.join(out, `i-${one.name.replace(/\W/g, '_')}.xlsx`);
          const ir = await command(['import', '-o', x, '--', f], tally, 'import -o .xlsx');
          if (ir) checkWritten(x, ir.err.includes('已写入'), tally, 'import');
        }
        unchanged('single-file commands');
      }
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
      const done = Math.min(total, (b + 1) * BATCH);
      process.stdout.write(
        `  ${String(done).padStart(6)} inputs  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s   crashes ${tally.crashes.length}, hangs ${tally.hangs.length}, inputs changed ${tally.changed.length}, malformed outputs ${tally.malformed.length}\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const inputs = Object.values(tally.inputs).reduce((a, b) => a + b, 0);
  const lines = [
    '',
    `inputs: ${inputs} (${Object.entries(tally.inputs).map(([k, v]) => `${v} ${k}s`).join(', ')}) in ${seconds.toFixed(0)} s`,
    `runs: ${Object.entries(tally.runs).map(([k, v]) => `${k} ×${v}`).join(', ')}`,
    `results: ${Object.entries(tally.statuses).map(([k, v]) => `${v} ${k}`).join(', ')}; stopped by the time bound ${tally.stoppedByTime}, by the memory bound ${tally.stoppedByMemory}`,
    `unreadable, by reason: ${[...tally.reasons].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join('; ')}`,
    `outputs written and checked: ${tally.outputs}`,
    `crashes: ${tally.crashes.length}`,
    `hangs: ${tally.hangs.length}`,
    `inputs changed: ${tally.changed.length}`,
    `malformed outputs: ${tally.malformed.length}`,
  ];
  for (const [label, list] of [['crash', tally.crashes], ['hang', tally.hangs], ['changed', tally.changed], ['malformed', tally.malformed]] as const) {
    for (const x of list.slice(0, 20)) lines.push(`  ${label}: ${x}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// The bounds, side by side

/**
 * Peak resident memory (VmHWM) of this process's child processes, sampled from /proc while `work` runs: a worker
 * stopped at its memory bound never reports its own peak. Null where /proc does not list children.
 */
async function childPeakMb<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number | null }> {
  const childrenFile = `/proc/${process.pid}/task/${process.pid}/children`;
  if (!existsSync(childrenFile)) return { value: await work(), peakMb: null };
  let peak = 0;
  const sample = (): void => {
    try {
      for (const pid of readFileSync(childrenFile, 'utf8').trim().split(/\s+/).filter(Boolean)) {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]));
      }
    } catch {
      // a child ended between the two reads
    }
  };
  const timer = setInterval(sample, 25);
  try {
    return { value: await work(), peakMb: peak / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function withEnv<T>(env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function measureBounds(seed: number): Promise<void> {
  const rand = seeded(seed);
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bounds-'));
  try {
    const kinds: Buffer[] = [];
    for (let i = 0; i < 20; i += 1) {
      const r = soundReport(rand, {});
      r.meta = { ...r.meta, body: `第${i}单位`, year: 2024 };
      kinds.push(Buffer.from(await (await writeTemplateWorkbook({ report: r })).xlsx.writeBuffer()));
    }
    const files: string[] = [];
    for (let i = 0; i < 240; i += 1) {
      const f = path.join(dir, `${String(i).padStart(3, '0')}.xlsx`);
      writeFileSync(f, kinds[i % kinds.length]);
      files.push(f);
    }
    const io: Io = { out: () => undefined, err: () => undefined, isTty: false, cwd: dir };
    process.stdout.write('worker CPU checking 240 template workbooks on one worker, side by side:\n');
    const configs: [string, Record<string, string>][] = [
      ['heap 2048 MB (before)', { NIANBAO_HEAP_MB: '2048', NIANBAO_HEAP_GROWING_PERCENT: '0' }],
      ['heap 320 MB alone', { NIANBAO_HEAP_MB: '320', NIANBAO_HEAP_GROWING_PERCENT: '0' }],
      ['heap 320 MB + growing 300% (now)', {}],
    ];
    const cpu: number[] = [];
    for (const [label, env] of configs) {
      const before = workerCpuMs();
      const t0 = performance.now();
      await withEnv({ ...env, NIANBAO_WORKERS: '1' }, () => nianbao(['check', dir, '--json'], io));
      const used = workerCpuMs() - before;
      cpu.push(used);
      process.stdout.write(`  ${label.padEnd(34)} worker CPU ${(used / 1000).toFixed(1).padStart(6)} s  (ratio to before ${(used / cpu[0]).toFixed(2)})  wall ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    // One hostile workbook: a defined name over a whole sheet (materialised by exceljs: 4 GB without a bound).
    const parts = unzipSync(kinds[0]);
    parts['xl/workbook.xml'] = strToU8(new TextDecoder().decode(parts['xl/workbook.xml']).replace('</definedNames>', `<definedName name="全表">'表二'!$A$1:$XFD$1048576</definedName></definedNames>`));
    const bomb = path.join(dir, 'bomb', 'whole-sheet-name.xlsx');
    mkdirSync(path.dirname(bomb));
    writeFileSync(bomb, zipSync(parts));
    let out = '';
    const bombIo: Io = { out: (t) => (out += t), err: () => undefined, isTty: false, cwd: dir };
    for (const [label, env] of [
      ['heap 2048 MB (before)', { NIANBAO_HEAP_MB: '2048' }],
      ['heap 320 MB (now)', {}],
    ] as const) {
      out = '';
      const t0 = performance.now();
      const { peakMb } = await childPeakMb(() => withEnv({ ...env, NIANBAO_WORKERS: '1' }, () => nianbao(['check', bomb, '--json'], bombIo)));
      const error = (JSON.parse(out) as { files: { error: string | null }[] }).files[0].error ?? '（已检查）';
      process.stdout.write(
        `whole-sheet defined name, ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s, peak memory of its worker ${peakMb === null ? '(not measurable here)' : `${peakMb.toFixed(0)} MB`} (aim < 500)\n  → ${error.slice(0, 60)}…\n`,
      );
    }
    process.stdout.write(`largest peak a worker reported for a file it finished: ${workerPeakRssMb().toFixed(0)} MB; this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const total = Number(process.env.FUZZ_INPUTS) || 10000;
  const seed = Number(process.env.FUZZ_SEED) || 12;
  await measureBounds(seed);
  await fuzz(total, seed);
}
