import { ART84_1, ART84_2, ART85, D98_ART40_1 } from './citations';
import type { AwardDefinition } from './types';
import { invalid } from '../common/errors';

type Doc = AwardDefinition['requiredDocuments'][number];

/** Dossier contents, Law Art 84(1) for emulation titles and Art 84(2) for commendation forms. */
export const TO_TRINH: Doc = { code: 'TO_TRINH', vi: 'Tờ trình đề nghị', en: 'Proposal (tờ trình)', citation: [ART84_1, ART84_2] };
export const BAO_CAO: Doc = { code: 'BAO_CAO_THANH_TICH', vi: 'Báo cáo thành tích', en: 'Achievement report', citation: [ART84_1, ART84_2] };
export const BIEN_BAN_THI_DUA: Doc = { code: 'BIEN_BAN_BINH_XET', vi: 'Biên bản bình xét thi đua', en: 'Minutes of the emulation review', citation: [ART84_1] };
export const BIEN_BAN_KHEN: Doc = { code: 'BIEN_BAN_XET_KHEN', vi: 'Biên bản xét khen thưởng', en: 'Minutes of the commendation review', citation: [ART84_2] };
export const XAC_NHAN_SANG_KIEN: Doc = {
  code: 'XAC_NHAN_SANG_KIEN',
  vi: 'Xác nhận của cấp có thẩm quyền về sáng kiến / đề tài khoa học',
  en: 'Certification of the initiative or S&T work by the competent body',
  citation: [ART84_1],
};
/**
 * The simplified procedure's one set: the proposal and a brief report (Law Art 85; Decree 98
 * Art 40(1) detailed it until Decree 152 took over on 01/07/2025, whose article is not verified).
 */
export function simplifiedDocs(decree152: boolean): Doc[] {
  return [TO_TRINH, { code: 'BAO_CAO_TOM_TAT', vi: 'Báo cáo tóm tắt thành tích', en: 'Brief achievement report', citation: decree152 ? [ART85] : [ART85, D98_ART40_1] }];
}

export const TITLE_DOCS = [TO_TRINH, BAO_CAO, BIEN_BAN_THI_DUA];
export const TITLE_WITH_INITIATIVE_DOCS = [...TITLE_DOCS, XAC_NHAN_SANG_KIEN];
export const FORM_DOCS = [TO_TRINH, BAO_CAO, BIEN_BAN_KHEN];

/**
 * The dossier's components (Law Art 84, 85) checked against what the clerk filed. A dossier that
 * files its documents under components must file every required one, and only components of its
 * award; one that files none is judged by its reviewer as before (lists sent by integrators).
 * Answers the problems, field by field, in both languages; empty when the dossier is complete.
 */
export function componentProblems(required: Doc[], documents: { component?: string }[]): { field: string; vi: string; en: string }[] {
  const tagged = documents.map((d, i) => ({ code: d.component, i })).filter((d): d is { code: string; i: number } => d.code !== undefined);
  if (!tagged.length) return [];
  const known = new Set(required.map((r) => r.code));
  const problems = tagged
    .filter((d) => !known.has(d.code))
    .map((d) => ({ field: `documents.${d.i}.component`, vi: `“${d.code}” không phải thành phần hồ sơ của hình thức này`, en: `“${d.code}” is not a component of this award's dossier` }));
  const filed = new Set(tagged.map((d) => d.code));
  const missing = required.filter((r) => !filed.has(r.code));
  if (missing.length) {
    problems.push({ field: 'documents', vi: `Hồ sơ còn thiếu: ${missing.map((m) => m.vi).join('; ')}`, en: `The dossier lacks: ${missing.map((m) => m.en).join('; ')}` });
  }
  return problems;
}

/** The components an award's dossier requires: its regular set, or the simplified procedure's one set (Law Art 85). */
export function dossierComponents(award: Pick<AwardDefinition, 'requiredDocuments' | 'simplifiedDocuments'>, simplified: boolean): Doc[] {
  return simplified && award.simplifiedDocuments ? award.simplifiedDocuments : award.requiredDocuments;
}

/** Refuses a dossier whose components are incomplete or foreign (see componentProblems), with every problem in words. */
export function requireComponents(required: Doc[], documents: { component?: string }[]): void {
  const problems = componentProblems(required, documents);
  if (!problems.length) return;
  const [first] = problems;
  const vi = problems.map((c) => c.vi).join('. ');
  const en = problems.map((c) => c.en).join('. ');
  if (first.field === 'documents') throw invalid('MISSING_COMPONENTS', vi, en, first.field);
  throw invalid('UNKNOWN_COMPONENT', vi, en, first.field);
}
