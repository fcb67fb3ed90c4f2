/**
 * Drafting the narrative from the report's figures with the templates of spec/narrative.ts. Every sentence records
 * the keys it used; a figure that is not known never becomes a number in the text (the block's placeholder is used).
 */
import {
  LEVELS_WITH_REGULATIONS,
  MISSING_META,
  NARRATIVE_LISTS,
  NARRATIVE_SECTIONS,
  NARRATIVE_YOY,
  type Condition,
  type Level,
  type ListItem,
  type SectionId,
  type SectionTemplate,
  type SentenceTemplate,
  T3_COLUMNS,
  T3_OTHER_COMBINED_ROW,
  TABLE_KEYS,
} from '../../spec';
import { fmt } from '../labels';
import { buildModel } from '../model';
import { reportYear, type ReportData } from '../report';
import { figures, type Figures } from './values';

export interface DraftSentence {
  text: string;
  /** Keys whose values the sentence states or depends on (`prev.<key>` for last year's, `meta.*`). */
  keys: string[];
  /** Starts a new paragraph within its section. */
  paragraph?: boolean;
}

export interface DraftSection {
  id: SectionId;
  title: string;
  /** 0 the report title, 1 一、…, 2 （一）…. */
  level: 0 | 1 | 2;
  sentences: DraftSentence[];
  /** The official table printed after the section's text (二, 三, 四). */
  table?: 't2' | 't3' | 't4';
}

export interface Draft {
  sections: DraftSection[];
  /** Table cells as printed: every key of the three tables, a number formatted, a blank empty, bad input as found. */
  cells: Record<string, string>;
}

export interface DraftOptions {
  /** Other wording; defaults to the templates of the spec. */
  templates?: readonly SectionTemplate[];
}

const GOVERNMENT_LEVELS: readonly Level[] = ['provincial_gov', 'city_gov', 'county_gov', 'township'];

interface Context {
  figures: Figures;
  level: Level | null;
  body: string | null;
  year: number | null;
}

/** A rendered piece of text with the keys behind it; undefined when a figure it needs is not known. */
type Piece = { text: string; keys: string[] } | undefined;

// ---------------------------------------------------------------------------------------------------------------
// Lists

interface ListState {
  /** Items with a value > 0, or 0 with a text for it, in order. */
  items: { item: ListItem; n: number }[];
  /** False when some item's figure is not known: then the list cannot be stated. */
  complete: boolean;
}

function listState(name: string, ctx: Context): ListState {
  const list = NARRATIVE_LISTS[name];
  if (!list) throw new Error(`narrative template names unknown list ${name}`);
  const items: ListState['items'] = [];
  let complete = true;
  for (const item of list.items) {
    const n = ctx.figures.value(item.of);
    if (n === undefined) complete = false;
    else if (n > 0 || (n === 0 && item.zero !== undefined)) items.push({ item, n });
  }
  return { items, complete };
}

function itemPiece(item: ListItem, n: number, form: 'text' | 'name', ctx: Context): Piece {
  const template = form === 'name' ? item.name : n === 0 && item.zero !== undefined ? item.zero : item.text;
  const rendered = renderTemplate(template.replace('{n}', fmt(n)), ctx);
  if (!rendered) return undefined;
  const main = rendered.text;
  const keys = [...ctx.figures.keysOf(item.of), ...rendered.keys];
  if (!item.detail) return { text: main, keys };
  const detail = listState(item.detail, ctx);
  if (!detail.complete || detail.items.length === 0) return { text: main, keys };
  const inner = detail.items.length === 1 ? onlyPiece(item.detail, ctx) : listPiece(item.detail, ctx);
  if (!inner) return { text: main, keys };
  return { text: `${main}（${inner.text}）`, keys: [...keys, ...inner.keys] };
}

function listPiece(name: string, ctx: Context): Piece {
  const state = listState(name, ctx);
  if (!state.complete || state.items.length === 0) return undefined;
  const parts = state.items.map(({ item, n }) => itemPiece(item, n, 'text', ctx));
  if (parts.some((p) => !p)) return undefined;
  const done = parts as { text: string; keys: string[] }[];
  return { text: done.map((p) => p.text).join(NARRATIVE_LISTS[name].separator), keys: done.flatMap((p) => p.keys) };
}

function onlyPiece(name: string, ctx: Context): Piece {
  const state = listState(name, ctx);
  const positive = state.items.filter((i) => i.n > 0);
  if (!state.complete || positive.length !== 1) return undefined;
  return itemPiece(positive[0].item, positive[0].n, 'name', ctx);
}

// ---------------------------------------------------------------------------------------------------------------
// Slots

function percent(delta: number, base: number): string {
  const p = Math.round((Math.abs(delta) / base) * 1000) / 10;
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
}

function yoyPiece(ref: string, ctx: Context): Piece {
  const now = ctx.figures.value(ref);
  const keys = ctx.figures.keysOf(ref);
  const prevKeys = keys.map((k) => `prev.${k}`);
  let before: number | undefined = 0;
  for (const k of prevKeys) {
    const v = ctx.figures.value(k);
    before = v === undefined || before === undefined ? undefined : before + v;
  }
  if (now === undefined || before === undefined) return { text: '', keys: [] };
  const delta = now - before;
  const unit = ctx.figures.unitOf(ref);
  const template =
    delta === 0 ? NARRATIVE_YOY.flat : delta > 0 ? (before === 0 ? NARRATIVE_YOY.upFromZero : NARRATIVE_YOY.up) : NARRATIVE_YOY.down;
  const text = template
    .replace('{delta}', fmt(Math.abs(delta)))
    .replace('{unit}', unit)
    .replace('{pct}', before === 0 ? '' : percent(delta, before));
  return { text, keys: prevKeys };
}

function slotPiece(slot: string, ctx: Context): Piece {
  if (slot === 'meta.body') return { text: ctx.body ?? MISSING_META['meta.body'], keys: ['meta.body'] };
  if (slot === 'meta.year') return { text: ctx.year === null ? MISSING_META['meta.year'] : String(ctx.year), keys: ['meta.year'] };
  const colon = slot.indexOf(':');
  if (colon > 0) {
    const kind = slot.slice(0, colon);
    const arg = slot.slice(colon + 1);
    if (kind === 'yoy') return yoyPiece(arg, ctx);
    if (kind === 'list') return listPiece(arg, ctx);
    if (kind === 'only') return onlyPiece(arg, ctx);
    throw new Error(`narrative template has unknown slot kind ${kind}`);
  }
  const v = ctx.figures.value(slot);
  return v === undefined ? undefined : { text: fmt(v), keys: ctx.figures.keysOf(slot) };
}

const SLOT = /\{([^{}]+)\}/g;

export function renderTemplate(text: string, ctx: Context): Piece {
  const keys: string[] = [];
  let failed = false;
  const out = text.replace(SLOT, (_m, slot: string) => {
    const piece = slotPiece(slot, ctx);
    if (!piece) {
      failed = true;
      return '';
    }
    keys.push(...piece.keys);
    return piece.text;
  });
  return failed ? undefined : { text: out, keys };
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

function holds(c: Condition, ctx: Context): boolean {
  if ('level' in c) {
    if (c.level === 'government') return ctx.level !== null && GOVERNMENT_LEVELS.includes(ctx.level);
    return ctx.level !== null && LEVELS_WITH_REGULATIONS.includes(ctx.level);
  }
  if (c.of.startsWith('list:')) {
    const state = listState(c.of.slice(5), ctx);
    if (!state.complete) return false;
    const n = state.items.filter((i) => i.n > 0).length;
    if (c.is === 'none') return n === 0;
    if (c.is === 'single') return n === 1;
    if (c.is === 'several') return n >= 2;
    throw new Error(`list condition cannot be "${c.is}"`);
  }
  const v = ctx.figures.value(c.of);
  switch (c.is) {
    case 'known':
      return v !== undefined;
    case 'unknown':
      return v === undefined;
    case 'zero':
      return v === 0;
    case 'one':
      return v === 1;
    case 'many':
      return v !== undefined && v > 1;
    case 'positive':
      return v !== undefined && v > 0;
    default:
      throw new Error(`value condition cannot be "${c.is}"`);
  }
}

function conditionKeys(conditions: readonly Condition[], ctx: Context): string[] {
  const keys: string[] = [];
  for (const c of conditions) {
    if ('level' in c) keys.push('meta.level');
    else if (!c.of.startsWith('list:')) keys.push(...ctx.figures.keysOf(c.of));
  }
  return keys;
}

function chooseSentence(alternatives: readonly SentenceTemplate[], ctx: Context): Piece {
  for (const alt of alternatives) {
    const when = alt.when ?? [];
    if (!when.every((c) => holds(c, ctx))) continue;
    const piece = renderTemplate(alt.text, ctx);
    if (piece) return { text: piece.text, keys: [...conditionKeys(when, ctx), ...piece.keys] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

export function draftNarrative(report: ReportData, options: DraftOptions = {}): Draft {
  const model = buildModel(report);
  const body = typeof report.meta.body === 'string' && report.meta.body.trim() ? report.meta.body.trim() : null;
  const ctx: Context = { figures: figures(model), level: model.level, body, year: reportYear(report) };
  const sections = (options.templates ?? NARRATIVE_SECTIONS).map((section): DraftSection => {
    const sentences: DraftSentence[] = [];
    for (const block of section.blocks) {
      const chosen = chooseSentence(block.alternatives, ctx) ?? (block.fallback !== undefined ? renderTemplate(block.fallback, ctx) : undefined);
      if (!chosen || chosen.text === '') continue;
      const sentence: DraftSentence = { text: chosen.text, keys: [...new Set(chosen.keys)] };
      if (block.paragraph) sentence.paragraph = true;
      sentences.push(sentence);
    }
    const title = renderTemplate(section.title, ctx)?.text ?? section.title;
    const out: DraftSection = { id: section.id, title, level: section.level, sentences };
    const table = SECTION_TABLES[section.id];
    if (table) out.table = table;
    return out;
  });
  return { sections, cells: tableCells(report) };
}

const SECTION_TABLES: Partial<Record<SectionId, 't2' | 't3' | 't4'>> = { 二: 't2', 三: 't3', 四: 't4' };

function tableCells(report: ReportData): Record<string, string> {
  const model = buildModel(report);
  const cells: Record<string, string> = {};
  const keys = [...TABLE_KEYS, ...T3_COLUMNS.map((c) => `t3.${T3_OTHER_COMBINED_ROW}.${c.key}`)];
  for (const key of keys) {
    const cell = model.cells.get(key);
    if (!cell) continue;
    if (cell.state === 'number') cells[key] = fmt(cell.value);
    else if (cell.state === 'blank') cells[key] = typeof cell.raw === 'string' ? cell.raw.trim() : '';
    else cells[key] = cell.found;
  }
  return cells;
}
