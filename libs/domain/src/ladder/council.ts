import type { Level } from '@vinhdanh/domain/common/levels';
import type { Conflict, SessionItem, SessionMember, VotingRule } from '@vinhdanh/domain/council';
import type { Actor } from './nomination';

export type { Choice, Conflict, CouncilRole, Fraction, SessionItem, SessionMember, VotingRule } from '@vinhdanh/domain/council';

/**
 * How ballots are cast. SEALED_V1 (sessions opened before blind ballots): one ballot per member,
 * sealed by the API, the member's id in the same Update. BLIND_V2: per nomination, a ballot
 * blind-signed for a member and cast with no account (docs/council-voting.md).
 */
export type BallotScheme = 'SEALED_V1' | 'BLIND_V2';

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
  /** Absent on sessions opened before blind ballots. */
  scheme?: BallotScheme;
  /** BLIND_V2: SHA-256 of each nomination's ballot-signing public key, fixed at opening. */
  ballotKeys?: Record<string, string>;
}

export interface ItemResult {
  nominationId: string;
  workflowId: string;
  /** VOID: the nomination was no longer waiting for this council, or already had its decisive tally. */
  result: 'PASSED' | 'FAILED' | 'NO_QUORUM' | 'VOID';
  reasonVi: string;
  reasonEn: string;
  ruleKey: string;
  tallyRef: string;
}

export interface CouncilSessionView {
  sessionId: string;
  councilId: string;
  scheme: BallotScheme;
  status: 'OPEN' | 'CLOSED';
  deadline: string;
  closedReason?: 'CLOSED_BY_SECRETARY' | 'ALL_VOTED' | 'DEADLINE';
  membersTotal: number;
  /** Who took part: voted (SEALED_V1), or took at least one ballot (BLIND_V2). Never how. */
  turnoutUserIds: string[];
  /** SEALED_V1 name of turnoutUserIds, kept for clients of that time. */
  votedUserIds: string[];
  conflicts: Conflict[];
  items: {
    nominationId: string;
    awardCode: string;
    nomineeName: string;
    ruleKey: string;
    eligible: number;
    /** Members holding a ballot for it (BLIND_V2) or who voted (SEALED_V1). */
    holders: number;
    /** Ballots in the box. */
    voted: number;
    quorumReached: boolean;
  }[];
  results?: ItemResult[];
}
