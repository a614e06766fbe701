import { ART5_2, ART85, D98_ART40_1, D152_PRINCIPLES, art } from '../catalogue/citations';
import type { AwardDefinition, CriterionDefinition } from '../catalogue/types';
import type { Facts } from './facts';
import type { CriterionResult, EvaluationRequest } from './types';
import { verdict } from './rules/result';
import { awardNames } from '../catalogue/catalogue';

const DISCIPLINE: CriterionDefinition = { id: 'GUARD.discipline', judgedBy: 'RULE', vi: 'Không xét khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra hoặc đang chịu kỷ luật; thành tích tính từ khi hết thời hạn kỷ luật', en: 'No award while under disciplinary review, investigation or inspection, or during a sanction; achievements count from the end of the sanction', citation: [D152_PRINCIPLES] };
const ONCE: CriterionDefinition = { id: 'GUARD.onceOnly', judgedBy: 'RULE', vi: 'Một thành tích không được khen thưởng nhiều lần, nhiều hình thức', en: 'One achievement is not rewarded twice or with several forms', citation: [ART5_2] };
const simplified = (decree152: boolean): CriterionDefinition => ({ id: 'GUARD.simplified', judgedBy: 'RULE', vi: 'Thủ tục đơn giản chỉ cho 5 trường hợp luật định (Điều 85 Luật)', en: 'The simplified procedure only for the five cases of Law Art 85', citation: decree152 ? [ART85] : [ART85, D98_ART40_1] });
const POSTHUMOUS: CriterionDefinition = { id: 'GUARD.posthumous', judgedBy: 'RULE', vi: 'Truy tặng chỉ với hình thức cho phép truy tặng', en: 'Posthumous award only where the form allows it', citation: [art('73', '1', undefined, 'S24'), art('74', '1', undefined, 'S25'), art('44', undefined, undefined, 'S27')] };

const REGISTERED: CriterionDefinition = {
  id: 'GUARD.registered', judgedBy: 'RULE',
  vi: 'Đã đăng ký thi đua danh hiệu này cho năm xét, được thủ trưởng đơn vị duyệt', en: 'Registered for this title for the year, approved by the unit head',
  citation: [{ instrument: 'Kế hoạch 823/KH-UBND; ELIGIBILITY_POLICY.registrationRequiredFor', note: { vi: 'Yêu cầu do tỉnh cấu hình cho từng danh hiệu; chưa xác minh được điều luật quy định', en: 'A requirement the province configures per title; no verified article of the law states it' } }],
};

/**
 * What blocks a nomination whatever its merits. The Decree 152/2025 principles (discipline, counting
 * after a sanction) apply from the 2025.2 catalogue only; Law Art 5(2) and Art 85 always.
 */
export function guards(req: EvaluationRequest, award: AwardDefinition, facts: Facts): CriterionResult[] {
  const results: CriterionResult[] = [];
  if (facts.decree152) {
    const active = req.record.disciplines.filter((d) => d.underReview || !d.to || d.to >= req.asOf);
    results.push(verdict(DISCIPLINE, active.length
      ? { outcome: 'NOT_MET', vi: `Đang ${active[0].underReview ? 'bị xem xét kỷ luật' : 'chịu kỷ luật'} từ ${active[0].from}${active[0].to ? ` đến ${active[0].to}` : ''}.`, en: `${active[0].underReview ? 'Under disciplinary review' : 'Under sanction'} from ${active[0].from}${active[0].to ? ` to ${active[0].to}` : ''}.`, facts: { active: active.length } }
      : { outcome: 'MET', vi: Number.isFinite(facts.countFromYear) ? `Không đang bị kỷ luật; thành tích tính từ năm ${facts.countFromYear}.` : 'Không có kỷ luật.', en: Number.isFinite(facts.countFromYear) ? `Not under sanction; achievements count from ${facts.countFromYear}.` : 'No discipline on record.', facts: { countFromYear: Number.isFinite(facts.countFromYear) ? facts.countFromYear : null } }));
  }
  if (req.achievementRef) {
    const reused = req.record.awards.find((a) => a.achievementRef === req.achievementRef);
    const was = reused ? awardNames(reused.code) : undefined;
    results.push(verdict(ONCE, reused && was
      ? { outcome: 'NOT_MET', vi: `Thành tích này đã được khen (${was.vi}, năm ${reused.year}${reused.decisionNumber ? `, quyết định ${reused.decisionNumber}${reused.issuer ? ` của ${reused.issuer}` : ''}` : ''}).`, en: `This achievement was already rewarded (${was.en}, ${reused.year}${reused.decisionNumber ? `, decision ${reused.decisionNumber}${reused.issuer ? ` of ${reused.issuer}` : ''}` : ''}).`, facts: { achievementRef: req.achievementRef } }
      : { outcome: 'MET', vi: 'Thành tích chưa được khen thưởng.', en: 'The achievement has not been rewarded before.', facts: { achievementRef: req.achievementRef } }));
  }
  if (req.simplifiedProcedureCase !== undefined) {
    const ok = award.simplifiedProcedureAllowed && Number.isInteger(req.simplifiedProcedureCase) && req.simplifiedProcedureCase >= 1 && req.simplifiedProcedureCase <= 5;
    results.push(verdict(simplified(facts.decree152), ok
      ? { outcome: 'MET', vi: `Trường hợp ${req.simplifiedProcedureCase} của thủ tục đơn giản.`, en: `Simplified-procedure case ${req.simplifiedProcedureCase}.`, facts: { case: req.simplifiedProcedureCase } }
      : { outcome: 'NOT_MET', vi: `${award.nameVi} không xét theo thủ tục đơn giản, hoặc trường hợp không thuộc 5 trường hợp luật định.`, en: `${award.nameEn} cannot use the simplified procedure, or the case is not one of the five.`, facts: { case: req.simplifiedProcedureCase } }));
  }
  if (req.policy?.registrationRequiredFor?.includes(req.award)) {
    const registered = req.record.registrations?.find((r) => r.year === req.proposalYear && r.code === req.award);
    results.push(verdict(REGISTERED, registered
      ? { outcome: 'MET', vi: `Đã đăng ký ${award.nameVi} năm ${req.proposalYear}${registered.late ? ' (gửi sau hạn)' : ''}.`, en: `Registered for ${award.nameEn} in ${req.proposalYear}${registered.late ? ' (sent after the deadline)' : ''}.`, facts: { year: req.proposalYear, late: registered.late } }
      : { outcome: 'NOT_MET', vi: `Không có đăng ký thi đua ${award.nameVi} năm ${req.proposalYear} được duyệt.`, en: `No approved registration for ${award.nameEn} in ${req.proposalYear}.`, facts: { year: req.proposalYear } }));
  }
  if (req.posthumous) {
    results.push(verdict(POSTHUMOUS, {
      ALLOWED: { outcome: 'MET' as const, vi: `${award.nameVi} được truy tặng.`, en: `${award.nameEn} may be given posthumously.` },
      NOT_ALLOWED: { outcome: 'NOT_MET' as const, vi: `${award.nameVi} không truy tặng.`, en: `${award.nameEn} is not given posthumously.` },
      UNCERTAIN: { outcome: 'REVIEWER_JUDGES' as const, vi: `Chưa xác định được ${award.nameVi} có truy tặng hay không: thẩm định viên xem xét.`, en: `Whether ${award.nameEn} may be given posthumously is not settled: the reviewer judges.` },
    }[award.posthumous]));
  }
  return results;
}
