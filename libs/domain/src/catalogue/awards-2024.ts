import { art, ART80_1, ART83_1, ART83_2, ART83_4, D98, PUBLIC_POSTING, C01 } from './citations';
import { FORM_DOCS, TITLE_DOCS, TITLE_WITH_INITIATIVE_DOCS } from './documents';
import type { AwardCode, AwardDefinition } from './types';

/**
 * The award ladder under Law 06/2022/QH15 and Decree 98/2023 (in force from 01/01/2024),
 * paraphrased from ../shared/domain/law.md §1. Criteria ids are the eligibility rules' ids.
 */
const UNIT_HEAD = { vi: 'Thủ trưởng cơ quan, đơn vị (Điều 80 khoản 1, 4)', en: 'Head of the agency or unit (Art 80(1),(4))', citation: [ART80_1, art('80', '4', undefined, 'S2')] };
const PROVINCE_CHAIR = { vi: 'Chủ tịch UBND tỉnh', en: "Chairman of the provincial People's Committee", citation: [ART83_4] };
const PRIME_MINISTER = { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister', citation: [ART83_4, art('3', '1', undefined, 'S57', D98)] };
const PRESIDENT = { vi: 'Chủ tịch nước (theo đề nghị của Thủ tướng)', en: 'President, on the Prime Minister’s proposal', citation: [ART83_2] };

const UNIT = ['UNIT'] as const;
const TO_PROVINCE = ['UNIT', 'PROVINCE'] as const;
const TO_CENTRAL = ['UNIT', 'PROVINCE', 'CENTRAL'] as const;
const provinceCouncil = { level: 'PROVINCE' as const, required: true, ruleKey: 'PROVINCE_DEFAULT' };
const centralCouncil = { level: 'CENTRAL' as const, required: true, ruleKey: 'CENTRAL_DEFAULT' };
const stateDisclosure = { workingDays: 10, level: 'PROVINCE' as const, citation: [PUBLIC_POSTING] };

const c = (id: string, vi: string, en: string, ...citation: AwardDefinition['criteria'][number]['citation']) => ({ id, vi, en, citation });

export const AWARDS_2024: Record<AwardCode, AwardDefinition> = {
  LDTT: {
    code: 'LDTT', nameVi: 'Lao động tiên tiến', nameEn: 'Advanced worker', tier: 'EMULATION_TITLE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'UNIT', decider: UNIT_HEAD, route: [...UNIT], council: [],
    requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('LDTT.rating', 'Xếp loại hoàn thành tốt nhiệm vụ trở lên trong năm', 'Rated HTTNV or better in the year', art('24', '1', 'a', 'S13')),
      c('LDTT.recruited', 'Không xét người mới tuyển dụng dưới 6 tháng', 'Not for people recruited less than 6 months before', art('—', undefined, undefined, 'S44', C01)),
    ],
  },
  CSTDCS: {
    code: 'CSTDCS', nameVi: 'Chiến sĩ thi đua cơ sở', nameEn: 'Grassroots emulation fighter', tier: 'EMULATION_TITLE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'UNIT', decider: UNIT_HEAD, route: [...UNIT],
    council: [{ level: 'UNIT', required: true, ruleKey: 'UNIT_DEFAULT' }],
    requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('CSTDCS.ldtt', 'Đạt tiêu chuẩn Lao động tiên tiến', 'Meets the LĐTT standard', art('23', '1', undefined, 'S11')),
      c('CSTDCS.alternative', 'Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến / đề tài / giải pháp được công nhận ở cơ sở', 'HTXSNV, or an initiative / S&T work / combat ingenuity recognised at grassroots', art('23', '2', undefined, 'S11')),
    ],
  },
  CSTD_TINH: {
    code: 'CSTD_TINH', nameVi: 'Chiến sĩ thi đua cấp tỉnh', nameEn: 'Provincial emulation fighter', tier: 'EMULATION_TITLE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'PROVINCE', decider: PROVINCE_CHAIR, route: [...TO_PROVINCE], council: [provinceCouncil],
    requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('CSTD_TINH.cstdcs3', '3 lần liên tục đạt Chiến sĩ thi đua cơ sở', 'Three consecutive CSTĐ cơ sở titles', art('22', undefined, undefined, 'S14')),
      c('CSTD_TINH.initiative', 'Sáng kiến / đề tài có phạm vi ảnh hưởng cấp tỉnh', 'Initiative / S&T work with province-wide influence', art('22', undefined, undefined, 'S14')),
    ],
  },
  CSTD_TQ: {
    code: 'CSTD_TQ', nameVi: 'Chiến sĩ thi đua toàn quốc', nameEn: 'National emulation fighter', tier: 'STATE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'CENTRAL', decider: PRIME_MINISTER, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
    publicDisclosure: stateDisclosure, requiredDocuments: TITLE_WITH_INITIATIVE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('CSTD_TQ.tinh2', '2 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh', 'Two consecutive provincial emulation-fighter titles', art('21', '1', undefined, 'S15')),
      c('CSTD_TQ.initiative', 'Sáng kiến / đề tài có phạm vi ảnh hưởng toàn quốc', 'Initiative / S&T work with nationwide influence', art('21', '2', undefined, 'S15')),
    ],
  },
  TTLDTT: {
    code: 'TTLDTT', nameVi: 'Tập thể lao động tiên tiến', nameEn: 'Advanced labour collective', tier: 'EMULATION_TITLE',
    recipientKinds: ['COLLECTIVE'], decidingLevel: 'UNIT', decider: UNIT_HEAD, route: [...UNIT], council: [],
    requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('TTLDTT.rating', 'Hoàn thành tốt nhiệm vụ trở lên', 'Rated HTTNV or better', art('28', '1', undefined, 'S18')),
      c('TTLDTT.ldtt70', 'Ít nhất 70% thành viên đạt Lao động tiên tiến (CHƯA XÁC ĐỊNH, cấu hình được)', 'At least 70 % of members are LĐTT (UNCERTAIN, configurable)', art('28', '1', undefined, 'S18')),
      c('TTLDTT.discipline', 'Không có thành viên bị kỷ luật từ cảnh cáo trở lên', 'No member disciplined at warning or above', art('28', '1', undefined, 'S19')),
    ],
  },
  TTLDXS: {
    code: 'TTLDXS', nameVi: 'Tập thể lao động xuất sắc', nameEn: 'Excellent labour collective', tier: 'EMULATION_TITLE',
    recipientKinds: ['COLLECTIVE'], decidingLevel: 'PROVINCE', decider: PROVINCE_CHAIR, route: [...TO_PROVINCE], council: [provinceCouncil],
    requiredDocuments: TITLE_DOCS, simplifiedProcedureAllowed: false,
    criteria: [
      c('TTLDXS.rating', 'Hoàn thành xuất sắc nhiệm vụ', 'Rated HTXSNV', art('27', '1', undefined, 'S17')),
      c('TTLDXS.all', '100% thành viên hoàn thành nhiệm vụ', 'All members complete their tasks', art('27', '1', undefined, 'S17')),
      c('TTLDXS.ldtt70', 'Ít nhất 70% thành viên đạt Lao động tiên tiến', 'At least 70 % of members are LĐTT', art('27', '1', undefined, 'S17')),
      c('TTLDXS.cstdcs', 'Có ít nhất 01 cá nhân đạt Chiến sĩ thi đua cơ sở', 'At least one member is CSTĐ cơ sở', art('27', '1', undefined, 'S17')),
    ],
  },
  GK_DONVI: {
    code: 'GK_DONVI', nameVi: 'Giấy khen của Thủ trưởng cơ quan, đơn vị', nameEn: 'Certificate of commendation of the unit head', tier: 'GIAY_KHEN',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'UNIT', decider: UNIT_HEAD, route: [...UNIT], council: [],
    requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('GK.rating', 'Tiêu chuẩn do bộ, tỉnh quy định (Điều 75 khoản 2); mặc định: hoàn thành tốt nhiệm vụ trở lên', 'Set by ministries and provinces (Art 75(2)); default: rated HTTNV or better', art('75', '2', undefined, 'S26'))],
  },
  GK_XA: {
    code: 'GK_XA', nameVi: 'Giấy khen của Chủ tịch UBND cấp xã', nameEn: "Certificate of commendation of the commune People's Committee Chairman", tier: 'GIAY_KHEN',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'UNIT',
    decider: { vi: 'Chủ tịch UBND cấp xã (Điều 80 khoản 3)', en: "Commune People's Committee Chairman (Art 80(3))", citation: [art('80', '3', undefined, 'S2')] },
    route: [...UNIT], council: [], requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('GK.rating', 'Tiêu chuẩn do tỉnh quy định (Điều 75 khoản 2); mặc định: hoàn thành tốt nhiệm vụ trở lên', 'Set by the province (Art 75(2)); default: rated HTTNV or better', art('75', '2', undefined, 'S26'))],
  },
  BK_TINH: {
    code: 'BK_TINH', nameVi: 'Bằng khen của Chủ tịch UBND tỉnh', nameEn: "Certificate of merit of the provincial People's Committee Chairman", tier: 'BANG_KHEN_TINH',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'PROVINCE', decider: PROVINCE_CHAIR, route: [...TO_PROVINCE],
    council: [{ level: 'PROVINCE', required: false, ruleKey: 'PROVINCE_DEFAULT' }],
    requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('BK_TINH.d', 'Điều 74 khoản 1 điểm d: 2 lần liên tục CSTĐ cơ sở, hoặc 2 năm liên tục HTXSNV với 2 sáng kiến được công nhận', 'Art 74(1)(d): two consecutive CSTĐ cơ sở, or two consecutive HTXSNV years with two recognised initiatives', art('74', '1', 'd', 'S25'))],
  },
  BK_TTG: {
    code: 'BK_TTG', nameVi: 'Bằng khen của Thủ tướng Chính phủ', nameEn: "Prime Minister's certificate of merit", tier: 'STATE',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'], decidingLevel: 'CENTRAL', decider: PRIME_MINISTER, route: [...TO_CENTRAL],
    council: [{ level: 'PROVINCE', required: false, ruleKey: 'PROVINCE_DEFAULT' }],
    requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('BK_TTG.b', 'Điều 73 khoản 1 điểm b: đã có Bằng khen cấp bộ/tỉnh, 5 năm liên tục HTTNV trở lên, trong đó 3 lần CSTĐ cơ sở', 'Art 73(1)(b): holds a ministry/province Bằng khen, five consecutive years HTTNV+, three CSTĐ cơ sở within them', art('73', '1', 'b', 'S24'))],
  },
  HCLD3: {
    code: 'HCLD3', nameVi: 'Huân chương Lao động hạng Ba', nameEn: 'Labour Order, third class', tier: 'STATE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'CENTRAL', decider: PRESIDENT, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
    publicDisclosure: stateDisclosure, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('HCLD3.e', 'Điều 44 khoản 1 điểm e: đã có Bằng khen Thủ tướng, sau đó 5 năm liên tục HTTNV trở lên, có 1 năm HTXSNV và 3 lần CSTĐ cơ sở', 'Art 44(1)(e): holds the PM’s Bằng khen, then five consecutive years HTTNV+, one HTXSNV and three CSTĐ cơ sở', art('44', '1', 'e', 'S27'))],
  },
  HCLD2: {
    code: 'HCLD2', nameVi: 'Huân chương Lao động hạng Nhì', nameEn: 'Labour Order, second class', tier: 'STATE',
    recipientKinds: ['INDIVIDUAL'], decidingLevel: 'CENTRAL', decider: PRESIDENT, route: [...TO_CENTRAL], council: [provinceCouncil, centralCouncil],
    publicDisclosure: stateDisclosure, requiredDocuments: FORM_DOCS, simplifiedProcedureAllowed: true,
    criteria: [c('HCLD2.merit', 'Điều 43: đã có Huân chương Lao động hạng Ba, sau đó 5 năm liên tục HTTNV trở lên, có 2 năm HTXSNV và 1 lần CSTĐ cấp tỉnh', 'Art 43: holds the third-class Labour Order, then five consecutive years HTTNV+, two HTXSNV and one provincial emulation-fighter title', art('43', undefined, undefined, 'S29'), ART83_2)],
  },
};

export const PROPOSAL_CITATIONS = [ART83_1, ART83_2, ART83_4];
