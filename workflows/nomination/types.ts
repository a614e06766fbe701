import type { Level, RecipientKind } from '@vinhdanh/domain/common/levels';

export const ROLES = [
  'CLERK',
  'REVIEWER',
  'DECISION_MAKER',
  'UNIT_HEAD',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'AUDITOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, as the API vouches for it; recorded with every action. */
export interface Actor {
  userId: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  /** What makes a conflict of interest, read fresh by the API for this action (docs/conflicts.md). */
  conflicts?: import('@vinhdanh/domain/conflicts').ActorConflictFacts;
}

/** One rung as resolved for this nomination when it was submitted (recorded in history). */
export interface RouteStep {
  level: Level;
  /** Unit whose reviewers appraise at this level (the unit itself, Sở Nội vụ, Ban TĐKT TW). */
  reviewUnitId: string;
  /** Unit whose decision maker confers or forwards (unit head, UBND tỉnh, Chính phủ). */
  decisionUnitId: string;
  /** The council that votes at this level, if the award requires one here. */
  council?: { councilId: string; ruleKey: string };
}

export interface PolicyDurations {
  reviewDeadlineMs: number;
  reminderBeforeMs: number;
  escalateAfterMs: number;
  supplementDeadlineMs: number;
  decisionDeadlineMs: number;
}

export interface DocumentRef {
  name: string;
  sha256: string;
  sizeBytes?: number;
  mimeType?: string;
}

/** What the clerk submits (hồ sơ): the achievement and its evidence, by metadata and content hash. */
export interface Dossier {
  achievementPeriod: { from: string; to: string };
  achievements: string;
  documents: DocumentRef[];
  /** Simplified procedure case (Law Art 85, Decree 98 Art 40(1)), 1–5, if claimed. */
  simplifiedProcedureCase?: number;
  /** Reference to the achievement, so the same one cannot back a second award (Law Art 5(2)). */
  achievementRef?: string;
}

export interface Nominee {
  kind: RecipientKind;
  name: string;
  /** Normalised identity: `pid:<hash>` for a person, else unit, kind, name and birth year. */
  nomineeKey: string;
  /** HMAC of the personal identification number (never the number itself). */
  personalIdHash?: string;
  /** The nominee's own account, found by the personal identification number (recusal). */
  accountUserId?: string;
  /** Before personal identification numbers: an account id the clerk typed. Old inputs only. */
  userId?: string;
  birthYear?: number;
  position?: string;
  frontLine?: boolean;
  memberCount?: number;
}

export interface NominationInput {
  nominationId: string;
  dossierKey: string;
  unitId: string;
  movementId?: string;
  dossier: Dossier;
  awardCode: string;
  awardNameVi: string;
  awardNameEn: string;
  year: number;
  nominee: Nominee;
  catalogueVersion: string;
  decidingLevel: Level;
  route: RouteStep[];
  policy: PolicyDurations;
  submittedBy: Actor;
}

export const TERMINAL_STATUSES = ['AWARDED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export type NominationStatus =
  | 'IN_REVIEW'
  | 'SUPPLEMENT_REQUESTED'
  | 'AWAITING_COUNCIL'
  | 'AWAITING_DECISION'
  | (typeof TERMINAL_STATUSES)[number];

export type EventType =
  | 'NominationSubmitted'
  | 'EligibilityAssessed'
  | 'ReviewRequested'
  | 'ReviewReminderSent'
  | 'ReviewEscalated'
  | 'SupplementRequested'
  | 'SupplementProvided'
  | 'ReviewApproved'
  | 'NominationRejected'
  | 'CouncilVoteRequested'
  | 'CouncilResultReceived'
  | 'DecisionRequested'
  | 'DecisionIssued'
  | 'ProposalForwarded'
  | 'NominationWithdrawn'
  | 'NominationExpired'
  | 'UnauthenticatedMessageIgnored';

/** A domain event as the workflow records it; projections fold these (STYLE: past tense, no derived data). */
export interface NominationEvent {
  seq: number;
  type: EventType;
  level: Level;
  at: string;
  actor?: { userId: string; fullName: string; role: Role | 'SYSTEM' };
  reason?: string;
  /** The rule applied: catalogue version, article, policy key, council rule. */
  rule?: string;
  data: Record<string, unknown>;
}

export interface OpenTask {
  key: string;
  kind: 'REVIEW' | 'SUPPLEMENT' | 'DECISION' | 'COUNCIL';
  level: Level;
  unitId: string;
  role: Role;
  dueAt?: string;
}

/** What a Query returns and what the projection stores as the current state. */
export interface NominationView {
  nominationId: string;
  status: NominationStatus;
  level: Level;
  step: string;
  task?: OpenTask;
  supplement?: { items: string[]; deadline: string; round: number };
  eligibility?: { outcome: string; catalogueVersion: string; summaryVi: string; summaryEn: string };
  decision?: { decisionId: string; number: string; issuedOn: string };
  outcomeReason?: string;
  lastSeq: number;
}
