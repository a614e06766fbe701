import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MessageAuth } from '@vinhdanh/domain/common/authenticity';
import type { Actor, NominationView, RouteStep } from '@vinhdanh/domain/ladder/nomination';
import type { CouncilResult } from '@vinhdanh/domain/ladder/events';

export type { CouncilResult } from '@vinhdanh/domain/ladder/events';

/** The single definition of every message; the API imports these, never string names. */

export interface ReviewArgs {
  actor: Actor;
  /** When and once: made by the API for this request (see checkMessageAuth). */
  auth?: MessageAuth;
  action: 'APPROVE' | 'REJECT' | 'REQUEST_SUPPLEMENTS';
  reason?: string;
  /** Required when approving against a negative or undecided eligibility result. */
  justification?: string;
  items?: string[];
  deadlineDays?: number;
}

export interface ResubmitArgs {
  actor: Actor;
  /** When and once: made by the API for this request (see checkMessageAuth). */
  auth?: MessageAuth;
  note: string;
  /** The files supplied; `item`: the index of the requested item a file answers. */
  documents: { name: string; sha256: string; sizeBytes?: number; mimeType?: string; component?: string; item?: number }[];
  /** Corrections to the dossier the request called for (the same fields as before review). */
  changes?: DossierChanges;
}

/**
 * The clerk corrects the dossier before anyone has reviewed it (a typo, a missing file): the
 * achievements, position, front-line flag or documents. Who the nominee is, the award and the year
 * make the dossier what it is and cannot change; for those it is withdrawn and sent anew.
 */
export interface AmendArgs {
  actor: Actor;
  /** When and once: made by the API for this request (see checkMessageAuth). */
  auth?: MessageAuth;
  changes: DossierChanges & { documents?: { name: string; sha256: string; sizeBytes?: number; mimeType?: string; component?: string }[] };
  note?: string;
}

/** The fields of a dossier its clerk may correct (the nominee, award and year make the dossier and cannot change). */
export interface DossierChanges {
  achievements?: string;
  position?: string;
  frontLine?: boolean;
}

export interface WithdrawArgs {
  actor: Actor;
  /** When and once: made by the API for this request (see checkMessageAuth). */
  auth?: MessageAuth;
  reason: string;
}

export interface DecideArgs {
  actor: Actor;
  /** When and once: made by the API for this request (see checkMessageAuth). */
  auth?: MessageAuth;
  /** CONFER decides; PROPOSE is the Government's proposal (tờ trình) to the President; REFUSE ends it. */
  action: 'CONFER' | 'REFUSE' | 'PROPOSE';
  reason?: string;
  /** Nominations decided with the same key share one decision and one number. */
  batchKey?: string;
  titleVi?: string;
}


/** A comment from the public on a posted nomination (no account: the API vouches for nothing but the time). */
export interface PublicCommentArgs {
  auth?: MessageAuth;
  text: string;
  authorName?: string;
  contact?: string;
}
export interface PublicCommentResult {
  commentId: string;
  receivedAt: string;
}

export interface AnswerCommentArgs {
  actor: Actor;
  auth?: MessageAuth;
  commentId: string;
  answer: string;
}

/**
 * A deciding or reviewing body ceased (reorganisation): its rungs not yet passed go to the successor.
 * Sent by the API on an administrator's order, with the reason that goes into the audit trail.
 */
export interface RerouteArgs {
  actor: Actor;
  auth?: MessageAuth;
  /** ceased unit id → successor unit id */
  units: Record<string, string>;
  /** ceased council id → successor council id */
  councils: Record<string, string>;
  reasonVi: string;
  reasonEn: string;
}

export const reviewUpdate = defineUpdate<NominationView, [ReviewArgs]>('review');
export const resubmitUpdate = defineUpdate<NominationView, [ResubmitArgs]>('resubmit');
export const withdrawUpdate = defineUpdate<NominationView, [WithdrawArgs]>('withdraw');
export const amendUpdate = defineUpdate<NominationView, [AmendArgs]>('amend');
export const decideUpdate = defineUpdate<NominationView, [DecideArgs]>('decide');
export const publicCommentUpdate = defineUpdate<PublicCommentResult, [PublicCommentArgs]>('publicComment');
export const answerCommentUpdate = defineUpdate<NominationView, [AnswerCommentArgs]>('answerComment');
export const rerouteUpdate = defineUpdate<{ route: RouteStep[]; changed: boolean }, [RerouteArgs]>('reroute');
export const councilResultSignal = defineSignal<[CouncilResult]>('councilResult');
export const stateQuery = defineQuery<NominationView>('state');
