import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { quietForMs } from '../common/activity';
import { DataSource } from 'typeorm';
import { awardNames } from '@vinhdanh/domain/catalogue';
import { DomainError, conflict, notFound } from '@vinhdanh/domain/common/errors';
import { decisionText, legalBasesOn, placeOf } from '@vinhdanh/domain/decisions';
import { auditedDocumentHash, keepSignedDecision, recordDocumentMismatch, signedDecisionDocument, type SignedDecisionDocument } from '@vinhdanh/persistence/read-model/decisions';
import { awardsRevokedBy, decisionDocument, decisionRecipients } from '@vinhdanh/persistence/read-model/public-record';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { signedDecisionPdf } from '@vinhdanh/platform/documents/pdf';
import { SigningAuthorities } from '@vinhdanh/platform/documents/signing-authorities';
import type { DecisionView } from './decision-responses';

/** No request served for this long: a quiet moment, when a decision waiting to be signed is signed. */
const QUIET_MS = 1_500;
const TICK_MS = 500;

/** A decision as its documents show it, and its signed PDF: signed once by its issuer, then kept. */
@Injectable()
export class DecisionDocuments implements OnModuleDestroy {
  readonly authorities: SigningAuthorities;
  private readonly waiting = new Set<string>();
  private signing = false;
  private timer?: NodeJS.Timeout;
  private readonly log = new Logger('DecisionDocuments');

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

  /**
   * Signs a decision's PDF soon after it is issued, without holding the decision maker's answer and
   * without competing with the people being served: the queue is worked one decision at a time
   * whenever the API has served no one for QUIET_MS (as ballot keys are made). At the year-end peak
   * the decisions of a burst are signed seconds after it; the first download signs any still waiting.
   */
  signSoon(id: string | undefined): void {
    if (!id || !this.config.signing.atIssue) return;
    this.waiting.add(id);
    this.timer ??= setInterval(() => void this.signWaiting(), TICK_MS);
    this.timer.unref?.();
  }

  private async signWaiting(): Promise<void> {
    if (this.signing || quietForMs() < QUIET_MS) return;
    const [id] = this.waiting;
    if (!id) return;
    this.signing = true;
    try {
      await this.signed(id);
    } catch (err) {
      this.log.warn(`decision ${id} not signed at issue (signed at its first download): ${err instanceof Error ? err.message : err}`);
    } finally {
      this.waiting.delete(id);
      this.signing = false;
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * The signed PDF: the kept one, or set and signed now with the issuer's key and kept once. The kept
   * bytes must hash to what the audit chain recorded when they were signed; anything else is refused
   * (409 DOCUMENT_TAMPERED) and the refusal recorded for the auditor.
   */
  async signed(id: string): Promise<SignedDecisionDocument & { view: DecisionView }> {
    const v = await this.view(id);
    const kept = await signedDecisionDocument(this.ds.manager, id);
    if (kept) {
      const found = createHash('sha256').update(kept.pdf).digest('hex');
      const audited = await auditedDocumentHash(this.ds.manager, id);
      if (found !== audited) {
        await recordDocumentMismatch(this.ds.manager, id, audited, found);
        throw conflict(
          'DOCUMENT_TAMPERED',
          `Tệp quyết định ${v.number} đang lưu không trùng với bản đã ký (mã băm trong nhật ký kiểm toán): không phát hành; sự việc đã được ghi lại cho thanh tra.`,
          `The stored file of decision ${v.number} is not the one signed (its hash in the audit chain): not served; this has been recorded for the auditors.`,
        );
      }
      return { ...kept, sha256: found, view: v };
    }
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
