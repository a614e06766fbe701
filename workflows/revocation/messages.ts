import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecideRevocationArgs, RerouteRevocationArgs, RevocationView } from '@vinhdanh/domain/ladder/revocation';

export const decideRevocationUpdate = defineUpdate<RevocationView, [DecideRevocationArgs]>('decideRevocation');
export const rerouteRevocationUpdate = defineUpdate<RevocationView, [RerouteRevocationArgs]>('rerouteRevocation');
export const revocationQuery = defineQuery<RevocationView>('revocation');
export const REVOCATION_WORKFLOW_TYPE = 'revocationWorkflow';
export const revocationWorkflowId = (caseId: string) => `revocation-${caseId}`;
