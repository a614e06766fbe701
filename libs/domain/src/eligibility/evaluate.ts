import { catalogueFor, awardDefinition } from '../catalogue/catalogue';
import type { CriterionDefinition } from '../catalogue/types';
import { Facts } from './facts';
import { guards } from './guards';
import { defaultEligibilityPolicy } from './policy';
import { all, any, verdict } from './rules/result';
import { RULES } from './rules/rules';
import type { CriterionOutcome, CriterionResult, EligibilityResult, EvaluationRequest, GroupResult, Outcome } from './types';

/**
 * Judges a nomination under the catalogue version in force at the end of its achievement period,
 * and explains every criterion with the facts used and the law's citation. A criterion the law
 * leaves qualitative, or whose text could not be verified, is named and left to the reviewer.
 */
export function evaluateEligibility(req: EvaluationRequest): EligibilityResult {
  const version = catalogueFor(req.achievementPeriod.to);
  const award = awardDefinition(req.award, req.achievementPeriod.to);
  const policy = { ...defaultEligibilityPolicy(), ...req.policy };
  const facts = new Facts(req.record, version.version >= '2025.2');
  const ctx = { facts, year: req.proposalYear, policy };
  const applicable = award.criteria.filter((c) => !c.appliesTo || c.appliesTo.includes(req.record.kind));
  const criteria = applicable.map((def) => judge(def, ctx));
  const groups = groupResults(criteria);
  const guardResults = guards(req, award, facts);
  const required = criteria.filter((c) => !c.oneOf).map((c) => c.outcome);
  const outcome = decide([...guardResults.map((g) => g.outcome), ...required, ...groups.map((g) => g.outcome)]);
  const metGroup = groups.find((g) => g.met);
  const metLabel = metGroup?.options.find((o) => o.option === metGroup.met)?.label;
  const alternativeMet = metGroup && metLabel ? { vi: `Điều ${metGroup.group}, ${metLabel.vi}`, en: `Art ${metGroup.group}, ${metLabel.en}` } : undefined;
  const reviewerJudges = criteria.filter((c) => c.outcome === 'REVIEWER_JUDGES' && inPlay(c, groups)).map((c) => c.id);
  const [summaryVi, summaryEn] = summarize(outcome, award.nameVi, award.nameEn, version.version, [...guardResults, ...criteria], groups);
  return { award: req.award, outcome, catalogueVersion: version.version, proposalYear: req.proposalYear, criteria, groups, guards: guardResults, ...(alternativeMet ? { alternativeMet } : {}), reviewerJudges, summaryVi, summaryEn };
}

function judge(def: CriterionDefinition, ctx: Parameters<(typeof RULES)[string]>[0]): CriterionResult {
  if (def.judgedBy === 'REVIEWER') {
    return verdict(def, { outcome: 'REVIEWER_JUDGES', vi: 'Thẩm định viên đánh giá và ghi rõ nhận xét (luật quy định định tính hoặc chưa xác minh được văn bản).', en: 'The reviewer judges and writes down why (the law is qualitative here, or its text is not verified).' });
  }
  const rule = RULES[def.id];
  if (!rule) throw new Error(`no rule for criterion ${def.id}`);
  return verdict(def, rule(ctx));
}

/** Alternatives of the law: an option needs all its criteria, the group any one option. */
function groupResults(criteria: CriterionResult[]): GroupResult[] {
  const byGroup = new Map<string, Map<string, CriterionResult[]>>();
  for (const c of criteria) {
    if (!c.oneOf) continue;
    const options = byGroup.get(c.oneOf.group) ?? new Map<string, CriterionResult[]>();
    options.set(c.oneOf.option, [...(options.get(c.oneOf.option) ?? []), c]);
    byGroup.set(c.oneOf.group, options);
  }
  return [...byGroup].map(([group, options]) => {
    const opts = [...options].map(([option, cs]) => ({ option, label: cs[0].oneOf!.label, outcome: all(...cs.map((c) => c.outcome)), criteria: cs.map((c) => c.id) }));
    const outcome = any(...opts.map((o) => o.outcome));
    const met = opts.find((o) => o.outcome === 'MET')?.option;
    return { group, outcome, options: opts, ...(met ? { met } : {}) };
  });
}

/** A reviewer criterion matters unless its group is already met by another option. */
function inPlay(c: CriterionResult, groups: GroupResult[]): boolean {
  return !c.oneOf || !groups.find((g) => g.group === c.oneOf!.group)?.met;
}

function decide(outcomes: CriterionOutcome[]): Outcome {
  if (outcomes.includes('NOT_MET')) return 'NOT_ELIGIBLE';
  if (outcomes.includes('UNKNOWN')) return 'CANNOT_DECIDE';
  if (outcomes.includes('REVIEWER_JUDGES')) return 'REVIEWER_JUDGES';
  return 'ELIGIBLE';
}

/** The verdict in one sentence per language, with the reasons that carried it, whatever it is. */
function summarize(outcome: Outcome, nameVi: string, nameEn: string, version: string, all: CriterionResult[], groups: GroupResult[]): [string, string] {
  const head = {
    ELIGIBLE: ['Đủ điều kiện', 'Eligible'],
    NOT_ELIGIBLE: ['Không đủ điều kiện', 'Not eligible'],
    CANNOT_DECIDE: ['Chưa thể kết luận', 'Cannot decide yet'],
    REVIEWER_JUDGES: ['Cần thẩm định viên đánh giá', 'The reviewer must judge'],
  }[outcome];
  const settled = new Set(groups.filter((g) => g.met).map((g) => g.group));
  const shown = all.filter((c) => {
    if (c.oneOf && settled.has(c.oneOf.group)) return groups.find((g) => g.group === c.oneOf!.group)!.options.find((o) => o.option === groups.find((g) => g.group === c.oneOf!.group)!.met)!.criteria.includes(c.id);
    if (outcome === 'ELIGIBLE') return c.outcome === 'MET';
    if (outcome === 'NOT_ELIGIBLE') return c.outcome === 'NOT_MET' && (!c.oneOf || groups.find((g) => g.group === c.oneOf!.group)?.outcome === 'NOT_MET');
    return c.outcome !== 'MET';
  });
  const vi = `${head[0]} xét ${nameVi} (danh mục ${version}): ${shown.map((c) => (c.outcome === 'REVIEWER_JUDGES' ? `${c.descriptionVi} — thẩm định viên đánh giá.` : c.reasonVi)).join(' ')}`;
  const en = `${head[1]} for ${nameEn} (catalogue ${version}): ${shown.map((c) => (c.outcome === 'REVIEWER_JUDGES' ? `${c.descriptionEn} — for the reviewer to judge.` : c.reasonEn)).join(' ')}`;
  return [vi.trim(), en.trim()];
}
