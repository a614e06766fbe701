import type { Level } from '@vinhdanh/domain/common/levels';
import type { EligibilityResult } from '@vinhdanh/domain/eligibility';
import type { PostingRule, RouteStep } from '@vinhdanh/domain/routing';
import type { Actor, DocumentRef, NominationInput, OpenTask, Role } from './nomination';

/* The results of activities that events record as they are. */

export interface IssueDecisionResult {
  decisionId: string;
  number: string;
  issuedOn: string;
  /** The issuer, as it was named when it signed: numbers are only unique with it. */
  issuerUnitId?: string;
  issuerNameVi?: string;
  issuerNameEn?: string;
}

/** The posting's first and last day (Vietnam dates) and the instant it ends. */
export interface PlanPostingResult {
  from: string;
  until: string;
  untilAt: string;
}

export interface SubmitProposalResult {
  number: string;
  submittedOn: string;
}

/** Sent by a council session to a nomination when its tally is final. */
export interface CouncilResult {
  sessionId: string;
  councilId: string;
  result: 'PASSED' | 'FAILED' | 'NO_QUORUM';
  reasonVi: string;
  reasonEn: string;
  ruleKey: string;
  tallyRef: string;
}

/**
 * Whether a signal's argument has the shape of a council result. Anyone who reaches the Temporal
 * frontend can send a signal with no argument, or any JSON: that must be ignored, not crash the handler.
 */
export function isCouncilResult(value: unknown): value is CouncilResult {
  const v = value as Partial<Record<keyof CouncilResult, unknown>> | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.sessionId === 'string' && typeof v.councilId === 'string'
    && (v.result === 'PASSED' || v.result === 'FAILED' || v.result === 'NO_QUORUM') && typeof v.reasonVi === 'string' && typeof v.reasonEn === 'string';
}

/**
 * What each event of a nomination records, by its type. Events are facts in the past tense with
 * no derived data; the projection, the notifications, the timeline and the web app read them.
 * Histories recorded before a field existed lack it, so readers treat added fields as optional.
 */
export interface NominationEventData {
  NominationSubmitted: { input: NominationInput };
  EligibilityAssessed: EligibilityResult;
  ReviewRequested: { task: OpenTask };
  ReviewReminderSent: { task: OpenTask; dueAt?: string };
  ReviewEscalated: { task: OpenTask; toUnitId: string; toRole: Role };
  SupplementRequested: { items?: string[]; deadline?: string; task: OpenTask };
  /** `changes`: corrections to the dossier the request called for; a document's `item` is the requested item it answers. */
  SupplementProvided: { documents: (DocumentRef & { item?: number })[]; changes?: { achievements?: string; position?: string; frontLine?: boolean } };
  /** `office`: approved by the President's Office on the State-award step. */
  ReviewApproved: { justification: string | null; eligibility?: string; office?: boolean };
  NominationRejected: Record<string, never>;
  CouncilVoteRequested: { councilId: string; ruleKey: string; task: OpenTask };
  CouncilResultReceived: CouncilResult;
  /** `proposal`: the Government is asked to propose to the President rather than to decide. */
  DecisionRequested: { task: OpenTask; proposal?: boolean };
  DecisionIssued: IssueDecisionResult;
  ProposalForwarded: { from: Level; to: Level };
  NominationWithdrawn: Record<string, never>;
  NominationExpired: Record<string, never>;
  UnauthenticatedMessageIgnored: { message: string; reason: string };
  PublicPostingStarted: PlanPostingResult & Pick<PostingRule, 'kind' | 'days' | 'unit' | 'citation'>;
  PublicCommentReceived: { commentId: string; text: string; authorName: string | null; level: Level };
  PublicCommentAnswered: { commentId: string; answer: string };
  PublicPostingEnded: { comments: number; answered: number };
  ProposalSubmitted: SubmitProposalResult & { toUnitId: string };
  /** After a reorganisation: the unit and council maps applied, and the route as it now stands. */
  NominationRerouted: { units: Record<string, string>; councils: Record<string, string>; unitId: string; route: RouteStep[]; changed: boolean };
  /** The clerk corrected the dossier before its first review: the fields as they now stand. */
  DossierAmended: { changes: { achievements?: string; position?: string; frontLine?: boolean; documents?: DocumentRef[] } };
  /** A nomination in flight when the 2025 steps shipped: the steps its award now requires (posting, President), added to its route. */
  RouteCompleted: { route: RouteStep[]; added: string[] };
}

export type EventType = keyof NominationEventData;

export type EventActor = { userId: string; fullName: string; role: Role | 'SYSTEM' | 'PUBLIC' };

/** A domain event as the workflow records it: one variant per type, so `switch (e.type)` narrows `data`. */
export type NominationEvent = {
  [T in EventType]: {
    seq: number;
    type: T;
    level: Level;
    at: string;
    actor?: EventActor;
    reason?: string;
    /** The rule applied: catalogue version, article, policy key, council rule. */
    rule?: string;
    /** `updateId`: the Update this event answers, so a retried request finds its effect. */
    data: NominationEventData[T] & { updateId?: string | null };
  };
}[EventType];

export type NominationEventOf<T extends EventType> = Extract<NominationEvent, { type: T }>;

/** For `switch` statements over event types: a new type that some reader forgot fails to compile. */
export function unhandledEvent(event: never): never {
  throw new Error(`unhandled event type ${(event as { type?: string }).type}`);
}

export type { Actor };

/** An event as the read model keeps it (nomination_event) and the API shows it: one variant per type. */
export type RecordedStep = {
  [T in EventType]: {
    seq: number;
    type: T;
    level: Level;
    actorId: string | null;
    actorRole: Role | 'SYSTEM' | 'PUBLIC' | null;
    reason: string | null;
    rule: string | null;
    data: NominationEventData[T] & { updateId?: string | null };
    occurredAt: string;
  };
}[EventType];
