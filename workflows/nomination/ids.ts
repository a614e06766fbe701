/** One workflow per nomination, its id derived from the nomination so a repeat cannot start a second. */
export const nominationWorkflowId = (nominationId: string): string => `nomination-${nominationId}`;
