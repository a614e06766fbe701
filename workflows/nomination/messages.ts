import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MessageAuth } from '@vinhdanh/domain/common/authenticity';
import type { Actor, NominationView } from './types';

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
  documents: { name: string; sha256: string; sizeBytes?: number }[];
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
  action: 'CONFER' | 'REFUSE';
  reason?: string;
  /** Nominations decided with the same key share one decision and one number. */
  batchKey?: string;
  titleVi?: string;
}

/** Sent by a council session (council issue) when its tally is final. */
export interface CouncilResult {
  sessionId: string;
  councilId: string;
  result: 'PASSED' | 'FAILED' | 'NO_QUORUM';
  reasonVi: string;
  reasonEn: string;
  ruleKey: string;
  tallyRef: string;
}

export const reviewUpdate = defineUpdate<NominationView, [ReviewArgs]>('review');
export const resubmitUpdate = defineUpdate<NominationView, [ResubmitArgs]>('resubmit');
export const withdrawUpdate = defineUpdate<NominationView, [WithdrawArgs]>('withdraw');
export const decideUpdate = defineUpdate<NominationView, [DecideArgs]>('decide');
export const councilResultSignal = defineSignal<[CouncilResult]>('councilResult');
export const stateQuery = defineQuery<NominationView>('state');
