import type { DomainErrorBody } from '@vinhdanh/domain/common/errors';
import type { OrgUnitRow } from '@vinhdanh/persistence/read-model/org';

/** The organisation endpoints' bodies. */

/** One unit as the organisation endpoints answer it. */
export type OrgUnitView = OrgUnitRow;

export interface OrgUnits {
  items: OrgUnitRow[];
}

/** A unit's succession recorded, and each open nomination routed through it re-routed (or why not). */
export interface SuccessionResult {
  unitId: string;
  successorId: string;
  lastDay: string;
  rerouted: ({ nominationId: string; ok: true; changed: boolean } | { nominationId: string; ok: false; error: DomainErrorBody })[];
  /** Open revocation cases the ceased unit had to decide, now its successor's. */
  reroutedCases: ({ caseId: string; ok: true } | { caseId: string; ok: false; error: DomainErrorBody })[];
}
