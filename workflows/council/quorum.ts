import type { Conflict, SessionItem, SessionMember, VotingRule } from './types';

/** Pure counting shared by the session's validators and its view (no I/O, exact integers). */

export const atLeast = (count: number, of: number, f: { numerator: number; denominator: number }): boolean => count * f.denominator >= of * f.numerator;

export function isRecused(userId: string, item: SessionItem, conflicts: Conflict[]): boolean {
  return item.nomineeUserId === userId || conflicts.some((c) => c.userId === userId && c.nominationId === item.nominationId);
}

/** Members entitled to vote on an item, and how many of them have voted. */
export function itemTurnout(item: SessionItem, members: SessionMember[], conflicts: Conflict[], voted: string[]): { eligible: number; voted: number } {
  const eligible = members.filter((m) => !isRecused(m.userId, item, conflicts));
  return { eligible: eligible.length, voted: eligible.filter((m) => voted.includes(m.userId)).length };
}

/** Quorum is counted against all members, less the recused where the rule says so. */
export function quorumReached(item: SessionItem, rule: VotingRule, members: SessionMember[], conflicts: Conflict[], voted: string[]): boolean {
  const turnout = itemTurnout(item, members, conflicts, voted);
  const base = rule.recusalReducesDenominator ? turnout.eligible : members.length;
  return atLeast(turnout.voted, base, rule.quorum);
}
