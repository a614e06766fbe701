import type { DecisionText, ProposalText } from '@vinhdanh/domain/decisions';

/**
 * An administrative document (văn bản hành chính) as the writers set it: the Decree 30/2020
 * header, a body of blocks, the signature with the recipients (nơi nhận), and an optional appendix
 * on its own page. The domain decides the words; this decides only their arrangement, once for the
 * PDF and the .docx alike, so the two files show the same document.
 */
export interface AdministrativeDocument {
  /** The file's title metadata. */
  title: string;
  issuer: string;
  number: string;
  motto: readonly [string, string];
  placeDate: string;
  body: Block[];
  signature: { heading: string[]; note?: string; name: string };
  recipients: string[];
  appendix?: Block[];
}

export type Block =
  | { kind: 'centered'; text: string; bold?: boolean; size?: number }
  | { kind: 'paragraph'; text: string; italic?: boolean; lead?: string; indentMm?: number }
  | { kind: 'table'; columns: { title: string; widthPct: number }[]; groups: { heading?: string; rows: string[][] }[] }
  | { kind: 'gap'; points: number };

/** The Decree 30 header every document opens with. */
function header(t: Pick<AdministrativeDocument, 'issuer' | 'number' | 'motto' | 'placeDate'>) {
  return { issuer: t.issuer, number: t.number, motto: t.motto, placeDate: t.placeDate };
}

/** The decision (quyết định): title, authority, bases, "QUYẾT ĐỊNH:", its articles. */
export function decisionDocument(text: DecisionText, signedNote?: string): AdministrativeDocument {
  const body: Block[] = [
    { kind: 'centered', text: text.title, bold: true, size: 14 },
    { kind: 'centered', text: text.subject, bold: true, size: 14 },
    { kind: 'gap', points: 6 },
    { kind: 'centered', text: text.authority.toUpperCase(), bold: true },
    { kind: 'gap', points: 6 },
    ...text.bases.map((b): Block => ({ kind: 'paragraph', text: b, italic: true })),
    { kind: 'gap', points: 4 },
    { kind: 'centered', text: text.decides, bold: true },
  ];
  for (const a of text.articles) {
    body.push({ kind: 'paragraph', text: `Điều ${a.number}. ${a.text}`, lead: `Điều ${a.number}.` });
    for (const [i, line] of (a.list ?? []).entries()) body.push({ kind: 'paragraph', text: `${i + 1}. ${line}` });
  }
  return {
    title: `${text.title} ${text.number}`,
    ...header(text),
    body,
    signature: { heading: text.signerTitle, note: signedNote, name: text.signer },
    recipients: text.recipients,
  };
}

/** The proposal letter (tờ trình) with its list (danh sách) as the appendix. */
export function proposalDocument(text: ProposalText): AdministrativeDocument {
  return {
    title: `${text.title} ${text.subject}`,
    ...header(text),
    body: [
      { kind: 'centered', text: text.title, bold: true, size: 14 },
      { kind: 'centered', text: text.subject, bold: true },
      { kind: 'gap', points: 6 },
      { kind: 'centered', text: text.addressee },
      { kind: 'gap', points: 6 },
      ...text.paragraphs.map((p): Block => ({ kind: 'paragraph', text: p })),
    ],
    // Signed by the office's head in its own document system: the block is left for the signature.
    signature: { heading: text.signerTitle, name: '' },
    recipients: text.recipients,
    appendix: [
      { kind: 'centered', text: text.list.title, bold: true, size: 14 },
      { kind: 'centered', text: text.list.subtitle, size: 12 },
      { kind: 'gap', points: 8 },
      {
        kind: 'table',
        columns: [
          { title: text.list.columns[0], widthPct: 7 },
          { title: text.list.columns[1], widthPct: 25 },
          { title: text.list.columns[2], widthPct: 25 },
          { title: text.list.columns[3], widthPct: 43 },
        ],
        groups: text.list.groups,
      },
    ],
  };
}
