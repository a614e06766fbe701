import {
  ART5_2, ART79, ART80_1, ART80_2, ART80_3, ART80_4, ART83_2, ART83_4, D129_COMMUNE, D152_ART21, D152_ART44_2, D152_ART54, D86_FRAMEWORK, D98_ART3, D98_ART46_1, D98_ART46_2, D98_ART54,
  D98_ART55, C01_RECRUITED, art, inferred, unnumbered, LAW,
} from './citations';
import { FORM_DOCS, TITLE_DOCS, TITLE_WITH_INITIATIVE_DOCS, simplifiedDocs } from './documents';
import type { AwardCode, AwardDefinition, Authority, Citation, CriterionDefinition } from './types';

/**
 * The award ladder under Law 06/2022/QH15, as two catalogue versions: 2024.1 (Decree 98/2023, from
 * 01/01/2024) and 2025.2 (Decree 152/2025 and Decree 129/2025, from 01/07/2025: districts gone,
 * commune chairmen decide grassroots titles). Paraphrased from the sources in docs/law.md; where
 * the law is qualitative or its text was not retrieved, the criterion says the reviewer judges.
 */
export type Era = '2024.1' | '2025.2';

const rule = (id: string, vi: string, en: string, citation: Citation[], extra: Partial<CriterionDefinition> = {}): CriterionDefinition => ({ id, vi, en, citation, judgedBy: 'RULE', ...extra });
const judged = (id: string, vi: string, en: string, citation: Citation[], extra: Partial<CriterionDefinition> = {}): CriterionDefinition => ({ id, vi, en, citation, judgedBy: 'REVIEWER', ...extra });
const option = (group: string, name: string, vi: string, en: string) => ({ oneOf: { group, option: name, label: { vi, en } } });

const UNIT = ['UNIT'] as const;
const TO_PROVINCE = ['UNIT', 'PROVINCE'] as const;
const TO_CENTRAL = ['UNIT', 'PROVINCE', 'CENTRAL'] as const;
const provinceCouncil = { level: 'PROVINCE' as const, required: true, ruleKey: 'PROVINCE_DEFAULT' };
const centralCouncil = { level: 'CENTRAL' as const, required: true, ruleKey: 'CENTRAL_DEFAULT' };
const unitCouncil = { level: 'UNIT' as const, required: true, ruleKey: 'UNIT_DEFAULT' };

export function awardsOf(era: Era): Partial<Record<AwardCode, AwardDefinition>> {
  const v2025 = era === '2025.2';
  const posting: Citation[] = v2025 ? [D152_ART44_2] : [D98_ART46_2];
  const consultation: Citation[] = v2025 ? [D152_ART44_2] : [D98_ART46_1];
  const stateDisclosure = { days: 10, unit: 'WORKING_DAYS' as const, level: 'PROVINCE' as const, citation: posting };
  const centralConsultation = { workingDays: 10, citation: consultation };
  // Bonuses: Decree 98 Art 54–55 give the figures; whether Decree 152 changed them is not verified.
  const titleBonus = (individual: number | undefined, collective?: number): AwardDefinition['bonus'] => ({ ...(individual ? { individual } : {}), ...(collective ? { collective } : {}), citation: v2025 ? [D98_ART54, D152_ART54] : [D98_ART54], uncertain: v2025 });
  const orderBonus = (individual: number): AwardDefinition['bonus'] => ({ individual, collective: individual * 2, citation: [D98_ART55], uncertain: true });
  const formBonus = (individual: number): AwardDefinition['bonus'] => ({ individual, collective: individual * 2, household: individual * 2, citation: v2025 ? [D152_ART54] : [D98_ART54], uncertain: true });

  const unitHead: Authority = { vi: 'Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân; giám đốc doanh nghiệp', en: 'Head of an agency or unit with legal personality; enterprise director', citation: [ART80_1, ART80_4] };
  const grassroots: Authority = v2025
    ? { vi: 'Thủ trưởng đơn vị; với đơn vị do xã quản lý: Chủ tịch UBND cấp xã (Nghị định 129/2025, từ 01/07/2025)', en: 'Unit head; for commune-managed units the commune Chairman (Decree 129/2025, from 01/07/2025)', citation: [ART80_1, ART80_3, D129_COMMUNE] }
    : unitHead;
  const communeChair: Authority = { vi: 'Chủ tịch UBND cấp xã', en: "Commune People's Committee Chairman", citation: v2025 ? [ART80_3, D129_COMMUNE] : [ART80_3] };
  const districtChair: Authority = { vi: 'Chủ tịch UBND cấp huyện (đến 30/06/2025)', en: "District People's Committee Chairman (until 30/06/2025)", citation: [ART80_2] };
  const provinceChair: Authority = { vi: 'Chủ tịch UBND tỉnh', en: "Chairman of the provincial People's Committee", citation: [ART79] };
  // Decree 98 is cited only while it details the Law (to 30/06/2025); Decree 152's article is not verified.
  const primeMinister: Authority = { vi: 'Thủ tướng Chính phủ (theo đề nghị của Chủ tịch UBND tỉnh)', en: 'Prime Minister, on the provincial Chairman’s proposal', citation: v2025 ? [ART83_4] : [ART83_4, D98_ART3] };
  const government: Authority = { vi: 'Chính phủ (Thủ tướng ký), theo đề nghị của Chủ tịch UBND tỉnh', en: 'The Government (signed by the Prime Minister), on the provincial Chairman’s proposal', citation: [ART83_4] };
  const president: Authority = { vi: 'Chủ tịch nước, theo đề nghị của Thủ tướng Chính phủ', en: 'The President, on the Prime Minister’s proposal', citation: [ART83_2] };

  const ldttCriteria = [
    rule('LDTT.rating', 'Xếp loại hoàn thành tốt nhiệm vụ trở lên trong năm', 'Rated ‘good’ or better in the year', [art('24', '1', 'a', 'S13')]),
    rule('LDTT.recruited', 'Không xét người mới tuyển dụng dưới 6 tháng', 'Not for people recruited less than 6 months before the review', [C01_RECRUITED]),
    judged('LDTT.spirit', 'Tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua', 'Self-reliance, solidarity, active part in emulation', [art('24', '1', 'b', 'S13')]),
  ];

  const awards: Partial<Record<AwardCode, AwardDefinition>> = {
    LDTT: {
      code: 'LDTT', nameVi: 'Lao động tiên tiến', nameEn: 'Advanced worker', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['INDIVIDUAL'], decidingLevel: 'UNIT', decider: grassroots, route: [...UNIT], council: [],
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'UNCERTAIN', bonus: titleBonus(0.3),
      criteria: ldttCriteria,
    },
    CSTDCS: {
      code: 'CSTDCS', nameVi: 'Chiến sĩ thi đua cơ sở', nameEn: 'Grassroots emulation fighter', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['INDIVIDUAL'], decidingLevel: 'UNIT', decider: grassroots, route: [...UNIT], council: [unitCouncil],
      requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'UNCERTAIN', bonus: titleBonus(1.0),
      criteria: [
        rule('CSTDCS.ldtt', 'Đạt tiêu chuẩn Lao động tiên tiến (xếp loại và thời gian công tác)', 'Meets the advanced-worker standard (rating and length of service)', [art('23', '1', undefined, 'S11'), C01_RECRUITED]),
        // The advanced-worker standard has a qualitative half too (Art 24(1)(b)), which only a person can judge.
        judged('CSTDCS.ldttSpirit', 'Tiêu chuẩn Lao động tiên tiến: tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua', 'Advanced-worker standard: self-reliance, solidarity, active part in emulation', [art('23', '1', undefined, 'S11'), art('24', '1', 'b', 'S13')]),
        rule('CSTDCS.excellent', 'Hoàn thành xuất sắc nhiệm vụ', 'Rated ‘excellent’', [art('23', '2', undefined, 'S11')], option('23(2)', 'excellent', 'hoàn thành xuất sắc nhiệm vụ', 'rated ‘excellent’')),
        rule('CSTDCS.initiative', 'Có sáng kiến được cơ sở công nhận', 'An initiative recognised at grassroots', [art('23', '2', undefined, 'S11')], option('23(2)', 'initiative', 'sáng kiến', 'an initiative')),
        rule('CSTDCS.scienceTech', 'Có đề tài khoa học được nghiệm thu', 'An accepted S&T work', [art('23', '2', undefined, 'S11')], option('23(2)', 'science', 'đề tài khoa học', 'an S&T work')),
        rule('CSTDCS.combat', 'Có mưu trí, sáng tạo trong chiến đấu được đơn vị công nhận', 'Combat ingenuity recognised by the unit', [art('23', '2', undefined, 'S11')], option('23(2)', 'combat', 'mưu trí, sáng tạo trong chiến đấu', 'combat ingenuity')),
      ],
    },
    CSTD_TINH: {
      code: 'CSTD_TINH', nameVi: 'Chiến sĩ thi đua cấp tỉnh', nameEn: 'Provincial emulation fighter', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['INDIVIDUAL'], decidingLevel: 'PROVINCE', decider: provinceChair, route: [...TO_PROVINCE], council: [provinceCouncil],
      requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'UNCERTAIN', bonus: titleBonus(3.0),
      criteria: [
        rule('CSTD_TINH.cstdcs3', '3 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần cuối vào năm đề nghị', 'Three consecutive grassroots emulation-fighter titles, the last in the proposal year', [art('22', undefined, undefined, 'S14')]),
        rule('CSTD_TINH.initiative', 'Sáng kiến / đề tài / mưu trí chiến đấu có phạm vi ảnh hưởng cấp tỉnh trong thời gian đó', 'An initiative / S&T work / combat ingenuity of province-wide influence in that period', [art('22', undefined, undefined, 'S14')]),
      ],
    },
    CSTD_TQ: {
      code: 'CSTD_TQ', nameVi: 'Chiến sĩ thi đua toàn quốc', nameEn: 'National emulation fighter', tier: 'STATE', kind: 'TITLE',
      recipientKinds: ['INDIVIDUAL'], decidingLevel: 'CENTRAL', decider: primeMinister, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      publicDisclosure: stateDisclosure, centralConsultation, requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'UNCERTAIN', bonus: titleBonus(4.5),
      criteria: [
        rule('CSTD_TQ.tinh2', '2 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh (hai chu kỳ kế tiếp), lần sau vào năm đề nghị', 'Two consecutive provincial emulation-fighter titles (back-to-back cycles), the later in the proposal year', [art('21', '1', undefined, 'S15')]),
        rule('CSTD_TQ.initiative', 'Sáng kiến / đề tài có phạm vi ảnh hưởng toàn quốc, được người đứng đầu bộ, tỉnh công nhận, trong thời gian hai danh hiệu đó', 'An initiative / S&T work of nationwide influence, recognised by the head of the ministry or province, within the period of the two titles', [art('21', '1', undefined, 'S15'), art('21', '2', undefined, 'S15')]),
      ],
    },
    TTLDTT: {
      code: 'TTLDTT', nameVi: 'Tập thể lao động tiên tiến', nameEn: 'Advanced labour collective', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'], decidingLevel: 'UNIT', decider: grassroots, route: [...UNIT], council: [],
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: titleBonus(undefined, 0.8),
      criteria: [
        rule('TTLDTT.rating', 'Hoàn thành tốt nhiệm vụ trở lên', 'Rated ‘good’ or better', [art('28', '1', undefined, 'S18')]),
        rule('TTLDTT.ldtt70', 'Ít nhất 70% thành viên đạt Lao động tiên tiến (tỷ lệ cấu hình được: văn bản gốc chưa xác minh)', 'At least 70 % of members are advanced workers (configurable: primary text not verified)', [art('28', '1', undefined, 'S18')]),
        rule('TTLDTT.discipline', 'Không có thành viên bị kỷ luật từ cảnh cáo trở lên', 'No member disciplined at warning or above', [art('28', '1', undefined, 'S19')]),
        judged('TTLDTT.spirit', 'Phong trào thi đua thường xuyên, thiết thực; nội bộ đoàn kết', 'Regular, practical emulation; internal solidarity', [art('28', '1', undefined, 'S18')]),
      ],
    },
    TTLDXS: {
      code: 'TTLDXS', nameVi: 'Tập thể lao động xuất sắc', nameEn: 'Excellent labour collective', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'], decidingLevel: 'PROVINCE', decider: provinceChair, route: [...TO_PROVINCE], council: [provinceCouncil],
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: titleBonus(undefined, 1.5),
      criteria: [
        rule('TTLDXS.rating', 'Hoàn thành xuất sắc nhiệm vụ', 'Rated ‘excellent’', [art('27', '1', undefined, 'S17')]),
        rule('TTLDXS.all', '100% thành viên hoàn thành nhiệm vụ', 'All members complete their tasks', [art('27', '1', undefined, 'S17')]),
        rule('TTLDXS.ldtt70', 'Ít nhất 70% thành viên đạt Lao động tiên tiến', 'At least 70 % of members are advanced workers', [art('27', '1', undefined, 'S17')]),
        rule('TTLDXS.cstdcs', 'Có ít nhất 01 cá nhân đạt Chiến sĩ thi đua cơ sở', 'At least one member is a grassroots emulation fighter', [art('27', '1', undefined, 'S17')]),
        judged('TTLDXS.spirit', 'Phong trào thi đua sâu rộng; nội bộ đoàn kết, chấp hành tốt chủ trương, pháp luật', 'Broad emulation; solidarity and compliance', [art('27', '1', undefined, 'S17')]),
      ],
    },
    CO_TINH: {
      code: 'CO_TINH', nameVi: 'Cờ thi đua của Ủy ban nhân dân tỉnh', nameEn: 'Provincial emulation flag', tier: 'EMULATION_TITLE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'], decidingLevel: 'PROVINCE', decider: provinceChair, route: [...TO_PROVINCE], council: [provinceCouncil],
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: { collective: 8.0, citation: [D98_ART54], uncertain: true },
      criteria: [
        rule('CO_TINH.leader', 'Dẫn đầu cụm, khối thi đua do tỉnh tổ chức trong năm (xét qua cụm, khối thi đua)', 'Leads an emulation cluster or block organised by the province in the year (chosen through the clusters and blocks)', [art('16', '2', 'c', 'S1'), inferred(art('26', undefined, undefined, 'S58'), 'tiêu chuẩn Điều 26 chưa thu thập; theo thực tiễn chọn trong số đơn vị dẫn đầu cụm, khối', 'Art 26 criteria not retrieved; in practice chosen among cluster and block leaders')]),
        judged('CO_TINH.criteria', 'Các tiêu chuẩn khác của Điều 26 (do tỉnh quy định chi tiết)', 'The other criteria of Art 26 (detailed by the province)', [inferred(art('26', '3', undefined, 'S58'), 'nội dung Điều 26 chưa thu thập', 'Art 26 text not retrieved')]),
      ],
    },
    CO_CP: {
      code: 'CO_CP', nameVi: 'Cờ thi đua của Chính phủ', nameEn: 'Government emulation flag', tier: 'STATE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'], decidingLevel: 'CENTRAL', decider: government, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: titleBonus(undefined, 12.0),
      criteria: [
        rule('CO_CP.1.leader', 'Dẫn đầu cụm, khối thi đua do bộ, tỉnh tổ chức trong năm', 'Leads a cluster or block organised by a ministry or province in the year', [art('25', '1', undefined, 'S16')], option('25', '1', 'khoản 1 (dẫn đầu cụm, khối của bộ, tỉnh)', 'clause 1 (leads a ministry or province cluster)')),
        judged('CO_CP.1.a', 'Thành tích, kết quả xuất sắc, vượt các chỉ tiêu thi đua', 'Excellent results exceeding the emulation targets', [art('25', '1', 'a', 'S16')], option('25', '1', 'khoản 1 (dẫn đầu cụm, khối của bộ, tỉnh)', 'clause 1 (leads a ministry or province cluster)')),
        judged('CO_CP.1.b', 'Nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch vững mạnh; đi đầu thực hành tiết kiệm, chống tham nhũng', 'Solidarity; clean party and mass organisations; leads on thrift and anti-corruption', [art('25', '1', 'b', 'S16')], option('25', '1', 'khoản 1 (dẫn đầu cụm, khối của bộ, tỉnh)', 'clause 1 (leads a ministry or province cluster)')),
        rule('CO_CP.2', 'Dẫn đầu cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng Trung ương tổ chức', 'Leads a cluster or block organised by the Central Council', [art('25', '2', undefined, 'S16')], option('25', '2', 'khoản 2 (dẫn đầu cụm, khối của Hội đồng Trung ương)', 'clause 2 (leads a Central Council cluster)')),
        judged('CO_CP.3', 'Dẫn đầu phong trào thi đua do Thủ tướng phát động từ 5 năm trở lên, khi tổng kết', 'Leads a movement of the Prime Minister lasting five years or more, at its review', [art('25', '3', undefined, 'S16')], option('25', '3', 'khoản 3 (dẫn đầu phong trào từ 5 năm)', 'clause 3 (leads a five-year movement)')),
      ],
    },
    GK_DONVI: {
      code: 'GK_DONVI', nameVi: 'Giấy khen của Thủ trưởng cơ quan, đơn vị', nameEn: 'Certificate of commendation of the unit head', tier: 'GIAY_KHEN', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'UNIT', decider: grassroots, route: [...UNIT], council: [],
      requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'UNCERTAIN', bonus: formBonus(0.3),
      criteria: giayKhenCriteria('tỉnh, bộ', 'ministry or province'),
    },
    GK_XA: {
      code: 'GK_XA', nameVi: 'Giấy khen của Chủ tịch UBND cấp xã', nameEn: "Certificate of commendation of the commune People's Committee Chairman", tier: 'GIAY_KHEN', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'UNIT', decider: communeChair,
      route: [...UNIT], council: [], requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'UNCERTAIN', bonus: formBonus(0.3),
      criteria: giayKhenCriteria('tỉnh', 'province'),
    },
    BK_TINH: {
      code: 'BK_TINH', nameVi: 'Bằng khen của Chủ tịch UBND tỉnh', nameEn: "Certificate of merit of the provincial People's Committee Chairman", tier: 'BANG_KHEN_TINH', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'PROVINCE', decider: provinceChair, route: [...TO_PROVINCE],
      // Proposals to the Chairman go through the provincial council (via Sở Nội vụ): docs/law.md.
      council: [provinceCouncil], requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'ALLOWED', bonus: formBonus(1.0),
      criteria: [
        judged('BK_TINH.a', 'Điều 74 khoản 1 điểm a (thành tích trong phong trào thi đua): văn bản chưa xác minh', 'Art 74(1)(a) (achievements in emulation movements): text not verified', [art('74', '1', 'a', 'S25')], { ...option('74(1)', 'a', 'điểm a', 'point (a)'), appliesTo: ['INDIVIDUAL'] }),
        judged('BK_TINH.bc', 'Điều 74 khoản 1 điểm b, c (thành tích có phạm vi ảnh hưởng, đột xuất): văn bản chưa xác minh', 'Art 74(1)(b),(c) (wider-influence or sudden achievements): text not verified', [art('74', '1', 'b', 'S25'), art('74', '1', 'c', 'S25')], { ...option('74(1)', 'bc', 'điểm b, c', 'points (b)–(c)'), appliesTo: ['INDIVIDUAL'] }),
        rule('BK_TINH.d.titles', 'Điều 74 khoản 1 điểm d: 2 lần liên tục Chiến sĩ thi đua cơ sở, lần sau vào năm đề nghị', 'Art 74(1)(d): two or more consecutive grassroots emulation-fighter titles, the last in the proposal year', [art('74', '1', 'd', 'S25')], { ...option('74(1)', 'd.titles', 'điểm d (Chiến sĩ thi đua cơ sở)', 'point (d), emulation-fighter titles'), appliesTo: ['INDIVIDUAL'] }),
        rule('BK_TINH.d.initiatives', 'Điều 74 khoản 1 điểm d: từ 2 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ đến năm đề nghị, trong thời gian đó có 2 sáng kiến (hoặc 2 đề tài) được công nhận, áp dụng ở cơ sở', 'Art 74(1)(d): two or more consecutive ‘excellent’ years up to the proposal, with two initiatives (or S&T works) recognised and applied at grassroots within them', [art('74', '1', 'd', 'S25')], { ...option('74(1)', 'd.initiatives', 'điểm d (sáng kiến, đề tài)', 'point (d), initiatives'), appliesTo: ['INDIVIDUAL'] }),
        judged('BK_TINH.collective', 'Tiêu chuẩn cho tập thể, hộ gia đình (Điều 74 khoản 2, 3): văn bản chưa xác minh', 'Criteria for collectives and households (Art 74(2),(3)): text not verified', [art('74', '2', undefined, 'S25'), art('74', '3', undefined, 'S25')], { appliesTo: ['COLLECTIVE', 'HOUSEHOLD'] }),
      ],
    },
    BK_TTG: {
      code: 'BK_TTG', nameVi: 'Bằng khen của Thủ tướng Chính phủ', nameEn: "Prime Minister's certificate of merit", tier: 'STATE', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'CENTRAL', decider: primeMinister, route: [...TO_CENTRAL],
      council: [{ level: 'PROVINCE', required: false, ruleKey: 'PROVINCE_DEFAULT' }],
      requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'ALLOWED', bonus: formBonus(1.0),
      criteria: [
        judged('BK_TTG.a', 'Điều 73 khoản 1 điểm a: thành tích xuất sắc được bình xét trong phong trào thi đua', 'Art 73(1)(a): outstanding achievement selected in an emulation movement', [art('73', '1', 'a', 'S24')], { ...option('73(1)', 'a', 'điểm a', 'point (a)'), appliesTo: ['INDIVIDUAL'] }),
        rule('BK_TTG.b', 'Điều 73 khoản 1 điểm b: đã có Bằng khen cấp bộ, tỉnh trước năm đề nghị; từ 5 năm liên tục trở lên đến năm đề nghị hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có 3 lần Chiến sĩ thi đua cơ sở', 'Art 73(1)(b): a ministry or province Bằng khen before the proposal year; five or more consecutive years rated ‘good’ or better up to the proposal, with three grassroots emulation-fighter titles within them', [art('73', '1', 'b', 'S24')], { ...option('73(1)', 'b', 'điểm b', 'point (b)'), appliesTo: ['INDIVIDUAL'] }),
        judged('BK_TTG.c', 'Điều 73 khoản 1 điểm c: nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong bộ, tỉnh; giải thưởng', 'Art 73(1)(c): many or sudden achievements of ministry or province-wide influence; prizes', [art('73', '1', 'c', 'S24')], { ...option('73(1)', 'c', 'điểm c', 'point (c)'), appliesTo: ['INDIVIDUAL'] }),
        judged('BK_TTG.collective', 'Tiêu chuẩn cho tập thể, hộ gia đình (Điều 73 khoản 2, 3): văn bản chưa xác minh', 'Criteria for collectives and households (Art 73(2),(3)): text not verified', [art('73', '2', undefined, 'S24'), art('73', '3', undefined, 'S24')], { appliesTo: ['COLLECTIVE', 'HOUSEHOLD'] }),
      ],
    },
    HCLD3: {
      code: 'HCLD3', nameVi: 'Huân chương Lao động hạng Ba', nameEn: 'Labour Order, third class', tier: 'STATE', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE'], decidingLevel: 'CENTRAL', decider: president, president: true, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      publicDisclosure: stateDisclosure, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'ALLOWED', bonus: orderBonus(4.5),
      criteria: [
        rule('HCLD3.e', 'Điều 44 khoản 1 điểm e: đã có Bằng khen của Thủ tướng; sau đó từ 5 năm liên tục trở lên đến năm đề nghị hoàn thành tốt nhiệm vụ trở lên, trong đó có 1 năm hoàn thành xuất sắc nhiệm vụ và 3 lần Chiến sĩ thi đua cơ sở', 'Art 44(1)(e): holds the Prime Minister’s Bằng khen; then five or more consecutive years rated ‘good’ or better up to the proposal, with one ‘excellent’ year and three grassroots emulation-fighter titles', [art('44', '1', 'e', 'S27')], { ...option('44', '1.e', 'khoản 1 điểm e', 'clause 1 point (e)'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD3.g', 'Điều 44 khoản 1 điểm g: quá trình cống hiến lâu dài (bảng chức vụ, thời gian theo Nghị định 152/2025 Điều 21)', 'Art 44(1)(g): long service (positions and terms in Decree 152/2025 Art 21)', [art('44', '1', 'g', 'S30'), D152_ART21], { ...option('44', '1.g', 'khoản 1 điểm g', 'clause 1 point (g)'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD3.other', 'Các điểm khác của Điều 44 khoản 1 (văn bản chưa xác minh)', 'The other points of Art 44(1) (text not verified)', [art('44', '1', undefined, 'S27')], { ...option('44', '1.other', 'các điểm khác của khoản 1', 'the other points of clause 1'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD3.workers', 'Điều 44 khoản 2: công nhân, nông dân, người lao động (tổng kết phong trào từ 5 năm, sáng chế, đóng góp, thành tích đột xuất)', 'Art 44(2): workers and farmers (5-year movement review, inventions, contributions, sudden achievements)', [art('44', '2', undefined, 'S28')], { ...option('44', '2', 'khoản 2', 'clause 2'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD3.collective', 'Tiêu chuẩn cho tập thể (văn bản chưa xác minh)', 'Criteria for collectives (text not verified)', [art('44', undefined, undefined, 'S27')], { appliesTo: ['COLLECTIVE'] }),
      ],
    },
    HCLD2: {
      code: 'HCLD2', nameVi: 'Huân chương Lao động hạng Nhì', nameEn: 'Labour Order, second class', tier: 'STATE', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE'], decidingLevel: 'CENTRAL', decider: president, president: true, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      publicDisclosure: stateDisclosure, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'ALLOWED', bonus: orderBonus(7.5),
      criteria: [
        rule('HCLD2.merit', 'Điều 43: đã có Huân chương Lao động hạng Ba; sau đó từ 5 năm liên tục trở lên hoàn thành tốt nhiệm vụ trở lên, trong đó có 2 năm hoàn thành xuất sắc nhiệm vụ và 1 lần Chiến sĩ thi đua cấp tỉnh', 'Art 43: holds the third-class Labour Order; then five or more consecutive years rated ‘good’ or better, with two ‘excellent’ years and one provincial emulation-fighter title', [art('43', undefined, undefined, 'S29')], { ...option('43', 'merit', 'quá trình lập công', 'merit over five years'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD2.sudden', 'Điều 43: thành tích đột xuất có phạm vi ảnh hưởng trong bộ, tỉnh; giải thưởng quốc tế khu vực cao nhất', 'Art 43: sudden achievement of ministry or province-wide influence; the highest regional international prize', [art('43', undefined, undefined, 'S29')], { ...option('43', 'sudden', 'thành tích đột xuất, giải thưởng', 'sudden achievement or prize'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD2.contribution', 'Điều 43: phát minh, sáng chế, công trình có ý nghĩa cấp bộ, tỉnh; đóng góp lớn về kinh tế – xã hội, từ thiện', 'Art 43: inventions and works of ministry or province significance; major socio-economic or charitable contributions', [art('43', undefined, undefined, 'S29')], { ...option('43', 'contribution', 'phát minh, đóng góp lớn', 'inventions or major contributions'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD2.service', 'Điều 43: quá trình cống hiến lâu dài', 'Art 43: long service', [art('43', undefined, undefined, 'S29')], { ...option('43', 'service', 'cống hiến lâu dài', 'long service'), appliesTo: ['INDIVIDUAL'] }),
        judged('HCLD2.collective', 'Tiêu chuẩn cho tập thể (văn bản chưa xác minh)', 'Criteria for collectives (text not verified)', [art('43', undefined, undefined, 'S29')], { appliesTo: ['COLLECTIVE'] }),
      ],
    },
    HCLD1: {
      code: 'HCLD1', nameVi: 'Huân chương Lao động hạng Nhất', nameEn: 'Labour Order, first class', tier: 'STATE', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE'], decidingLevel: 'CENTRAL', decider: president, president: true, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      publicDisclosure: stateDisclosure, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'ALLOWED', bonus: orderBonus(9.0),
      criteria: [
        judged('HCLD1.criteria', 'Tiêu chuẩn Điều 42 (chưa thu thập được văn bản; Nghị định 98 hướng dẫn khoản 7 Điều 42)', 'The criteria of Art 42 (text not retrieved; Decree 98 details clause 7 of Art 42)', [inferred(art('42', undefined, undefined, 'S63'), 'nội dung Điều 42', 'the text of Art 42')]),
      ],
    },
    AHLD: {
      code: 'AHLD', nameVi: 'Danh hiệu vinh dự nhà nước "Anh hùng Lao động"', nameEn: 'State honorary title "Hero of Labour"', tier: 'STATE', kind: 'TITLE',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE'], decidingLevel: 'CENTRAL', decider: president, president: true, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
      publicDisclosure: stateDisclosure, centralConsultation, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: false, posthumous: 'ALLOWED',
      criteria: [
        judged('AHLD.criteria', 'Tiêu chuẩn danh hiệu Anh hùng Lao động (điều luật chưa thu thập); xét 5 năm một lần tại Đại hội thi đua yêu nước, trừ thành tích đột xuất đặc biệt', 'The Hero of Labour criteria (article not retrieved); considered every five years at the patriotic emulation congress, save exceptional sudden achievements', [art('59', '2', 'd', 'S4'), unnumbered(LAW, 'S37', 'tiêu chuẩn Anh hùng Lao động', 'the Hero of Labour criteria')]),
      ],
    },
    GDVH: {
      code: 'GDVH', nameVi: 'Gia đình văn hóa', nameEn: 'Cultured family', tier: 'LOCAL_TITLE', kind: 'TITLE',
      recipientKinds: ['HOUSEHOLD'], decidingLevel: 'UNIT', decider: communeChair, route: [...UNIT], council: [],
      // The village head posts the list for 10 (calendar) days before submitting it (Decree 86/2023).
      publicDisclosure: { days: 10, unit: 'DAYS', level: 'UNIT', citation: [D86_FRAMEWORK] },
      requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED',
      criteria: [judged('GDVH.criteria', 'Tiêu chuẩn Điều 31 theo khung của Nghị định 86/2023, do tỉnh quy định chi tiết', 'The criteria of Art 31 within the Decree 86/2023 framework, detailed by the province', [art('31', undefined, undefined, 'S20'), D86_FRAMEWORK])],
    },
    THON_VH: {
      code: 'THON_VH', nameVi: 'Thôn, tổ dân phố văn hóa', nameEn: 'Cultured village or residential group', tier: 'LOCAL_TITLE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'], decidingLevel: 'UNIT', decider: v2025 ? communeChair : districtChair, decidedByDistrict: !v2025, route: [...UNIT], council: [],
      requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: titleBonus(undefined, 1.5),
      criteria: [
        judged('THON_VH.economy', 'Đời sống kinh tế ổn định và từng bước phát triển', 'A stable, developing economic life', [art('30', '1', undefined, 'S20')]),
        judged('THON_VH.culture', 'Đời sống văn hóa, tinh thần lành mạnh, phong phú', 'A healthy, rich cultural life', [art('30', '1', undefined, 'S20')]),
        judged('THON_VH.environment', 'Môi trường cảnh quan sạch, đẹp, an toàn', 'A clean, safe environment', [art('30', '1', undefined, 'S20')]),
        judged('THON_VH.compliance', 'Chấp hành chủ trương, pháp luật; tích cực tham gia phong trào thi đua của địa phương', 'Compliance; active part in local movements', [art('30', '1', undefined, 'S20')]),
        judged('THON_VH.solidarity', 'Có tinh thần đoàn kết, tương trợ trong cộng đồng', 'Community solidarity and mutual help', [art('30', '1', undefined, 'S20'), D86_FRAMEWORK]),
      ],
    },
    XA_TIEUBIEU: {
      code: 'XA_TIEUBIEU', nameVi: 'Xã, phường, thị trấn tiêu biểu', nameEn: 'Exemplary commune, ward or township', tier: 'LOCAL_TITLE', kind: 'TITLE',
      recipientKinds: ['COLLECTIVE'],
      // Who decides is not settled by the sources: the district chairman until 2025 and the provincial
      // chairman after it are inferences, marked so on the citation.
      ...(v2025
        ? { decidingLevel: 'PROVINCE' as const, decider: { ...provinceChair, citation: [inferred(art('79', undefined, undefined, 'S21'), 'thẩm quyền sau khi bỏ cấp huyện', 'the authority once districts were abolished')] }, route: [...TO_PROVINCE], council: [provinceCouncil] }
        : { decidingLevel: 'UNIT' as const, decider: { ...districtChair, citation: [inferred(ART80_2, 'thẩm quyền công nhận xã tiêu biểu', 'the authority to recognise exemplary communes')] }, decidedByDistrict: true, route: [...UNIT], council: [] }),
      requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false, posthumous: 'NOT_ALLOWED', bonus: titleBonus(undefined, 2.0),
      criteria: [
        judged('XA_TIEUBIEU.leads', v2025 ? 'Dẫn đầu phong trào thi đua (luật ghi "cấp huyện"; sau 01/07/2025 chưa rõ áp dụng thế nào)' : 'Dẫn đầu phong trào thi đua cấp huyện', v2025 ? 'Leads the emulation movement (the law says "district level"; how it applies after 01/07/2025 is not settled)' : 'Leads the district-level emulation movement', [art('29', '1', undefined, 'S21')]),
        judged('XA_TIEUBIEU.standards', 'Năm tiêu chuẩn: nhiệm vụ, kinh tế, văn hóa, môi trường, chấp hành pháp luật (tỉnh quy định chi tiết)', 'Five standards: tasks, economy, culture, environment, compliance (detailed by the province)', [art('29', '1', undefined, 'S21'), art('29', '2', undefined, 'S21'), D86_FRAMEWORK]),
      ],
    },
  };
  if (!v2025) {
    awards.GK_HUYEN = {
      code: 'GK_HUYEN', nameVi: 'Giấy khen của Chủ tịch UBND cấp huyện', nameEn: "Certificate of commendation of the district People's Committee Chairman", tier: 'GIAY_KHEN', kind: 'FORM',
      recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'UNIT', decider: districtChair, decidedByDistrict: true, route: [...UNIT], council: [],
      requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true, posthumous: 'UNCERTAIN', bonus: formBonus(0.3),
      criteria: giayKhenCriteria('tỉnh', 'province'),
    };
  }
  // The simplified procedure's one set replaces the regular dossier wherever the procedure is allowed.
  for (const award of Object.values(awards)) if (award.simplifiedProcedureAllowed) award.simplifiedDocuments = simplifiedDocs(v2025);
  return awards;
}

function giayKhenCriteria(setByVi: string, setByEn: string): CriterionDefinition[] {
  return [
    rule('GK.rating', 'Mức tối thiểu cấu hình được: hoàn thành tốt nhiệm vụ trở lên', 'A configurable minimum: rated ‘good’ or better', [art('75', '2', undefined, 'S26')]),
    judged('GK.provincial', `Tiêu chuẩn Giấy khen do ${setByVi} quy định (Điều 75 khoản 2), theo nguyên tắc Điều 5 khoản 2`, `The Giấy khen criteria set by the ${setByEn} (Art 75(2)), under the principles of Art 5(2)`, [art('75', '2', undefined, 'S26'), ART5_2]),
  ];
}
