/**
 * Checking a narrative against the tables: the numbers the text states for table quantities (TEXT-NUMBER). Precise
 * rather than greedy: a number is compared only when its clause says unambiguously which quantity it is, in 件, for
 * this body and this year; anything else (another scope, a change on last year, an approximation) is left alone.
 */
import {
  TEXT_COUNT_UNIT,
  TEXT_MEASURES,
  TEXT_NOT_A_FIGURE,
  TEXT_OTHER_NOUNS,
  TEXT_OTHER_SCOPE,
  TEXT_SUBJECTS,
  TEXT_ZERO_STATEMENTS,
  getRule,
  type TextMeasure,
} from '../../spec';
import type { Finding } from '../findings';
import { renderMessage } from '../messages';
import { buildModel } from '../model';
import { reportYear, type ReportData } from '../report';
import { cellNumber, sumOf } from './values';

/** Full-width digits to ASCII; whitespace dropped except between two ASCII letters or digits (PDF line breaks). */
export function normaliseNarrative(text: string): string {
  const digits = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return digits.replace(/[\s\u00a0\u3000]+/g, (ws, offset: number, s: string) => {
    const before = s[offset - 1] ?? '';
    const after = s[offset + ws.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！？!?])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const NUMBER = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(件|条|个|次|项|篇|期|场|人次|人|家|万元|元|%|％|年|月|日|号|个百分点)?/g;
const CLAUSE_BREAK = /[，,、：:（）()；;]/;

interface Mention {
  value: number;
  unit: string;
  start: number;
  end: number;
}

/** Chinese numerals before 件 (受理申请三件, 二十一件); only with 件, so 一是、三审三校 are never read as numbers. */
const CHINESE_COUNT = /(?<![零〇一二两三四五六七八九十百千第])([零〇一二两三四五六七八九十百千]+)件/g;
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十一 → 21, 一百零五 → 105, 十二 → 12; undefined for what is not a well-formed numeral. */
export function chineseNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit ?? (total === 0 ? 1 : undefined) ?? Number.NaN) * UNITS[ch];
      digit = undefined;
    } else return undefined;
  }
  total += digit ?? 0;
  return Number.isFinite(total) ? total : undefined;
}

function mentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    out.push({ value: Number(m[1].replace(/,/g, '')), unit: m[2] ?? '', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of sentence.matchAll(CHINESE_COUNT)) {
    const value = chineseNumber(m[1]);
    if (value !== undefined) out.push({ value, unit: '件', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clause words right before a mention: back to the previous number or clause break. */
function leadOf(sentence: string, from: number, to: number): string {
  const text = sentence.slice(from, to);
  let cut = -1;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (CLAUSE_BREAK.test(text[i])) {
      cut = i;
      break;
    }
  }
  return text.slice(cut + 1);
}

function trailOf(sentence: string, from: number, to: number): string {
  const text = sentence.slice(from, to);
  const i = text.search(CLAUSE_BREAK);
  return i < 0 ? text : text.slice(0, i);
}

/** The subject named last in `text`; ties (matches ending together) go to the earlier subject in the list. */
export function lastSubject(text: string): string | null {
  let best: { id: string; end: number } | null = null;
  for (const s of TEXT_SUBJECTS) {
    for (const m of text.matchAll(s.pattern)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!best || end > best.end) best = { id: s.id, end };
    }
  }
  return best?.id ?? null;
}

export interface StatedQuantity {
  keys: string[];
  /** The number the text states. */
  value: number;
}

function measureFor(subject: string, lead: string, trail: string, subjectInLead: boolean): TextMeasure | null {
  for (const m of TEXT_MEASURES) {
    if (m.subject !== subject) continue;
    if (!m.pattern) {
      // A bare subject (行政复议351件) is its total only when the clause itself names it.
      if (subjectInLead) return m;
      continue;
    }
    if (m.pattern.test(lead) || (m.after === true && m.pattern.test(trail))) return m;
  }
  return null;
}

interface Reading {
  sentence: string;
  keys: string[];
  value: number;
  zero?: boolean;
}

/** Every number of one sentence that states a table quantity, and every "nothing happened" statement. */
export function readSentence(sentence: string, year: number | null): Reading[] {
  const out: Reading[] = [];
  const found = mentions(sentence);
  let from = 0;
  for (const m of found) {
    const lead = leadOf(sentence, from, m.start);
    const before = sentence.slice(0, m.start);
    from = m.end;
    if (m.unit !== TEXT_COUNT_UNIT) continue;
    if (TEXT_OTHER_SCOPE.some((p) => p.test(before))) continue;
    if (TEXT_NOT_A_FIGURE.some((p) => p.test(lead))) continue;
    // A figure of another year (2023年受理…) in this sentence is not this year's table.
    const otherYear = [...before.matchAll(/(?<!\d)(\d{4})年/g)].some((y) => year !== null && Number(y[1]) !== year);
    if (otherYear) continue;
    const next = found.find((x) => x.start >= m.end);
    const trail = trailOf(sentence, m.end, next ? next.start : sentence.length);
    const inLead = lastSubject(lead);
    if (!inLead && TEXT_OTHER_NOUNS.some((p) => p.test(lead))) continue;
    const subject = inLead ?? lastSubject(sentence.slice(0, m.start - lead.length));
    if (!subject) continue;
    const measure = measureFor(subject, lead, trail, inLead !== null);
    if (!measure) continue;
    out.push({ sentence, keys: measure.keys, value: m.value });
  }
  for (const clause of sentence.split(/[，,；;。]/)) {
    for (const z of TEXT_ZERO_STATEMENTS) {
      const hit = z.pattern.exec(clause);
      if (!hit || (z.unless && z.unless.test(clause))) continue;
      const before = sentence.slice(0, sentence.indexOf(clause) + (hit.index ?? 0));
      if (TEXT_OTHER_SCOPE.some((p) => p.test(before))) continue;
      out.push({ sentence, keys: z.keys, value: 0, zero: true });
    }
  }
  return out;
}

const MAX_QUOTE = 90;

/** The sentence as quoted in a finding: whole when short, else the part around the number. */
function quote(sentence: string, value: number, zero: boolean): string {
  const s = sentence.replace(/[。；;]$/, '');
  if (s.length <= MAX_QUOTE) return s;
  const at = zero ? 0 : Math.max(0, s.search(new RegExp(`(?<![\\d.])${String(value).replace('.', '\\.')}件`)));
  const start = Math.max(0, at - 50);
  const end = Math.min(s.length, at + 30);
  return `${start > 0 ? '…' : ''}${s.slice(start, end)}${end < s.length ? '…' : ''}`;
}

/** TEXT-NUMBER findings for `report.narrative` (section id or free key → text). */
export function checkNarrative(report: ReportData): Finding[] {
  const narrative = report.narrative;
  if (!narrative) return [];
  const model = buildModel(report);
  const rule = getRule('TEXT-NUMBER');
  const year = reportYear(report);
  const findings: Finding[] = [];
  for (const raw of Object.values(narrative)) {
    if (typeof raw !== 'string') continue;
    for (const sentence of splitSentences(normaliseNarrative(raw))) {
      for (const r of readSentence(sentence, year)) {
        const expected = sumOf(model, r.keys);
        if (expected === undefined || Math.abs(expected - r.value) < 1e-9) continue;
        const values: Record<string, number | null> = {};
        for (const k of r.keys) values[k] = cellNumber(model, k) ?? null;
        const f: Finding = {
          rule: rule.id,
          target: r.keys.join('+'),
          severity: rule.severity,
          cells: r.keys,
          expected,
          actual: r.value,
          message: '',
          explanation: null,
          detail: quote(r.sentence, r.value, r.zero === true),
          values,
          code: r.zero ? 'zero-statement' : 'number',
        };
        f.message = renderMessage(f);
        findings.push(f);
      }
    }
  }
  return findings;
}
