import { art, D152 } from '../catalogue/citations';
import type { AwardDefinition } from '../catalogue/types';
import type { Facts } from './facts';
import type { CriterionResult, EvaluationRequest } from './types';
import { verdict } from './rules/result';

const DISCIPLINE = { id: 'GUARD.discipline', vi: 'Không xét khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra hoặc đang chịu kỷ luật', en: 'No award while under disciplinary review, investigation or inspection, or during a sanction', citation: [art('—', undefined, undefined, 'S39', D152)] };
const ONCE = { id: 'GUARD.onceOnly', vi: 'Một thành tích không được khen thưởng nhiều lần, nhiều hình thức', en: 'One achievement is not rewarded twice or with several forms', citation: [art('5', '2', undefined, 'S27')] };
const SIMPLIFIED = { id: 'GUARD.simplified', vi: 'Thủ tục đơn giản chỉ cho 5 trường hợp của Điều 85 Luật, Điều 40 khoản 1 Nghị định 98', en: 'The simplified procedure only for the five cases of Law Art 85 / Decree 98 Art 40(1)', citation: [art('85', undefined, undefined, 'S8'), art('40', '1', undefined, 'S8', 'Nghị định 98/2023/NĐ-CP')] };

/** R-ROUTING/GUARDS (b)–(d) of law.md §4.1: they block a nomination whatever its merits. */
export function guards(req: EvaluationRequest, award: AwardDefinition, facts: Facts): CriterionResult[] {
  const results: CriterionResult[] = [];
  const active = req.record.disciplines.filter((d) => d.underReview || !d.to || d.to >= req.asOf);
  results.push(
    verdict(
      DISCIPLINE,
      active.length ? 'NOT_MET' : 'MET',
      active.length
        ? { vi: `Đang ${active[0].underReview ? 'bị xem xét kỷ luật' : 'chịu kỷ luật'} từ ${active[0].from}${active[0].to ? ` đến ${active[0].to}` : ''}.`, en: `${active[0].underReview ? 'Under disciplinary review' : 'Under sanction'} from ${active[0].from}${active[0].to ? ` to ${active[0].to}` : ''}.` }
        : { vi: facts.countFromYear > -Infinity ? `Không đang bị kỷ luật; thành tích tính từ năm ${facts.countFromYear}.` : 'Không có kỷ luật.', en: facts.countFromYear > -Infinity ? `Not under sanction; achievements count from ${facts.countFromYear}.` : 'No discipline on record.' },
      { active: active.length, countFromYear: Number.isFinite(facts.countFromYear) ? facts.countFromYear : null },
    ),
  );
  if (req.achievementRef) {
    const reused = req.record.awards.find((a) => a.achievementRef === req.achievementRef);
    results.push(
      verdict(ONCE, reused ? 'NOT_MET' : 'MET', reused ? { vi: `Thành tích này đã được khen ${reused.code} năm ${reused.year}${reused.decisionNumber ? ` (QĐ ${reused.decisionNumber})` : ''}.`, en: `This achievement was already rewarded with ${reused.code} in ${reused.year}.` } : { vi: 'Thành tích chưa được khen thưởng.', en: 'The achievement has not been rewarded before.' }, { achievementRef: req.achievementRef }),
    );
  }
  if (req.simplifiedProcedureCase !== undefined) {
    const ok = award.simplifiedProcedureAllowed && Number.isInteger(req.simplifiedProcedureCase) && req.simplifiedProcedureCase >= 1 && req.simplifiedProcedureCase <= 5;
    results.push(verdict(SIMPLIFIED, ok ? 'MET' : 'NOT_MET', ok ? { vi: `Trường hợp ${req.simplifiedProcedureCase} của thủ tục đơn giản.`, en: `Simplified-procedure case ${req.simplifiedProcedureCase}.` } : { vi: `${award.nameVi} không xét theo thủ tục đơn giản, hoặc trường hợp không thuộc 5 trường hợp luật định.`, en: `${award.nameEn} cannot use the simplified procedure, or the case is not one of the five.` }, { case: req.simplifiedProcedureCase }));
  }
  return results;
}
