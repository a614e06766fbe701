import { authorityOf, inVietnameseOrder, legalBasesOn, MOTTO, placeDateLine, signerTitleOf } from './administrative';

/** One nominee on a proposal's list (danh sách đề nghị). */
export interface ProposalItem {
  nomineeName: string;
  nomineeKind: string;
  position: string | null;
  unitNameVi: string;
  awardCode: string;
  /** TITLE (công nhận danh hiệu) or a form (tặng). */
  awardKind: string;
  achievements: string;
  posthumous: boolean;
  frontLine: boolean;
}

/** What a proposal letter (tờ trình) needs: who proposes, to whom, through whom, when, and the list. */
export interface ProposalFacts {
  proposerNameVi: string;
  /** The proposer's number symbol (ký hiệu), e.g. SGDĐT: the letter is `Số: …/TTr-SGDĐT`. */
  proposerCode: string;
  addresseeNameVi: string;
  /** The body that appraises the proposal for the addressee (Sở Nội vụ, Ban TĐKT Trung ương). */
  throughNameVi: string | null;
  place: string;
  /** The day the level forwarded the proposals (the latest, for a list forwarded over several days). */
  date: string;
  year: number;
  items: ProposalItem[];
}

/** The longest summary of achievements a list row carries; the full report is in the dossier. */
const SUMMARY_CHARS = 400;

/**
 * The proposal letter (tờ trình) and its list (danh sách) that a level sends upward with the
 * proposals it forwards, in the administrative layout of Decree 30/2020/NĐ-CP. The number is left
 * for the office's clerk (văn thư), who registers and numbers outgoing documents, and the signature
 * for its head: the letter is the office's own act, drafted here from what the workflow recorded.
 */
export function proposalText(p: ProposalFacts, awardNameVi: (code: string) => string) {
  const awards = [...new Set(p.items.map((i) => i.awardCode))];
  const verbOf = (code: string) => {
    const item = p.items.find((i) => i.awardCode === code)!;
    return item.awardKind === 'TITLE' ? `công nhận danh hiệu "${awardNameVi(code)}"` : `tặng ${awardNameVi(code)}`;
  };
  const what = awards.length === 1 ? verbOf(awards[0]) : 'khen thưởng';
  const addressee = authorityOf(p.addresseeNameVi);
  const kinds = new Set(p.items.map((i) => i.nomineeKind));
  const who = kinds.size > 1 ? 'tập thể, cá nhân' : kinds.has('COLLECTIVE') ? 'tập thể' : kinds.has('HOUSEHOLD') ? 'hộ gia đình' : 'cá nhân';
  const frontLine = p.items.filter((i) => i.frontLine).length;
  // The space the clerk writes the number into: no-break spaces, so no layout folds it away.
  const blank = '\u00a0'.repeat(8);
  const number = `Số:${blank}/TTr-${p.proposerCode}`;
  const paragraphs = [
    ...legalBasesOn(p.date),
    `Căn cứ kết quả xét duyệt của ${p.proposerNameVi} trên hệ thống Vinh Danh,`,
    `${p.proposerNameVi} kính trình ${addressee} xem xét, ${what} năm ${p.year} cho ${p.items.length} ${who} đã có thành tích xuất sắc${frontLine ? `, trong đó ${frontLine} là người lao động trực tiếp hoặc tập thể nhỏ` : ''} (có danh sách kèm theo).`,
    ...(p.throughNameVi ? [`Hồ sơ đề nghị được gửi qua ${p.throughNameVi} để thẩm định theo quy định.`] : []),
    `Kính trình ${addressee} xem xét, quyết định./.`,
  ];
  const [yyyy, mm, dd] = p.date.split('-');
  return {
    issuer: p.proposerNameVi,
    number,
    motto: MOTTO,
    placeDate: placeDateLine(p.place, p.date),
    title: 'TỜ TRÌNH',
    subject: `Về việc đề nghị ${what} năm ${p.year}`,
    addressee: `Kính gửi: ${addressee}`,
    paragraphs,
    signerTitle: signerTitleOf(p.proposerNameVi, true),
    recipients: ['Như trên;', ...(p.throughNameVi ? [`${p.throughNameVi} (để thẩm định);`] : []), 'Lưu: VT.'],
    list: {
      title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
      subtitle: `(Kèm theo Tờ trình số${blank}/TTr-${p.proposerCode} ngày ${dd} tháng ${mm} năm ${yyyy} của ${p.proposerNameVi})`,
      columns: ['STT', 'Họ và tên / tên tập thể', 'Chức vụ, đơn vị', 'Tóm tắt thành tích'],
      groups: awards.map((code, i) => ({
        heading: `${ROMAN[i] ?? i + 1}. Đề nghị ${verbOf(code)}`,
        rows: inVietnameseOrder(p.items.filter((it) => it.awardCode === code)).map((it, n) => [
          String(n + 1),
          `${it.nomineeName}${it.posthumous ? ' (truy tặng)' : ''}`,
          [it.position, it.unitNameVi].filter(Boolean).join(', '),
          summary(it.achievements),
        ]),
      })),
    },
  };
}

export type ProposalText = ReturnType<typeof proposalText>;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function summary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_CHARS ? flat : `${flat.slice(0, SUMMARY_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}
