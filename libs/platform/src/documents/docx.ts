import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DecisionText, ProposalText } from '@vinhdanh/domain/decisions';
import { decisionDocument, proposalDocument, type AdministrativeDocument, type Block } from './administrative-document';
import { DEFAULT_FONT_DIR, FONT_FILES, fontFile } from './pdf';

/**
 * The .docx an office edits and files in its own document system: the same administrative
 * document as the PDF (one block model), Decree 30's A4 margins and 13–14 pt type, with Liberation
 * Serif embedded so every Vietnamese letter shows on a machine without it. The decision's .docx is
 * a working copy; the signed PDF is the act.
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function decisionDocx(text: DecisionText, fontDir = DEFAULT_FONT_DIR): Promise<Buffer> {
  return write(decisionDocument(text), fontDir);
}

export async function proposalDocx(text: ProposalText, fontDir = DEFAULT_FONT_DIR): Promise<Buffer> {
  return write(proposalDocument(text), fontDir);
}

const FONT = 'Liberation Serif';
/** docx sizes are half-points. */
const pt = (n: number) => n * 2;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

async function write(d: AdministrativeDocument, fontDir: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [header(d), ...d.body.map(block), signature(d)];
  if (d.appendix) children.push(new Paragraph({ children: [new PageBreak()] }), ...d.appendix.map(block));
  const doc = new Document({
    title: d.title,
    creator: 'Vinh Danh',
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    fonts: [{ name: FONT, data: fontFile(fontDir, FONT_FILES.regular), bold: fontFile(fontDir, FONT_FILES.bold), italic: fontFile(fontDir, FONT_FILES.italic), boldItalic: fontFile(fontDir, FONT_FILES.boldItalic) }],
    sections: [
      {
        properties: {
          // Decree 30/2020 Appendix I: A4; top and bottom 20 mm, left 30 mm, right 15 mm.
          page: { size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) }, margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: pt(o.size ?? 13), underline: o.underline ? {} : undefined });
const centred = (text: string, o: Parameters<typeof run>[1] = {}) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });

/** Issuer and number at the left, the motto and place-date at the right, in a borderless table. */
function header(d: AdministrativeDocument): Table {
  const cell = (paragraphs: Paragraph[], pct: number) => new TableCell({ children: paragraphs, width: { size: pct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([centred(d.issuer.toUpperCase(), { bold: true, size: 12, underline: true }), centred(d.number)], 40),
          cell([centred(d.motto[0], { bold: true, size: 12 }), centred(d.motto[1], { bold: true, underline: true }), centred(d.placeDate, { italics: true })], 60),
        ],
      }),
    ],
  });
}

function block(b: Block): Paragraph | Table {
  if (b.kind === 'centered') return centred(b.text, { bold: b.bold, size: b.size });
  if (b.kind === 'gap') return new Paragraph({ spacing: { after: b.points * 20 }, children: [] });
  if (b.kind === 'paragraph') {
    const rest = b.lead && b.text.startsWith(b.lead) ? b.text.slice(b.lead.length) : b.text;
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: convertMillimetersToTwip(b.indentMm ?? 10) },
      spacing: { after: 60 },
      children: [...(b.lead && rest !== b.text ? [run(b.lead, { bold: true })] : []), run(rest, { italics: b.italic })],
    });
  }
  const borders = { top: RULE, bottom: RULE, left: RULE, right: RULE };
  const cell = (text: string, pct: number, o: { bold?: boolean; centred?: boolean; span?: number } = {}) =>
    new TableCell({
      borders,
      columnSpan: o.span,
      width: { size: pct, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ alignment: o.centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold: o.bold, size: 11 })] })],
    });
  const rows = [new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c.title, c.widthPct, { bold: true, centred: true })) })];
  for (const g of b.groups) {
    if (g.heading) rows.push(new TableRow({ children: [cell(g.heading, 100, { bold: true, span: b.columns.length })] }));
    for (const r of g.rows) rows.push(new TableRow({ children: r.map((text, i) => cell(text, b.columns[i].widthPct, { centred: i === 0 })) }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

/** Nơi nhận at the left, the signature block at the right. */
function signature(d: AdministrativeDocument): Table {
  const left = [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }), ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] }))];
  const right = [
    ...d.signature.heading.map((h) => centred(h, { bold: true })),
    ...(d.signature.note ? [centred(d.signature.note, { italics: true, size: 11 })] : []),
    new Paragraph({ spacing: { after: 1400 }, children: [] }),
    centred(d.signature.name, { bold: true }),
  ];
  const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [cell(left), cell(right)] })] });
}
