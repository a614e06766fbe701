/** One workflow per nomination, its id derived from the nomination so a repeat cannot start a second. */
export const nominationWorkflowId = (nominationId: string): string => `nomination-${nominationId}`;

/** The registered workflow type; clients start it by this name with `typeof nominationWorkflow` for types. */
export const NOMINATION_WORKFLOW_TYPE = 'nominationWorkflow';
