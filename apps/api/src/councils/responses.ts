import type { CouncilRole } from '@vinhdanh/domain/council';
import type { CouncilRow, SessionSummary, WaitingItem } from '@vinhdanh/persistence/read-model/councils';
import type { CouncilInfo, MemberTerm } from '@vinhdanh/persistence/council/membership';

/** The bodies the council endpoints answer; the OpenAPI document's schemas are generated from these. */

export interface MyCouncils {
  /** The councils the caller sits on today, with their role. */
  councils: (CouncilRow & { role: CouncilRole })[];
  /** Their 50 most recent sessions. */
  sessions: SessionSummary[];
}

/** A nomination waiting for the council's vote and on no open session. */
export type WaitingNomination = Omit<WaitingItem, 'nomineePersonalIdHash'>;

export interface SessionOpened {
  sessionId: string;
  workflowId: string;
  /** Nominations on the session. */
  items: number;
  /** Members of the council today. */
  members: number;
}

/** What a member sees before voting: the list, recusals marked, each nomination's ballot key, the ballots taken. */
export interface MyBallot {
  sessionId: string;
  scheme: 'SEALED_V1' | 'BLIND_V2';
  status: 'OPEN' | 'CLOSED';
  deadline: string;
  /** Whether the caller has taken any ballot. */
  voted: boolean;
  items: {
    nominationId: string;
    awardCode: string;
    nomineeName: string;
    /** The caller may not vote on it (conflict of interest). */
    recused: boolean;
    /** The caller has already taken its ballot. */
    taken: boolean;
    /** The nominee bears the caller's name and the caller has not yet declared it is not them: asked before the ballot is taken. */
    namesake: boolean;
    /** The council's RSA public key for this nomination's ballots (SPKI, base64), or null for a sealed session. */
    publicKey: string | null;
  }[];
}

/** The council's blind signatures over the member's blinded tokens, one per nomination. */
export interface IssuedBallots {
  signatures: { nominationId: string; blindSignature: string }[];
}

/** A ballot in the box: the receipt lets its holder check it was counted, and shows no choice. */
export interface BallotReceipt {
  receipt: string;
  messageVi: string;
  messageEn: string;
}

export interface ReceiptCheck {
  status: 'OPEN' | 'CLOSED';
  /** Whether a ballot with this receipt is counted (taken from the box by the session, or tallied). */
  counted: boolean;
  /** Whether it is in the ballot box, counted or waiting for the session to open the box. */
  inBox: boolean;
}

export type WaitingNominations = WaitingNomination[];

/** Who has taken their ballots in a session (never how they voted). */
export interface SessionTurnout {
  status: 'OPEN' | 'CLOSED';
  members: { userId: string; fullName: string; role: import('@vinhdanh/domain/council').CouncilRole; tookBallot: boolean }[];
}

/** The members reminded now, and those already reminded within the hour (not reminded twice). */
export interface Reminded {
  reminded: string[];
  alreadyThisHour: string[];
}

/** The councils an administrator or auditor may read. */
export interface CouncilList {
  items: CouncilInfo[];
}

/** A council's members, every term past, current and future, as of Vietnam's `today`. */
export interface CouncilMembers {
  council: CouncilInfo;
  today: string;
  items: (MemberTerm & { current: boolean })[];
}
