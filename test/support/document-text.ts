import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';

/**
 * The text a reader sees in a generated document, to check it as the reader would. PDF: poppler's
 * `pdftotext -raw` (Debian's poppler-utils, installed by .ci/run), in the order the text was set and
 * through the fonts' ToUnicode maps, so a letter the PDF cannot give back as text fails here. .docx: the runs of word/document.xml,
 * one line per paragraph.
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).normalize('NFC');
}

export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .map((line) => line.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .join('\n');
}

/** Whitespace folded, so a line break set by the layout does not split a phrase the test looks for. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
