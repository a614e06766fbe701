import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { MessageAuth } from '@vinhdanh/domain/common/authenticity';
import type { BallotCode } from '@vinhdanh/domain/council';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import type { CouncilSessionView } from '@vinhdanh/domain/ladder/council';

/** SEALED_V1 ballot: kept so sessions opened before blind ballots replay and finish. */
export interface CastBallotArgs {
  actor: Actor;
  coverage: string[];
  sealed: string;
}

/** BLIND_V2: a member takes one ballot per nomination; the API signs the blinded tokens after this is accepted. */
export interface TakeBallotsArgs {
  actor: Actor;
  auth: MessageAuth;
  /** SHA-256 of each blinded message: the same request may be repeated (a retry), a different one not. */
  requests: { nominationId: string; blindedHash: string }[];
}

/** BLIND_V2: a ballot with no account. Fixed length: uuid, 64-hex receipt, one-letter choice. */
export interface CastSecretBallotArgs {
  auth: MessageAuth;
  nominationId: string;
  receiptHash: string;
  choice: BallotCode;
}

/** BLIND_V2: the API asks the session to open its ballot box (every eligible member has voted, or the secretary closes). */
export interface OpenBallotBoxArgs {
  auth: MessageAuth;
}

export interface DeclareConflictArgs {
  actor: Actor;
  auth?: MessageAuth;
  nominationId: string;
  reason: string;
}

export interface CloseSessionArgs {
  actor: Actor;
  auth?: MessageAuth;
}

export const castBallotUpdate = defineUpdate<CouncilSessionView, [CastBallotArgs]>('castBallot');
export const takeBallotsUpdate = defineUpdate<CouncilSessionView, [TakeBallotsArgs]>('takeBallots');
export const castSecretBallotUpdate = defineUpdate<{ accepted: true }, [CastSecretBallotArgs]>('castSecretBallot');
export const openBallotBoxUpdate = defineUpdate<{ counted: number }, [OpenBallotBoxArgs]>('openBallotBox');
export const declareConflictUpdate = defineUpdate<CouncilSessionView, [DeclareConflictArgs]>('declareConflict');
export const closeSessionUpdate = defineUpdate<CouncilSessionView, [CloseSessionArgs]>('closeSession');
export const sessionQuery = defineQuery<CouncilSessionView>('session');

export const COUNCIL_SESSION_WORKFLOW_TYPE = 'councilSessionWorkflow';
export const councilSessionWorkflowId = (sessionId: string): string => `council-session-${sessionId}`;
