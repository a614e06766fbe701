import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../nomination/types';
import type { CouncilSessionView } from './types';

export interface CastBallotArgs {
  actor: Actor;
  /** The nominations this ballot covers: every item the member is not recused from. */
  coverage: string[];
  /**
   * The choices and receipt hash, sealed (AES-256-GCM) by the API with a key only the API and the
   * worker hold: the history records who voted, never how.
   */
  sealed: string;
}

export interface DeclareConflictArgs {
  actor: Actor;
  nominationId: string;
  reason: string;
}

export interface CloseSessionArgs {
  actor: Actor;
}

export const castBallotUpdate = defineUpdate<CouncilSessionView, [CastBallotArgs]>('castBallot');
export const declareConflictUpdate = defineUpdate<CouncilSessionView, [DeclareConflictArgs]>('declareConflict');
export const closeSessionUpdate = defineUpdate<CouncilSessionView, [CloseSessionArgs]>('closeSession');
export const sessionQuery = defineQuery<CouncilSessionView>('session');

export const COUNCIL_SESSION_WORKFLOW_TYPE = 'councilSessionWorkflow';
export const councilSessionWorkflowId = (sessionId: string): string => `council-session-${sessionId}`;
