import type { Actor } from './nomination';
import type { MessageAuth } from '@vinhdanh/domain/common/authenticity';

/**
 * Grounds for revoking an award (thu hồi), Law Chapter VII (docs/law.md): fraudulent declaration,
 * false information or forged documents, an unlawful appraisal, review or proposal, or a later
 * competent finding of violations in the achievement period that make the recipient ineligible.
 */
export const REVOCATION_GROUNDS = ['FRAUDULENT_DECLARATION', 'FALSE_DOCUMENTS', 'UNLAWFUL_PROCEDURE', 'LATER_FINDING'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

export interface RevocationInput {
  caseId: string;
  registerId: string;
  nominationId?: string;
  decisionId: string;
  decisionNumber: string;
  /** Who signed the award: the revocation is decided by that authority (or its successor). */
  decidingUnitId: string;
  /** The recipient's account, if any: they may not decide their own case. */
  nomineeAccountUserId?: string;
  ground: RevocationGround;
  statement: string;
  evidence: { name: string; sha256: string }[];
  openedBy: Actor;
  auth?: MessageAuth;
}

export type RevocationStatus = 'OPEN' | 'REVOKED' | 'DISMISSED';

export interface RevocationView {
  caseId: string;
  status: RevocationStatus;
  decidingUnitId: string;
  revocationDecision?: { decisionId: string; number: string; issuedOn: string; issuerNameVi: string };
  reason?: string;
}

/** The deciding authority ceased (a reorganisation): its successor decides the case. */
export interface RerouteRevocationArgs {
  actor: Actor;
  auth?: MessageAuth;
  successorUnitId: string;
  reasonVi: string;
  reasonEn: string;
}

export interface DecideRevocationArgs {
  actor: Actor;
  auth?: MessageAuth;
  action: 'REVOKE' | 'DISMISS';
  reason: string;
}
