import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CertificateText, DecisionText, ProposalText } from '@vinhdanh/domain/decisions';
import { decisionDocument, proposalDocument, type AdministrativeDocument, type Block } from './administrative-document';
import type { SigningIdentity } from './signing-authorities';
import { unprocessable } from '@vinhdanh/domain/common/errors';

/** Liberation Serif 2 (Debian's fonts-liberation2): metric-compatible with Times New Roman (Decree 30), with every Vietnamese letter. */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/liberation2';

const MM = 72 / 25.4;
// Decree 30/2020 Appendix I: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; body 13–14 pt.
const PAGE = { width: 210 * MM, height: 297 * MM, top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 13;

interface Fonts { regular: PDFFont; bold: PDFFont; italic: PDFFont; boldItalic: PDFFont }

/**
 * The decision as a PDF in the administrative layout, signed by its authority (PAdES:
 * ETSI.CAdES.detached). The text is the domain's `decisionText`, the same the web page shows.
 */
export async function signedDecisionPdf(text: DecisionText, signer: SigningIdentity, fontDir = DEFAULT_FONT_DIR, signedAt = new Date()): Promise<Buffer> {
  const signed = `(Đã ký số ngày ${signedAt.toISOString().slice(0, 10).split('-').reverse().join('/')})`;
  const { doc, lastPage } = await setPdf(decisionDocument(text, signed), fontDir, signedAt);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: lastPage,
    reason: `Ký ban hành ${text.title.toLowerCase()} ${text.number}`,
    contactInfo: 'Vinh Danh',
    name: signer.subject,
    location: 'Việt Nam',
    signingTime: signedAt,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return signpdf.sign(unsigned, new P12Signer(signer.p12, { passphrase: signer.passphrase }), signedAt);
}

/** The proposal letter and its list as a PDF, unsigned: the office numbers and signs it (domain `proposalText`). */
export async function proposalPdf(text: ProposalText, fontDir = DEFAULT_FONT_DIR, at = new Date()): Promise<Buffer> {
  const { doc } = await setPdf(proposalDocument(text), fontDir, at);
  return Buffer.from(await doc.save());
}

/** Sets an administrative document on A4 pages; refuses a letter the font lacks. */
async function setPdf(document: AdministrativeDocument, fontDir: string, at: Date): Promise<{ doc: PDFDocument; lastPage: PDFPage }> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc, fontDir);
  // A letter the font lacks would print as an empty box in a legal text: refuse instead.
  const letters = new Set([...stringsIn(document).join('')].map((c) => c.codePointAt(0)!).filter((c) => c > 32));
  for (const [style, f] of Object.entries(fonts)) {
    const has = new Set(f.getCharacterSet());
    const missing = [...letters].filter((c) => !has.has(c));
    if (missing.length) {
      const shown = missing.map((c) => String.fromCodePoint(c)).join(' ');
      throw unprocessable(
        'LETTER_NOT_PRINTABLE',
        `Văn bản có ký tự phông chữ không in được: ${shown}. Sửa tên hoặc nội dung cho đúng chữ tiếng Việt.`,
        `The ${style} font in ${fontDir} lacks ${shown}: correct the name or text (or install fonts-liberation2, or set DOCUMENT_FONT_DIR).`,
      );
    }
  }
  doc.setTitle(document.title);
  doc.setLanguage('vi-VN');
  doc.setCreator('Vinh Danh');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const layout = new Layout(doc, fonts);
  layout.header(document);
  for (const block of document.body) layout.block(block);
  layout.signature(document);
  if (document.appendix) {
    layout.newPage();
    for (const block of document.appendix) layout.block(block);
  }
  return { doc, lastPage: layout.page };
}

/** Every string a text holds, at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const fontFiles = new Map<string, Buffer>();

/** A font file read from disk once per process (the .docx writer embeds the same files). */
export function fontFile(fontDir: string, file: string): Buffer {
  const full = path.join(fontDir, file);
  if (!fontFiles.has(full)) fontFiles.set(full, fs.readFileSync(full));
  return fontFiles.get(full)!;
}

export const FONT_FILES = { regular: 'LiberationSerif-Regular.ttf', bold: 'LiberationSerif-Bold.ttf', italic: 'LiberationSerif-Italic.ttf', boldItalic: 'LiberationSerif-BoldItalic.ttf' } as const;

/** The four styles of Liberation Serif (embedding costs ~1.5 MB per file; a legal text needs every letter). */
async function embedFonts(doc: PDFDocument, fontDir: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  // Whole fonts: pdf-lib's subsetting drops the precomposed Vietnamese letters (Ủ, ế, ộ…).
  const embed = (file: string) => doc.embedFont(fontFile(fontDir, file), { subset: false });
  return { regular: await embed(FONT_FILES.regular), bold: await embed(FONT_FILES.bold), italic: await embed(FONT_FILES.italic), boldItalic: await embed(FONT_FILES.boldItalic) };
}

/** Lines set top-down with word wrap, a new page when one is full. */
class Layout {
  page: PDFPage;
  private y = PAGE.height - PAGE.top;
  private readonly width = PAGE.width - PAGE.left - PAGE.right;

  constructor(private readonly doc: PDFDocument, private readonly fonts: Fonts) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
  }

  header(d: AdministrativeDocument): void {
    const half = this.width / 2;
    const leftX = PAGE.left - 10 * MM;
    const rightX = PAGE.left + half - 15 * MM;
    const top = this.y;
    const column = (lines: { text: string; font: PDFFont; size: number; underline?: boolean }[], x: number, w: number) => {
      let y = top;
      for (const l of lines) {
        for (const part of this.wrap(l.text, l.font, l.size, w)) {
          const tw = l.font.widthOfTextAtSize(part, l.size);
          this.page.drawText(part, { x: x + (w - tw) / 2, y: y - l.size, size: l.size, font: l.font });
          y -= l.size * 1.25;
          if (l.underline) this.page.drawLine({ start: { x: x + (w - tw) / 2 + tw * 0.2, y: y + 2 }, end: { x: x + (w + tw) / 2 - tw * 0.2, y: y + 2 }, thickness: 0.6, color: rgb(0, 0, 0) });
        }
      }
      return y;
    };
    const leftEnd = column([{ text: d.issuer.toUpperCase(), font: this.fonts.bold, size: 12, underline: true }, { text: d.number, font: this.fonts.regular, size: BODY }], leftX, half);
    const rightEnd = column(
      [{ text: d.motto[0], font: this.fonts.bold, size: 12 }, { text: d.motto[1], font: this.fonts.bold, size: BODY, underline: true }, { text: d.placeDate, font: this.fonts.italic, size: BODY }],
      rightX,
      half + 25 * MM,
    );
    this.y = Math.min(leftEnd, rightEnd) - 12;
  }

  block(b: Block): void {
    if (b.kind === 'centered') this.centered(b.text, b.bold ? this.fonts.bold : this.fonts.regular, b.size ?? BODY);
    else if (b.kind === 'paragraph') this.paragraph(b.text, b.italic ? this.fonts.italic : this.fonts.regular, b.lead, (b.indentMm ?? 10) * MM);
    else if (b.kind === 'table') this.table(b);
    else this.y -= b.points;
  }

  private centered(text: string, font: PDFFont, size: number): void {
    for (const line of this.wrap(text, font, size, this.width)) {
      this.room(size);
      this.page.drawText(line, { x: PAGE.left + (this.width - font.widthOfTextAtSize(line, size)) / 2, y: this.y - size, size, font });
      this.y -= size * 1.3;
    }
  }

  /** A left-aligned paragraph, first-line indent; `lead` (Điều n.) set in bold. */
  private paragraph(text: string, font: PDFFont, lead: string | undefined, indent: number): void {
    const lines = this.wrap(text, font, BODY, this.width - indent);
    for (const [i, line] of lines.entries()) {
      this.room(BODY);
      const x = PAGE.left + (i === 0 ? indent : 0);
      if (i === 0 && lead && line.startsWith(lead)) {
        this.page.drawText(lead, { x, y: this.y - BODY, size: BODY, font: this.fonts.bold });
        this.page.drawText(line.slice(lead.length), { x: x + this.fonts.bold.widthOfTextAtSize(lead, BODY), y: this.y - BODY, size: BODY, font });
      } else {
        this.page.drawText(line, { x, y: this.y - BODY, size: BODY, font });
      }
      this.y -= BODY * 1.35;
    }
    this.y -= 3;
  }

  /** A ruled table; a row that does not fit starts a new page under a repeated header row. */
  private table(t: Extract<Block, { kind: 'table' }>): void {
    const size = 11;
    const pad = 3;
    const widths = t.columns.map((c) => (this.width * c.widthPct) / 100);
    const row = (cells: string[], font: PDFFont, header = false) => {
      const wrapped = cells.map((c, i) => this.wrap(c, font, size, widths[i] - 2 * pad));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.25 + 2 * pad;
      if (this.y - height < PAGE.bottom) {
        this.newPage();
        if (!header) row(t.columns.map((c) => c.title), this.fonts.bold, true);
      }
      let x = PAGE.left;
      for (const [i, lines] of wrapped.entries()) {
        this.page.drawRectangle({ x, y: this.y - height, width: widths[i], height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
        lines.forEach((line, n) => {
          const lx = header || i === 0 ? x + (widths[i] - font.widthOfTextAtSize(line, size)) / 2 : x + pad;
          this.page.drawText(line, { x: lx, y: this.y - pad - size - n * size * 1.25 + 2, size, font });
        });
        x += widths[i];
      }
      this.y -= height;
    };
    row(t.columns.map((c) => c.title), this.fonts.bold, true);
    for (const g of t.groups) {
      if (g.heading) {
        const line = this.wrap(g.heading, this.fonts.bold, size, this.width - 2 * pad);
        const height = line.length * size * 1.25 + 2 * pad;
        if (this.y - height < PAGE.bottom) this.newPage();
        this.page.drawRectangle({ x: PAGE.left, y: this.y - height, width: this.width, height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
        line.forEach((l, n) => this.page.drawText(l, { x: PAGE.left + pad, y: this.y - pad - size - n * size * 1.25 + 2, size, font: this.fonts.bold }));
        this.y -= height;
      }
      for (const r of g.rows) row(r, this.fonts.regular);
    }
  }

  /** The recipients (nơi nhận) at the left, the signature block at the right, side by side. */
  signature(d: AdministrativeDocument): void {
    this.y -= 10;
    this.room(110);
    const top = this.y;
    const w = this.width / 2;
    const line = (t: string, font: PDFFont, size: number, x: number, centred: boolean) => {
      for (const part of this.wrap(t, font, size, w)) {
        this.page.drawText(part, { x: centred ? x + (w - font.widthOfTextAtSize(part, size)) / 2 : x, y: this.y - size, size, font });
        this.y -= size * 1.3;
      }
    };
    line('Nơi nhận:', this.fonts.boldItalic, 12, PAGE.left, false);
    for (const r of d.recipients) line(`- ${r}`, this.fonts.regular, 11, PAGE.left, false);
    const leftEnd = this.y;
    this.y = top;
    const x = PAGE.left + w;
    for (const h of d.signature.heading) line(h, this.fonts.bold, 13, x, true);
    if (d.signature.note) line(d.signature.note, this.fonts.italic, 11, x, true);
    this.y -= 40;
    if (d.signature.name) line(d.signature.name, this.fonts.bold, BODY, x, true);
    this.y = Math.min(this.y, leftEnd);
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.top;
  }

  private room(points: number): void {
    if (this.y - points < PAGE.bottom) this.newPage();
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    // Breaks at ordinary spaces only: a no-break space holds its place (the clerk's blank for a number).
    for (const word of text.split(/[ \t\n]+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  }
}

/**
 * The certificates of a decision, one A4 landscape page per recipient, for printing in a batch.
 * Not signed: the signed decision is the legal act; a certificate is its printed token.
 */
export async function certificatesPdf(pages: CertificateText[], fontDir = DEFAULT_FONT_DIR): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { regular, bold, italic } = await embedFonts(doc, fontDir);
  doc.setLanguage('vi-VN');
  doc.setCreator('Vinh Danh');
  const [width, height] = [PAGE.height, PAGE.width];
  for (const c of pages) {
    const page = doc.addPage([width, height]);
    page.drawRectangle({ x: 12 * MM, y: 12 * MM, width: width - 24 * MM, height: height - 24 * MM, borderColor: rgb(0.6, 0.1, 0.1), borderWidth: 3 });
    let y = height - 30 * MM;
    const centered = (text: string, f: PDFFont, size: number, color = rgb(0, 0, 0)) => {
      page.drawText(text, { x: (width - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f, color });
      y -= size * 1.5;
    };
    centered(c.motto[0], bold, 14);
    centered(c.motto[1], bold, 14);
    y -= 10;
    centered(c.authority, bold, 16);
    centered(c.verb, regular, 16);
    y -= 6;
    centered(c.award, bold, c.award.length > 40 ? 24 : 32, rgb(0.6, 0.1, 0.1));
    y -= 10;
    centered(c.recipient, bold, 22);
    y -= 14;
    centered(c.reference, italic, 13);
    y = 45 * MM;
    const right = (text: string, f: PDFFont, size: number) => {
      page.drawText(text, { x: width * 0.72 - f.widthOfTextAtSize(text, size) / 2, y, size, font: f });
      y -= size * 1.5;
    };
    right(c.placeDate, italic, 13);
    y -= 40;
    right(c.signer, bold, 14);
  }
  return Buffer.from(await doc.save());
}
