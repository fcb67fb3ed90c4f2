/**
 * The report draft as a Word document (docx library): A4 in the layout of official documents (GB/T 9704 margins,
 * 仿宋 body in 三号 on a 28-point line, 黑体 and 楷体 headings, 小标宋 title), the three tables drawn from the template
 * layout so their merged headers match the official format, placeholders highlighted for the editor.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, T3_COLUMNS, getSheet, type LayoutCell, type SheetLayout } from '../spec';
import { paragraphs, type Draft, type DraftSection } from '../core';
import { xmlSafeText } from './xmlText';

export interface DocxFonts {
  title: string;
  heading: string;
  subheading: string;
  body: string;
  table: string;
  /** Digits and Latin letters. */
  latin: string;
}

/** The fonts of official documents; where one is not installed, Word and LibreOffice substitute a similar face. */
export const OFFICIAL_FONTS: DocxFonts = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
  latin: 'Times New Roman',
};

export interface DocxOptions {
  fonts?: Partial<DocxFonts>;
}

// Sizes in half-points: 二号 22pt, 三号 16pt, 五号 10.5pt, 小五 9pt.
const SIZE = { title: 44, body: 32, table: 21, tableSmall: 18, footer: 28 } as const;
// A4 and GB/T 9704 margins (37/35/28/26 mm), in twips.
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LINE = 560; // 28 pt, exact
const INDENT = 640; // two characters of 三号

type Fonts = DocxFonts;

function font(name: string, fonts: Fonts): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  return { eastAsia: name, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin };
}

/** Runs of one text, placeholders 【请补充：…】 highlighted so that none is left in the published report. */
function runs(text: string, face: string, size: number, fonts: Fonts, bold = false, breakBefore = false): TextRun[] {
  const out: TextRun[] = [];
  if (breakBefore) out.push(new TextRun({ text: '', break: 1 }));
  // Every text of the document passes here: a unit's name with U+FFFE must not make the file unreadable.
  let rest = xmlSafeText(text);
  while (rest.length > 0) {
    const i = rest.indexOf(PLACEHOLDER_OPEN);
    const j = i < 0 ? -1 : rest.indexOf(PLACEHOLDER_CLOSE, i);
    if (i < 0 || j < 0) {
      out.push(new TextRun({ text: rest, font: font(face, fonts), size, bold }));
      break;
    }
    if (i > 0) out.push(new TextRun({ text: rest.slice(0, i), font: font(face, fonts), size, bold }));
    out.push(new TextRun({ text: rest.slice(i, j + 1), font: font(face, fonts), size, bold, highlight: HighlightColor.YELLOW }));
    rest = rest.slice(j + 1);
  }
  return out;
}

const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: bodySpacing });
}

function sectionParagraphs(section: DraftSection, fonts: Fonts): Paragraph[] {
  const paras = paragraphs(section);
  if (section.level === 0) {
    // The body's name on its own line, the year and the report's name on the next, as published titles break.
    const split = /^(\D+?)(\d{4}\D.*)$/.exec(section.title);
    const lines = split ? [split[1], split[2]] : [section.title];
    return [
      new Paragraph({
        children: lines.flatMap((line, i) => runs(line, fonts.title, SIZE.title, fonts, false, i > 0)),
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
      }),
      ...paras.map((p) => bodyParagraph(runs(p, fonts.body, SIZE.body, fonts))),
    ];
  }
  if (section.level === 1) {
    return [
      new Paragraph({ children: runs(section.title, fonts.heading, SIZE.body, fonts), indent: { firstLine: INDENT }, spacing: bodySpacing, keepNext: true }),
      ...paras.map((p) => bodyParagraph(runs(p, fonts.body, SIZE.body, fonts))),
    ];
  }
  // （一）主动公开。本年度… — the sub-heading in 楷体 runs on into the text, as published reports print it.
  const [first = '', ...rest] = paras;
  return [
    bodyParagraph([...runs(`${section.title}。`, fonts.subheading, SIZE.body, fonts), ...runs(first, fonts.body, SIZE.body, fonts)]),
    ...rest.map((p) => bodyParagraph(runs(p, fonts.body, SIZE.body, fonts))),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** Column widths of a sheet, scaled to the text width (twips). */
function columnWidths(sheet: SheetLayout): number[] {
  const total = sheet.columnWidths.reduce((a, b) => a + b, 0);
  const widths = sheet.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellText(cell: LayoutCell, values: Record<string, string>): string {
  if (cell.role === 'input') return cell.key ? (values[cell.key] ?? '') : '';
  return cell.text ?? '';
}

function tableFor(id: 't2' | 't3' | 't4', values: Record<string, string>, fonts: Fonts): Table {
  const sheet = getSheet(id);
  const widths = columnWidths(sheet);
  const size = id === 't2' ? SIZE.table : SIZE.tableSmall;
  const rows: TableRow[] = [];
  // Row 0 is the sheet's title; the section heading stands for it.
  for (let r = 1; r < sheet.rowCount; r += 1) {
    const cells = sheet.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    if (cells.length === 0) continue;
    const header = r <= (id === 't3' ? 3 : id === 't4' ? 3 : 0);
    rows.push(
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        height: { value: 340, rule: HeightRule.ATLEAST },
        children: cells.map((c) => {
          const span = c.colSpan ?? 1;
          const width = widths.slice(c.col, c.col + span).reduce((a, b) => a + b, 0);
          const left = c.role === 'label' && id === 't3' && (c.rowSpan ?? 1) === 1;
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            rowSpan: (c.rowSpan ?? 1) > 1 ? c.rowSpan : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 30, bottom: 30, left: 60, right: 60 },
            children: [
              new Paragraph({
                alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
                spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                children: runs(cellText(c, values), fonts.table, size, fonts, c.role === 'header' && id !== 't3'),
              }),
            ],
          });
        }),
      }),
    );
  }
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * A report that gave （六）其他处理 as one 2019-style row: the three 2021 rows stay blank in the table (we do not
 * invent a split), and a highlighted note under it gives the combined figures to split.
 */
function combinedOtherNote(cells: Record<string, string>): string | null {
  const total = cells['t3.other_combined.total'];
  if (total === undefined) return null;
  const parts = T3_COLUMNS.filter((c) => c.key !== 'total' && cells[`t3.other_combined.${c.key}`] && cells[`t3.other_combined.${c.key}`] !== '0')
    .map((c) => `${c.label}${cells[`t3.other_combined.${c.key}`]}件`);
  return (
    `【请补充：原表三“（六）其他处理”按2019年试行格式合并为一行填报（合计${total || '0'}件${parts.length ? `，其中${parts.join('、')}` : ''}），` +
    `2021年格式要求分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行，请拆分后填入上表】`
  );
}

/** The draft as a .docx file's bytes. */
export async function draftToDocx(draft: Draft, options: DocxOptions = {}): Promise<Buffer> {
  const fonts: Fonts = { ...OFFICIAL_FONTS, ...options.fonts };
  const children: (Paragraph | Table)[] = [];
  for (const section of draft.sections) {
    children.push(...sectionParagraphs(section, fonts));
    if (section.table) {
      children.push(tableFor(section.table, draft.cells, fonts));
      if (section.table === 't3') {
        const note = combinedOtherNote(draft.cells);
        if (note) children.push(bodyParagraph(runs(note, fonts.body, SIZE.body, fonts)));
      }
      children.push(new Paragraph({ children: [], spacing: { line: 240, before: 0, after: 0 } }));
    }
  }
  const title = xmlSafeText(draft.sections.find((s) => s.level === 0)?.title ?? '');
  const doc = new Document({
    title,
    creator: '年报助手',
    styles: {
      default: {
        document: { run: { font: font(fonts.body, fonts), size: SIZE.body }, paragraph: { spacing: bodySpacing } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(fonts.table, fonts), size: SIZE.footer }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
