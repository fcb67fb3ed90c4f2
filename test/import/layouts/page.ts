/**
 * A report drafted by our own draft code (src/core/narrative) from a layout case, as a page: the title, the six
 * parts' paragraphs and the three official tables in their places. Each layout renders this page the way it reaches
 * a supervisor.
 */
import { draftNarrative, paragraphs, type Draft } from '../../../src/core';
import type { LayoutCase } from './data';
import { t2Grid, t3Grid, t4Grids, type Grid, type T4Style } from './official';

export type PageBlock =
  | { kind: 'heading'; level: 0 | 1; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; id: 't2' | 't3' | 't4'; grids: Grid[] };

export interface Page {
  draft: Draft;
  blocks: PageBlock[];
}

export function pageOf(c: LayoutCase, t4: T4Style = 'official'): Page {
  const draft = draftNarrative(c.report);
  const printed = (key: string): string => draft.cells[key] ?? '';
  const blocks: PageBlock[] = [];
  for (const section of draft.sections) {
    const paras = paragraphs(section);
    if (section.level === 2) {
      const [first = '', ...rest] = paras;
      blocks.push({ kind: 'paragraph', text: `${section.title}。${first}` });
      rest.forEach((text) => blocks.push({ kind: 'paragraph', text }));
    } else {
      blocks.push({ kind: 'heading', level: section.level, text: section.title });
      paras.forEach((text) => blocks.push({ kind: 'paragraph', text }));
    }
    if (section.table === 't2') blocks.push({ kind: 'table', id: 't2', grids: [t2Grid(printed)] });
    if (section.table === 't3') blocks.push({ kind: 'table', id: 't3', grids: [t3Grid(printed)] });
    if (section.table === 't4') blocks.push({ kind: 'table', id: 't4', grids: t4Grids(printed, t4) });
  }
  return { draft, blocks };
}
