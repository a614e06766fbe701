import { ruleName } from '../common/rule-names';
import { atLeast, countedTowardQuorum, eligibleMembers, isRecused, quorumBase } from './quorum';
import type { ChoiceCounts, Conflict, SessionItem, SessionMember, VotingRule } from './types';

export type TallyResult = 'PASSED' | 'FAILED' | 'NO_QUORUM';

/** The tally record (biên bản kiểm phiếu) of one nomination in one session. */
export interface TallyRecord {
  nominationId: string;
  awardCode: string;
  nomineeName: string;
  membersTotal: number;
  eligibleMembers: number;
  /** Members who took part: for blind ballots, those who received a ballot for this nomination. */
  present: { userId: string; fullName: string }[];
  /** Ballots in the box for this nomination (blind ballots; for sealed ones, as many as present). */
  ballotsCast: number;
  recused: { userId: string; fullName: string; reason: string }[];
  counts: ChoiceCounts;
  quorum: { required: string; base: number; counted: number; met: boolean };
  threshold: { required: string; denominator: number; met: boolean };
  result: TallyResult;
  rule: VotingRule;
  reasonVi: string;
  reasonEn: string;
}

/**
 * Counts one nomination with exact integer arithmetic. Quorum is counted over all members (less
 * the recused if the rule says so); the threshold over the same base (ALL_MEMBERS) or over those
 * who voted (PRESENT), abstentions counting as present only if the rule says so.
 */
export function tallyItem(item: SessionItem, rule: VotingRule, members: SessionMember[], conflicts: Conflict[], presentIds: string[], counts: ChoiceCounts): TallyRecord {
  const eligible = eligibleMembers(item, members, conflicts).length;
  const recusedMembers = members.filter((m) => isRecused(m.userId, item, conflicts));
  const base = quorumBase(rule, members.length, eligible);
  const counted = countedTowardQuorum(rule, counts);
  const quorumOk = atLeast(counted, base, rule.quorum);
  const denominator = rule.basis === 'ALL_MEMBERS' ? base : counted;
  const { numerator: n, denominator: d, strict } = rule.threshold;
  const thresholdMet = denominator > 0 && (strict ? counts.agree * d > n * denominator : counts.agree * d >= n * denominator);
  const result: TallyResult = !quorumOk ? 'NO_QUORUM' : thresholdMet ? 'PASSED' : 'FAILED';
  const need = `${strict ? '>' : '≥'} ${n}/${d}`;
  const basisVi = rule.basis === 'ALL_MEMBERS' ? 'tổng số thành viên' : 'số thành viên biểu quyết';
  const basisEn = rule.basis === 'ALL_MEMBERS' ? 'of all members' : 'of those voting';
  const verdictVi = { PASSED: 'Đạt', FAILED: 'Không đạt', NO_QUORUM: 'Không đủ số thành viên tham gia' }[result];
  const verdictEn = { PASSED: 'Passed', FAILED: 'Failed', NO_QUORUM: 'No quorum' }[result];
  const byId = new Map(members.map((m) => [m.userId, m]));
  return {
    nominationId: item.nominationId,
    awardCode: item.awardCode,
    nomineeName: item.nomineeName,
    membersTotal: members.length,
    eligibleMembers: eligible,
    present: presentIds.filter((u) => byId.has(u) && !isRecused(u, item, conflicts)).map((u) => ({ userId: u, fullName: byId.get(u)!.fullName })),
    ballotsCast: counts.agree + counts.disagree + counts.abstain,
    recused: recusedMembers.map((m) => ({
      userId: m.userId,
      fullName: m.fullName,
      reason: item.nomineeUserId === m.userId ? 'Là người được đề nghị' : conflicts.find((c) => c.userId === m.userId && c.nominationId === item.nominationId)!.reason,
    })),
    counts,
    quorum: { required: `≥ ${rule.quorum.numerator}/${rule.quorum.denominator}`, base, counted, met: quorumOk },
    threshold: { required: need, denominator, met: thresholdMet },
    result,
    rule,
    reasonVi: `${verdictVi}: ${counts.agree}/${denominator} phiếu đồng ý (cần ${need} ${basisVi}); tham gia ${counted}/${base}, cần ${rule.quorum.numerator}/${rule.quorum.denominator}; quy tắc: ${ruleName(rule.ruleKey, 'vi')}.`,
    reasonEn: `${verdictEn}: ${counts.agree}/${denominator} in favour (needs ${need} ${basisEn}); ${counted}/${base} took part, quorum ${rule.quorum.numerator}/${rule.quorum.denominator}; rule: ${ruleName(rule.ruleKey, 'en')}.`,
  };
}
