/**
 * Drawing tables 二, 三, 四 on a grid the way the format and clerks do: a Block holds text cells, merges and the slots
 * where each canonical key's number goes (filled later, see generate.ts). Independent of our template: only the key
 * lists and official labels come from src/spec. Rows and columns are 0-based.
 */
import { T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, t3Key, t4Key } from '../../src/spec';
import { labelText } from './labels';
import type { Layout, MergeMode } from './layout';

export type Content = string | number | Date;

export interface Slot {
  key: string;
  r: number;
  c: number;
}

/** A total written as =SUM(range) over cells of the same block. */
export interface SumSlot extends Slot {
  from: { r: number; c: number };
  to: { r: number; c: number };
}

export interface Merge {
  r: number;
  c: number;
  rs: number;
  cs: number;
}

/** A number the 2019 layout shows that is no 2021 key (e.g. 本年新公开数量). */
export interface LooseNumber {
  r: number;
  c: number;
  value: number;
}

export class Block {
  readonly cells = new Map<string, Content>();
  readonly merges: Merge[] = [];
  readonly slots: Slot[] = [];
  readonly sums: SumSlot[] = [];
  readonly loose: LooseNumber[] = [];
  height = 0;
  width = 0;

  constructor(readonly mode: MergeMode) {}

  private grow(r: number, c: number): void {
    this.height = Math.max(this.height, r + 1);
    this.width = Math.max(this.width, c + 1);
  }

  put(r: number, c: number, v: Content): void {
    this.cells.set(`${r},${c}`, v);
    this.grow(r, c);
  }

  get(r: number, c: number): Content | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** A label over rs×cs cells: merged, in the first cell only (unmerged), or repeated in every cell. */
  span(r: number, c: number, rs: number, cs: number, text: string): void {
    this.grow(r + rs - 1, c + cs - 1);
    if (rs === 1 && cs === 1) {
      this.put(r, c, text);
      return;
    }
    if (this.mode === 'repeated') {
      for (let i = 0; i < rs; i += 1) for (let j = 0; j < cs; j += 1) this.put(r + i, c + j, text);
      return;
    }
    this.put(r, c, text);
    if (this.mode === 'merged') this.merges.push({ r, c, rs, cs });
  }

  /** The input cell of a key, merged over cs columns in the merged mode (as 行政许可's figure is). */
  value(key: string, r: number, c: number, cs = 1): void {
    this.slots.push({ key, r, c });
    this.grow(r, c + cs - 1);
    if (cs > 1 && this.mode === 'merged') this.merges.push({ r, c, rs: 1, cs });
  }

  sum(key: string, r: number, c: number, from: { r: number; c: number }, to: { r: number; c: number }): void {
    this.sums.push({ key, r, c, from, to });
    this.grow(r, c);
  }

  /** Copy another block into this one at (r0, c0). */
  place(b: Block, r0: number, c0: number): void {
    for (const [rc, v] of b.cells) {
      const [r, c] = rc.split(',').map(Number);
      this.put(r + r0, c + c0, v);
    }
    for (const m of b.merges) this.merges.push({ ...m, r: m.r + r0, c: m.c + c0 });
    for (const s of b.slots) this.slots.push({ ...s, r: s.r + r0, c: s.c + c0 });
    for (const s of b.sums) {
      this.sums.push({ ...s, r: s.r + r0, c: s.c + c0, from: { r: s.from.r + r0, c: s.from.c + c0 }, to: { r: s.to.r + r0, c: s.to.c + c0 } });
    }
    for (const l of b.loose) this.loose.push({ ...l, r: l.r + r0, c: l.c + c0 });
    this.grow(b.height + r0 - 1, b.width + c0 - 1);
  }
}

export const SECTION_TITLES = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
} as const;

function titled(layout: Layout, title: string, body: Block): Block {
  if (!layout.sectionTitles) return body;
  const b = new Block(layout.merge);
  b.put(0, 0, labelText(title, layout, { noBreak: true }));
  b.place(body, 1, 0);
  return b;
}

// ------------------------------------------------------------------------------------------------------------------
// 表二

export function drawT2(layout: Layout): Block {
  const b = new Block(layout.merge);
  const L = (s: string, noBreak = false): string => labelText(s, layout, { noBreak });
  let r = 0;
  const band = (text: string): void => {
    b.span(r, 0, 1, 4, L(text, true));
    r += 1;
  };
  band('第二十条第（一）项');
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].forEach((t, i) => b.put(r, i, L(t, true)));
  r += 1;
  for (const [k, label] of [
    ['regulations', '规章'],
    ['normative', '行政规范性文件'],
  ] as const) {
    b.put(r, 0, L(label, true));
    (['issued', 'repealed', 'in_force'] as const).forEach((f, i) => b.value(`t2.${k}.${f}`, r, 1 + i));
    r += 1;
  }
  const decisions = (bandText: string, head: string, items: [string, string][]): void => {
    band(bandText);
    b.put(r, 0, L('信息内容', true));
    b.span(r, 1, 1, 3, L(head));
    r += 1;
    for (const [key, label] of items) {
      b.put(r, 0, L(label, true));
      b.value(key, r, 1, 3);
      r += 1;
    }
  };
  decisions('第二十条第（五）项', '本年处理决定数量', [['t2.licensing', '行政许可']]);
  decisions('第二十条第（六）项', '本年处理决定数量', [
    ['t2.punishment', '行政处罚'],
    ['t2.enforcement', '行政强制'],
  ]);
  decisions('第二十条第（八）项', '本年收费金额（单位：万元）', [['t2.fees', '行政事业性收费']]);
  return titled(layout, SECTION_TITLES.t2, b);
}

/**
 * 表二 of the 2019 trial format (FORMAT.md §7). Its figures are no 2021 keys: they are drawn as loose numbers made
 * from the report's, and the reader must say FORMAT-VERSION instead of reading them.
 */
export function drawT2Of2019(layout: Layout, values: Record<string, number>): Block {
  const b = new Block(layout.merge);
  const L = (s: string): string => labelText(s, layout, { noBreak: true });
  const v = (k: string): number => values[k] ?? 0;
  let r = 0;
  const band = (text: string): void => {
    b.span(r, 0, 1, 4, L(text));
    r += 1;
  };
  const row = (label: string, nums: number[]): void => {
    b.put(r, 0, L(label));
    nums.forEach((n, i) => b.loose.push({ r, c: 1 + i, value: n }));
    r += 1;
  };
  band('第二十条第（一）项');
  ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'].forEach((t, i) => b.put(r, i, L(t)));
  r += 1;
  row('规章', [v('t2.regulations.issued'), v('t2.regulations.issued'), v('t2.regulations.in_force')]);
  row('规范性文件', [v('t2.normative.issued'), v('t2.normative.issued'), v('t2.normative.in_force')]);
  const heads = (cols: string[]): void => {
    b.put(r, 0, L('信息内容'));
    cols.forEach((t, i) => b.put(r, 1 + i, L(t)));
    r += 1;
  };
  band('第二十条第（五）项');
  heads(['上一年项目数量', '本年增/减', '处理决定数量']);
  row('行政许可', [12, -2, v('t2.licensing')]);
  row('其他对外管理服务事项', [5, 0, 3]);
  band('第二十条第（六）项');
  heads(['上一年项目数量', '本年增/减', '处理决定数量']);
  row('行政处罚', [30, 1, v('t2.punishment')]);
  row('行政强制', [8, 0, v('t2.enforcement')]);
  band('第二十条第（八）项');
  heads(['上一年项目数量', '本年增/减']);
  row('行政事业性收费', [4, -1]);
  band('第二十条第（九）项');
  heads(['采购项目数量', '采购总金额']);
  row('政府集中采购', [6, 128.5]);
  return titled(layout, SECTION_TITLES.t2, b);
}

// ------------------------------------------------------------------------------------------------------------------
// 表三

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The 2019 row standing for （六）其他处理's three rows. */
export const T3_COMBINED_ROW = 'other_combined';

export function drawT3(layout: Layout): Block {
  const b = new Block(layout.merge);
  const L = (s: string, total = false): string => labelText(s, layout, { total });
  const H = (s: string, total = false): string => labelText(s, layout, { total, noBreak: s.length < 5 });
  const secCol = layout.t3Section === 'column' ? 0 : -1;
  const grpCol = layout.t3Groups === 'column' ? secCol + 1 : -1;
  const labelCols = 1 + (secCol >= 0 ? 1 : 0) + (grpCol >= 0 ? 1 : 0);
  const itemCol = labelCols - 1;
  const v0 = labelCols;
  /** Where labels of the outcome rows that are no group items start (right of the section column). */
  const outcomeStart = secCol >= 0 ? 1 : 0;

  // Header
  const note = H(T3_NOTE);
  let r = 0;
  const subs = T3_COLUMNS.slice(1, 6);
  if (layout.t3Applicants === 'official') {
    b.span(0, 0, 3, labelCols, note);
    b.span(0, v0, 1, 7, H('申请人情况'));
    b.span(1, v0, 2, 1, H('自然人'));
    b.span(1, v0 + 1, 1, 5, H('法人或其他组织'));
    b.span(1, v0 + 6, 2, 1, H('总计', true));
    subs.forEach((c, i) => b.put(2, v0 + 1 + i, H(c.label)));
    r = 3;
  } else if (layout.t3Applicants === 'twoRow') {
    b.span(0, 0, 2, labelCols, note);
    b.span(0, v0, 2, 1, H('自然人'));
    b.span(0, v0 + 1, 1, 5, H('法人或其他组织'));
    b.span(0, v0 + 6, 2, 1, H('总计', true));
    subs.forEach((c, i) => b.put(1, v0 + 1 + i, H(c.label)));
    r = 2;
  } else {
    b.span(0, 0, 1, labelCols, note);
    T3_COLUMNS.forEach((c, i) => {
      const text = c.key === 'natural' || c.key === 'total' ? c.label : layout.t3Applicants === 'flattened' ? `法人或其他组织-${c.label}` : c.label;
      b.put(0, v0 + i, H(text, c.key === 'total'));
    });
    r = 1;
  }

  const rowOf = new Map<string, number>();
  const values = (rowKey: string): void => {
    rowOf.set(rowKey, r);
    T3_COLUMNS.forEach((c, i) => b.value(t3Key(rowKey, c.key), r, v0 + i));
  };
  let sectionFirst = -1;
  let currentGroup: string | undefined;
  let groupFirst = -1;
  const closeGroup = (): void => {
    if (currentGroup && grpCol >= 0) b.span(groupFirst, grpCol, r - groupFirst, 1, L(T3_GROUPS[currentGroup as keyof typeof T3_GROUPS]));
    currentGroup = undefined;
  };

  for (const row of T3_ROWS) {
    if (row.group !== currentGroup) closeGroup();
    if (row.key === 'granted') {
      if (layout.t3Section === 'ownRow') {
        b.span(r, 0, 1, labelCols, L('三、本年度办理结果'));
        r += 1;
      }
      sectionFirst = r;
    }
    if (row.key === 'new' || row.key === 'carried_in' || row.key === 'carried_out') {
      b.span(r, 0, 1, labelCols, L(row.label));
      values(row.key);
      r += 1;
      continue;
    }
    if (!row.group) {
      b.span(r, outcomeStart, 1, labelCols - outcomeStart, L(row.label, row.key === 'handled_total'));
      values(row.key);
      r += 1;
      if (row.key === 'handled_total' && secCol >= 0) b.span(sectionFirst, secCol, r - sectionFirst, 1, L('三、本年度办理结果'));
      continue;
    }
    const groupLabel = T3_GROUPS[row.group];
    if (row.group === 'other' && layout.t3Of2019) {
      if (row.key !== 'other_no_correction') continue;
      // The 2019 format: （六）其他处理 is one row with its own numbers.
      b.span(r, outcomeStart, 1, labelCols - outcomeStart, L(groupLabel));
      values(T3_COMBINED_ROW);
      r += 1;
      continue;
    }
    if (row.group !== currentGroup) {
      currentGroup = row.group;
      if (layout.t3Groups === 'ownRow') {
        b.span(r, outcomeStart, 1, labelCols - outcomeStart, L(groupLabel));
        r += 1;
      }
      groupFirst = r;
      if (layout.t3Groups === 'inline') {
        b.put(r, itemCol, `${L(groupLabel)} ${L(row.label)}`);
        values(row.key);
        r += 1;
        continue;
      }
    }
    b.put(r, itemCol, L(row.label));
    values(row.key);
    r += 1;
  }
  closeGroup();

  if (layout.sumFormulas) {
    // Row totals =SUM(自然人:其他); the （七）总计 row =SUM over the outcome rows of each column.
    const first = rowOf.get('granted') as number;
    const last = rowOf.get('handled_total') as number;
    const slots = b.slots.splice(0, b.slots.length);
    for (const s of slots) {
      const [, rowKey, col] = s.key.split('.');
      if (col === 'total') b.sum(s.key, s.r, s.c, { r: s.r, c: v0 }, { r: s.r, c: v0 + 5 });
      else if (rowKey === 'handled_total') b.sum(s.key, s.r, s.c, { r: first, c: s.c }, { r: last - 1, c: s.c });
      else b.slots.push(s);
    }
  }
  return titled(layout, SECTION_TITLES.t3, b);
}

// ------------------------------------------------------------------------------------------------------------------
// 表四

function t4Values(b: Block, layout: Layout, group: string, r: number, c0: number): void {
  T4_OUTCOMES.forEach((o, i) => {
    const key = t4Key(group, o.key);
    if (o.key === 'total' && layout.sumFormulas) b.sum(key, r, c0 + i, { r, c: c0 }, { r, c: c0 + 3 });
    else b.value(key, r, c0 + i);
  });
}

export function drawT4(layout: Layout): Block {
  const b = new Block(layout.merge);
  const L = (s: string, total = false): string => labelText(s, layout, { total, noBreak: s.length < 5 });
  const outcome = (o: (typeof T4_OUTCOMES)[number]): string => L(o.label, o.key === 'total');
  const [recon, direct, after] = T4_GROUPS;
  switch (layout.t4) {
    case 'official':
      // The format: 行政复议 over five columns on row 1, its outcomes merged down rows 2–3; 行政诉讼 over ten on row 1,
      // 未经复议直接起诉 and 复议后起诉 on row 2, their outcomes on row 3.
      b.span(0, 0, 1, 5, L(recon.label));
      b.span(0, 5, 1, 10, L('行政诉讼'));
      T4_OUTCOMES.forEach((o, i) => b.span(1, i, 2, 1, outcome(o)));
      b.span(1, 5, 1, 5, L(direct.label));
      b.span(1, 10, 1, 5, L(after.label));
      T4_OUTCOMES.forEach((o, i) => {
        b.put(2, 5 + i, outcome(o));
        b.put(2, 10 + i, outcome(o));
      });
      T4_GROUPS.forEach((g, gi) => t4Values(b, layout, g.key, 3, gi * 5));
      break;
    case 'template':
      b.span(0, 0, 2, 5, L(recon.label));
      b.span(0, 5, 1, 10, L('行政诉讼'));
      b.span(1, 5, 1, 5, L(direct.label));
      b.span(1, 10, 1, 5, L(after.label));
      T4_GROUPS.forEach((_g, gi) => T4_OUTCOMES.forEach((o, i) => b.put(2, gi * 5 + i, outcome(o))));
      T4_GROUPS.forEach((g, gi) => t4Values(b, layout, g.key, 3, gi * 5));
      break;
    case 'threeTables': {
      const titles = [recon.label, `行政诉讼（${direct.label}）`, `行政诉讼（${after.label}）`];
      T4_GROUPS.forEach((g, gi) => {
        const r = gi * 4;
        b.span(r, 0, 1, 5, L(titles[gi]));
        T4_OUTCOMES.forEach((o, i) => b.put(r + 1, i, outcome(o)));
        t4Values(b, layout, g.key, r + 2, 0);
      });
      break;
    }
    case 'rowPerGroup':
      b.span(0, 0, 1, 2, L('类别'));
      T4_OUTCOMES.forEach((o, i) => b.put(0, 2 + i, outcome(o)));
      b.span(1, 0, 1, 2, L(recon.label));
      b.span(2, 0, 2, 1, L('行政诉讼'));
      b.put(2, 1, L(direct.label));
      b.put(3, 1, L(after.label));
      T4_GROUPS.forEach((g, gi) => t4Values(b, layout, g.key, 1 + gi, 2));
      break;
  }
  return titled(layout, SECTION_TITLES.t4, b);
}
