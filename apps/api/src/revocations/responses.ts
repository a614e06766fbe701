import type { RevocationCaseRow } from '@vinhdanh/persistence/read-model/revocations';

/** The revocation endpoints' bodies. */

export interface CaseOpened {
  caseId: string;
  workflowId: string;
  /** The authority that must decide the case. */
  decidingUnitId: string;
  status: 'OPEN';
}

export interface RevocationCases {
  items: RevocationCaseRow[];
}

/** A case with its audit trail. */
export interface RevocationCaseDetail extends RevocationCaseRow {
  trail: { seq: number; type: string; actorId: string | null; actorName: string | null; actorRole: string | null; at: string; payload: Record<string, unknown> }[];
}
