import { awardDefinition, catalogueFor } from '../catalogue/catalogue';
import { Facts } from './facts';
import { guards } from './guards';
import { defaultEligibilityPolicy } from './policy';
import { ttldtt, ttldxs } from './rules/collective';
import { cstdcs, cstdTinh, cstdTq, ldttChecks } from './rules/individual';
import { bkTinh, bkTtg, giayKhen, labourOrder } from './rules/merit';
import type { CriterionResult, EligibilityResult, EvaluationRequest, Outcome } from './types';

/**
 * Judges a nomination under the catalogue version in force at the end of its achievement period,
 * and explains every criterion with the facts used and the law's citation.
 */
export function evaluateEligibility(req: EvaluationRequest): EligibilityResult {
  const version = catalogueFor(req.achievementPeriod.to);
  const award = awardDefinition(req.award, req.achievementPeriod.to);
  const policy = { ...defaultEligibilityPolicy(), ...req.policy };
  const facts = new Facts(req.record);
  const ctx = { award, facts, year: req.proposalYear, policy };
  const criteria: CriterionResult[] = (() => {
    switch (req.award) {
      case 'LDTT': return ldttChecks(ctx);
      case 'CSTDCS': return cstdcs(ctx);
      case 'CSTD_TINH': return cstdTinh(ctx);
      case 'CSTD_TQ': return cstdTq(ctx);
      case 'TTLDTT': return ttldtt(ctx);
      case 'TTLDXS': return ttldxs(ctx);
      case 'GK_DONVI':
      case 'GK_XA': return giayKhen(ctx);
      case 'BK_TINH': return bkTinh(ctx);
      case 'BK_TTG': return bkTtg(ctx);
      case 'HCLD3': return labourOrder(ctx, { id: 'HCLD3.e', prerequisite: 'BK_TTG', excellentYears: 1, title: 'CSTDCS', titles: 3, alternative: 'Art 44(1)(e)' });
      case 'HCLD2': return labourOrder(ctx, { id: 'HCLD2.merit', prerequisite: 'HCLD3', excellentYears: 2, title: 'CSTD_TINH', titles: 1, alternative: 'Art 43' });
    }
  })();
  const guardResults = guards(req, award, facts);
  const outcome = decide(criteria, guardResults);
  const alternativeMet = criteria.find((c) => c.alternative && c.outcome === 'MET')?.alternative;
  const [summaryVi, summaryEn] = summarize(outcome, award.nameVi, award.nameEn, version.version, [...guardResults, ...criteria]);
  return { award: req.award, outcome, catalogueVersion: version.version, proposalYear: req.proposalYear, criteria, guards: guardResults, ...(alternativeMet ? { alternativeMet } : {}), summaryVi, summaryEn };
}

function decide(criteria: CriterionResult[], guardResults: CriterionResult[]): Outcome {
  if (guardResults.some((g) => g.outcome === 'NOT_MET') || criteria.some((c) => c.outcome === 'NOT_MET')) return 'NOT_ELIGIBLE';
  if (criteria.some((c) => c.outcome === 'UNKNOWN')) return 'CANNOT_DECIDE';
  return 'ELIGIBLE';
}

function summarize(outcome: Outcome, nameVi: string, nameEn: string, version: string, all: CriterionResult[]): [string, string] {
  const failing = all.filter((c) => c.outcome !== 'MET');
  const head = { ELIGIBLE: ['Đủ điều kiện', 'Eligible'], NOT_ELIGIBLE: ['Không đủ điều kiện', 'Not eligible'], CANNOT_DECIDE: ['Chưa thể kết luận', 'Cannot decide'] }[outcome];
  const vi = `${head[0]} xét ${nameVi} (danh mục ${version})${failing.length ? `: ${failing.map((c) => c.reasonVi).join(' ')}` : '.'}`;
  const en = `${head[1]} for ${nameEn} (catalogue ${version})${failing.length ? `: ${failing.map((c) => c.reasonEn).join(' ')}` : '.'}`;
  return [vi, en];
}
