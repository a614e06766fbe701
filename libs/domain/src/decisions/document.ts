import { authorityOf, inVietnameseOrder, MOTTO, placeDateLine, signerTitleOf } from './administrative';
import type { Bonus } from './bonus';

/** What a decision document needs to know (the API's DecisionView carries it). */
export interface DecisionFacts {
  number: string;
  kind: 'AWARD' | 'REVOCATION';
  issuerNameVi: string;
  issuedOn: string;
  place: string;
  titleVi: string;
  awardCode: string | null;
  basisVi: string[];
  signerName: string;
  recipients: { nomineeName: string; nomineeKind: string; posthumous: boolean; bonus: Bonus | null }[];
  revokes: { nomineeName: string; decisionNumber: string; issuerNameVi: string; reason: string }[];
}

/** One article (Điều): its text and, for Article 1 of an award, the recipients listed under it. */
export interface Article {
  number: number;
  text: string;
  list?: string[];
}

/**
 * The text of a decision in the administrative layout of Decree 30/2020/NĐ-CP: issuer and number,
 * the national motto, place and date, the title (trích yếu), the authority, the legal bases, the
 * articles and the signature. Always Vietnamese: it is the legal text. The web page and the signed
 * PDF both set this same text, so what is printed is what is signed.
 */
export function decisionText(d: DecisionFacts, awardNameVi: (code: string) => string) {
  const subject = d.titleVi.replace(/^Quyết định\s+/i, '');
  const recipients = inVietnameseOrder(d.recipients);
  const who = d.recipients.length > 1 ? 'tập thể, cá nhân' : d.recipients[0]?.nomineeKind === 'COLLECTIVE' ? 'tập thể' : d.recipients[0]?.nomineeKind === 'HOUSEHOLD' ? 'hộ gia đình' : 'cá nhân';
  const award = d.awardCode ? awardNameVi(d.awardCode) : '';
  const verb = /công nhận danh hiệu/i.test(d.titleVi) ? `Công nhận danh hiệu "${award}"` : `Tặng ${award}`;
  const bonusOf = recipients.find((r) => r.bonus)?.bonus;
  const articles: Article[] =
    d.kind === 'REVOCATION'
      ? d.revokes.map((r, i) => ({ number: i + 1, text: `Hủy bỏ khen thưởng đối với ${r.nomineeName} tại Quyết định số ${r.decisionNumber} của ${r.issuerNameVi}; thu hồi hiện vật và tiền thưởng đã nhận. Lý do: ${r.reason}` }))
      : [
          {
            number: 1,
            text: `${verb} cho ${d.recipients.length} ${who} có tên sau${recipients.some((r) => r.posthumous) ? ' (truy tặng đối với người đã mất)' : ''}:`,
            list: recipients.map((r) => `${r.nomineeName}${r.posthumous ? ' (truy tặng)' : ''}${r.bonus ? ` — tiền thưởng ${VND.format(r.bonus.amountVnd)} đồng (${String(r.bonus.multiple).replace('.', ',')} lần mức lương cơ sở)` : ''}`),
          },
          ...(bonusOf
            ? [{ number: 2, text: `Tiền thưởng tính theo mức lương cơ sở ${VND.format(bonusOf.baseSalaryVnd)} đồng (${bonusOf.baseSalarySource}) tại ngày ký, chi từ quỹ thi đua, khen thưởng theo quy định.` }]
            : []),
        ];
  articles.push({ number: articles.length + 1, text: 'Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' });
  return {
    issuer: d.issuerNameVi,
    number: `Số: ${d.number}`,
    motto: MOTTO,
    placeDate: placeDate(d),
    title: 'QUYẾT ĐỊNH',
    subject: subject.charAt(0).toUpperCase() + subject.slice(1),
    authority: authorityOf(d.issuerNameVi),
    bases: [...d.basisVi, 'Xét đề nghị của cơ quan thẩm định và kết quả xét duyệt trên hệ thống Vinh Danh,'],
    decides: 'QUYẾT ĐỊNH:',
    articles,
    signer: d.signerName,
    signerTitle: signerTitleOf(d.issuerNameVi, false),
    // Nơi nhận (Decree 30 Appendix I): those the last article charges, and the issuer's archive.
    recipients: [`Như Điều ${articles.length};`, 'Lưu: VT.'],
  };
}

export type DecisionText = ReturnType<typeof decisionText>;

const VND = new Intl.NumberFormat('vi-VN');

/** One certificate page (Bằng khen, Giấy khen, or a title's certificate) per recipient of a decision. */
export function certificateTexts(d: DecisionFacts, awardNameVi: (code: string) => string) {
  const [yyyy, mm, dd] = d.issuedOn.split('-');
  const award = d.awardCode ? awardNameVi(d.awardCode) : '';
  const isTitle = /công nhận danh hiệu/i.test(d.titleVi);
  return inVietnameseOrder(d.recipients).map((r) => ({
    motto: MOTTO,
    authority: authorityOf(d.issuerNameVi).toUpperCase(),
    verb: isTitle ? 'Công nhận danh hiệu' : 'Tặng',
    award: award.toUpperCase(),
    recipient: `${r.posthumous ? 'Truy tặng: ' : ''}${r.nomineeName}`,
    reference: `Quyết định số ${d.number} ngày ${dd}/${mm}/${yyyy}`,
    placeDate: placeDate(d),
    signer: d.signerName,
  }));
}


const placeDate = (d: DecisionFacts) => placeDateLine(d.place, d.issuedOn);

export type CertificateText = ReturnType<typeof certificateTexts>[number];
