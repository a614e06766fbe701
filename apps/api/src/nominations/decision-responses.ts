import type { DomainErrorBody } from '@vinhdanh/domain/common/errors';
import type { SignatureReport } from '@vinhdanh/platform/documents/verify-signature';
import type { NominationStatus, NominationView } from '@vinhdanh/domain/ladder/nomination';
import type { DecisionDocument, DecisionRecipient } from '@vinhdanh/persistence/read-model/public-record';

/** The decision endpoints' bodies; the OpenAPI document's schemas are generated from these. */

/** One nomination's part in a batch decision: decided, or refused with its reason. */
export type BatchDecisionItem =
  | { nominationId: string; ok: true; status: NominationStatus; decision?: NominationView['decision'] }
  | { nominationId: string; ok: false; error: DomainErrorBody };

export interface BatchDecisionResult {
  /** Derived from the request: a retry joins the same decision. */
  batchKey: string;
  results: BatchDecisionItem[];
}

/** A decision as its document shows it: issuer, place, legal basis, recipients with their bonus, any revocation. */
export interface DecisionView extends DecisionDocument {
  /** The place line (địa danh): the capital for central bodies, else the province. */
  place: string;
  /** The legal bases (căn cứ) of the day of issue. */
  basisVi: string[];
  recipients: DecisionRecipient[];
  /** For a revocation decision: the awards it takes back. */
  revokes: { nomineeName: string; decisionNumber: string; issuerNameVi: string; reason: string }[];
}

/** What a check of a downloaded decision found: the signature, the chain, and the register's copy. */
export interface DecisionVerification extends SignatureReport {
  /** The decision whose signed PDF this is, when the register holds this very file. */
  register: { decisionId: string; number: string; issuerNameVi: string } | null;
}
