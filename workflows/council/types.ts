import type { Level } from '@vinhdanh/domain/common/levels';
import type { Actor } from '../nomination/types';

export type CouncilRole = 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER';
export type Choice = 'AGREE' | 'DISAGREE' | 'ABSTAIN';

/** Exact fractions: 2/3 of 9 is 6, never 5.999…  */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * How a council decides on one award (law.md §2.4: UNCERTAIN today, so configuration). The
 * defaults and their citations live in libs/domain/src/council; the session records the rule it used.
 */
export interface VotingRule {
  ruleKey: string;
  quorum: Fraction;
  threshold: Fraction & { strict: boolean };
  basis: 'ALL_MEMBERS' | 'PRESENT';
  recusalReducesDenominator: boolean;
  abstainCountsAsPresent: boolean;
  secretBallot: boolean;
  citation: { vi: string; en: string; source?: string }[];
}

export interface SessionMember {
  userId: string;
  fullName: string;
  role: CouncilRole;
}

export interface SessionItem {
  nominationId: string;
  workflowId: string;
  awardCode: string;
  nomineeName: string;
  nomineeUserId?: string;
  ruleKey: string;
}

export interface Conflict {
  userId: string;
  nominationId: string;
  reason: string;
}

export interface CouncilSessionInput {
  sessionId: string;
  councilId: string;
  councilNameVi: string;
  level: Level;
  /** Membership as of the opening date. */
  members: SessionMember[];
  items: SessionItem[];
  /** Nominees who sit on the council and declared conflicts, known at opening. */
  conflicts: Conflict[];
  rules: Record<string, VotingRule>;
  deadline: string;
  openedBy: Actor;
}

export interface ItemResult {
  nominationId: string;
  workflowId: string;
  result: 'PASSED' | 'FAILED' | 'NO_QUORUM';
  reasonVi: string;
  reasonEn: string;
  ruleKey: string;
  tallyRef: string;
}

export interface CouncilSessionView {
  sessionId: string;
  councilId: string;
  status: 'OPEN' | 'CLOSED';
  deadline: string;
  closedReason?: 'CLOSED_BY_SECRETARY' | 'ALL_VOTED' | 'DEADLINE';
  membersTotal: number;
  votedUserIds: string[];
  conflicts: Conflict[];
  items: { nominationId: string; awardCode: string; nomineeName: string; ruleKey: string; eligible: number; voted: number; quorumReached: boolean }[];
  results?: ItemResult[];
}
