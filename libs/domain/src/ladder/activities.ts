import type { NominationView, Actor } from './nomination';
import type { IssueDecisionResult, NominationEvent, PlanPostingResult, SubmitProposalResult } from './events';

export type { IssueDecisionResult, PlanPostingResult, SubmitProposalResult } from './events';

/**
 * What workflows may ask of the outside world. Workflows import this file for types only; the
 * implementations live in activity factories that close over repositories (one input
 * object, one result object, idempotent by workflow id and step).
 */

export interface RecordEventInput {
  nominationId: string;
  event: NominationEvent;
  view: NominationView;
}
export interface RecordEventResult {
  notificationIds: string[];
  /**
   * The input, as committed. Run as a local activity, recordEvent leaves only its result in the
   * history (a marker), not its input; echoing the input keeps every event in the history, which is
   * the record the audit reads (apps/api/src/audit/history.ts).
   */
  recorded?: RecordEventInput;
}

export interface AppraiseInput {
  nominationId: string;
}
export type AppraiseResult = import('@vinhdanh/domain/eligibility').EligibilityResult;

export interface IssueDecisionInput {
  nominationId: string;
  batchKey: string;
  issuerUnitId: string;
  signer: Actor;
  awardCode: string;
  awardNameVi: string;
  year: number;
  titleVi?: string;
}

export interface PlanPostingInput {
  nominationId: string;
  level: import('@vinhdanh/domain/common/levels').Level;
  rule: import('@vinhdanh/domain/routing').PostingRule;
}

export interface LegacyStepsInput {
  nominationId: string;
}
export interface LegacyStepsResult {
  steps: Pick<import('@vinhdanh/domain/routing').RouteStep, 'level' | 'posting' | 'president'>[];
}

export interface SubmitProposalInput {
  nominationId: string;
  issuerUnitId: string;
  signer: Actor;
}

export interface DeliverNotificationsInput {
  ids: string[];
}
export interface DeliverNotificationsResult {
  delivered: number;
  emailed: number;
}

export interface NominationActivities {
  recordEvent(input: RecordEventInput): Promise<RecordEventResult>;
  appraise(input: AppraiseInput): Promise<AppraiseResult>;
  issueDecision(input: IssueDecisionInput): Promise<IssueDecisionResult>;
  planPosting(input: PlanPostingInput): Promise<PlanPostingResult>;
  legacySteps(input: LegacyStepsInput): Promise<LegacyStepsResult>;
  submitProposal(input: SubmitProposalInput): Promise<SubmitProposalResult>;
  deliverNotifications(input: DeliverNotificationsInput): Promise<DeliverNotificationsResult>;
}

export interface RecordCouncilEventInput {
  sessionId: string;
  type: 'SessionOpened' | 'BallotCast' | 'BallotIssued' | 'ConflictDeclared' | 'SessionClosed';
  actorId?: string;
  view: import('./council').CouncilSessionView;
  data?: Record<string, unknown>;
}

export interface TallyCouncilSessionInput {
  input: import('./council').CouncilSessionInput;
  sealed: string[];
  voted: string[];
  conflicts: import('./council').Conflict[];
  closedReason: string | undefined;
}

export interface TallyCouncilSessionResult {
  results: import('./council').ItemResult[];
}

/** BLIND_V2: ballots (choice only) and receipts as two separate lists; who held a ballot per nomination. */
export interface TallySecretBallotsInput {
  input: import('./council').CouncilSessionInput;
  ballots: { nominationId: string; choice: import('@vinhdanh/domain/council').BallotCode }[];
  receipts: { nominationId: string; receiptHash: string }[];
  holders: Record<string, string[]>;
  conflicts: import('./council').Conflict[];
  closedReason: string | undefined;
}

/** Opens a BLIND_V2 session's ballot box; `openingId` makes a retried opening take the same ballots. */
export interface OpenBallotBoxInput {
  sessionId: string;
  openingId: string;
  /** The final opening: nothing more may be dropped in. */
  close: boolean;
}

export interface OpenBallotBoxResult {
  /** In a random order: the order says nothing about when each was cast. */
  ballots: { nominationId: string; receiptHash: string; choice: import('@vinhdanh/domain/council').BallotCode }[];
}

export interface CouncilActivities {
  recordCouncilEvent(input: RecordCouncilEventInput): Promise<void>;
  openBallotBox(input: OpenBallotBoxInput): Promise<OpenBallotBoxResult>;
  /** SEALED_V1 sessions. */
  tallyCouncilSession(input: TallyCouncilSessionInput): Promise<TallyCouncilSessionResult>;
  tallySecretBallots(input: TallySecretBallotsInput): Promise<TallyCouncilSessionResult>;
}

export interface BenchActivities {
  benchNoop(input: { n: number }): Promise<{ n: number }>;
}

export interface RecordRevocationEventInput {
  caseId: string;
  type: 'RevocationOpened' | 'AwardRevoked' | 'RevocationDismissed' | 'RevocationRerouted';
  actor: { userId: string; fullName: string; role: string };
  status: import('./revocation').RevocationStatus;
  data: Record<string, unknown>;
}

export interface IssueRevocationInput {
  caseId: string;
  registerId: string;
  issuerUnitId: string;
  signer: Actor;
  reason: string;
}
export interface IssueRevocationResult {
  decisionId: string;
  number: string;
  issuedOn: string;
  issuerNameVi: string;
}

export interface RevocationActivities {
  recordRevocationEvent(input: RecordRevocationEventInput): Promise<void>;
  issueRevocation(input: IssueRevocationInput): Promise<IssueRevocationResult>;
}
