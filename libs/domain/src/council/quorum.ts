import type { ChoiceCounts, Conflict, Fraction, SessionItem, SessionMember, VotingRule } from './types';

/** Pure counting shared by the session's validators, its view and the tally (exact integers). */

export const atLeast = (count: number, of: number, f: Fraction): boolean => count * f.denominator >= of * f.numerator;

export function isRecused(userId: string, item: SessionItem, conflicts: Conflict[]): boolean {
  return item.nomineeUserId === userId || conflicts.some((c) => c.userId === userId && c.nominationId === item.nominationId);
}

/** Members entitled to vote on an item. */
export function eligibleMembers(item: SessionItem, members: SessionMember[], conflicts: Conflict[]): SessionMember[] {
  return members.filter((m) => !isRecused(m.userId, item, conflicts));
}

/** The quorum base: all members, less the recused where the rule says so. */
export function quorumBase(rule: VotingRule, membersTotal: number, eligible: number): number {
  return rule.recusalReducesDenominator ? eligible : membersTotal;
}

/** Ballots that count toward quorum: abstentions only if the rule counts them as present. */
export function countedTowardQuorum(rule: VotingRule, counts: ChoiceCounts): number {
  return counts.agree + counts.disagree + (rule.abstainCountsAsPresent ? counts.abstain : 0);
}

export function quorumMet(rule: VotingRule, membersTotal: number, eligible: number, counted: number): boolean {
  return atLeast(counted, quorumBase(rule, membersTotal, eligible), rule.quorum);
}
