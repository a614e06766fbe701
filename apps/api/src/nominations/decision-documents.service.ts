import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { awardNames } from '@vinhdanh/domain/catalogue';
import { DomainError, notFound } from '@vinhdanh/domain/common/errors';
import { decisionText, legalBasesOn, placeOf } from '@vinhdanh/domain/decisions';
import { keepSignedDecision, signedDecisionDocument, type SignedDecisionDocument } from '@vinhdanh/persistence/read-model/decisions';
import { awardsRevokedBy, decisionDocument, decisionRecipients } from '@vinhdanh/persistence/read-model/public-record';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { signedDecisionPdf } from '@vinhdanh/platform/documents/pdf';
import { SigningAuthorities } from '@vinhdanh/platform/documents/signing-authorities';
import type { DecisionView } from './decision-responses';

/** A decision as its documents show it, and its signed PDF: signed once by its issuer, then kept. */
@Injectable()
export class DecisionDocuments {
  readonly authorities: SigningAuthorities;

  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.authorities = new SigningAuthorities(config.signing.dir, config.signing.passphrase, config.signing.autoIssue);
  }

  /**
   * The decision with what its document shows: the issuer as named when it signed and where it sits,
   * the legal basis of its day, each recipient with their bonus, and any revocation.
   */
  async view(id: string): Promise<DecisionView> {
    const decision = await decisionDocument(this.ds.manager, id);
    if (!decision) throw notFound('DECISION_NOT_FOUND', 'Không tìm thấy quyết định.', 'Decision not found.');
    const [recipients, revokes] = await Promise.all([
      decisionRecipients(this.ds.manager, id),
      decision.kind === 'REVOCATION' ? awardsRevokedBy(this.ds.manager, id) : [],
    ]);
    return { ...decision, place: placeOf(decision), basisVi: legalBasesOn(decision.issuedOn), recipients, revokes };
  }

  /** The signed PDF: the kept one, or set and signed now with the issuer's key and kept once. */
  async signed(id: string): Promise<SignedDecisionDocument & { view: DecisionView }> {
    const v = await this.view(id);
    const kept = await signedDecisionDocument(this.ds.manager, id);
    if (kept) return { ...kept, view: v };
    if (!this.authorities.canSign(v.issuerUnitId)) {
      // The operator has not installed this authority's key (docs/documents.md): nothing is signed
      // until they do, and the answer says so rather than failing obscurely.
      throw new DomainError({
        code: 'SIGNING_KEY_MISSING',
        kind: 'UNAVAILABLE',
        messageVi: `Chưa có khóa ký số của ${v.issuerNameVi}: quản trị viên cần cài tệp khóa (PKCS#12) của cơ quan này; quyết định sẽ được ký khi có khóa.`,
        messageEn: `No signing key for ${v.issuerNameVi} yet: the operator must install its PKCS#12 key; the decision is signed once it is there.`,
      });
    }
    const identity = this.authorities.identity(v.issuerUnitId, v.issuerNameVi);
    const signedAt = new Date();
    const pdf = await signedDecisionPdf(decisionText(v, (code) => awardNames(code).vi), identity, this.config.signing.fontDir, signedAt);
    const doc = { decisionId: id, sha256: createHash('sha256').update(pdf).digest('hex'), pdf, signer: identity.subject, signedAt };
    // Two first downloads at once: keepSignedDecision keeps the first and answers it to both.
    return { ...(await this.ds.transaction((tx) => keepSignedDecision(tx, doc))), view: v };
  }
}
