import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { revocationTitle } from '@vinhdanh/domain/decisions';
import { appendAudit } from '@vinhdanh/persistence/audit/chain';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import { closeRevocationCase, moveRevocationCase, revocationDecisionOf, revocationStepRecorded, revokedAward, writeRevocationDecision } from '@vinhdanh/persistence/read-model/revocations';
import type { IssueRevocationInput, IssueRevocationResult, RecordRevocationEventInput } from '@vinhdanh/domain/ladder/activities';

/** One step of a revocation case: its audit entry and the case's state, in one transaction. */
export async function recordRevocationEventIn(ds: DataSource, input: RecordRevocationEventInput): Promise<void> {
  await ds.transaction(async (tx) => {
    if (input.type === 'RevocationRerouted') {
      // Idempotent by the move itself: a retried activity finds the case already with its successor.
      if (!(await moveRevocationCase(tx, input.caseId, String(input.data.to)))) return;
      await appendAudit(tx, { stream: `revocation:${input.caseId}`, eventType: input.type, actorId: input.actor.userId, actorRole: input.actor.role, rule: 'Luật TĐKT, Chương VII', occurredAt: new Date().toISOString(), payload: input.data });
      return;
    }
    // Idempotent by (case, step): a retried activity appends nothing twice.
    if (await revocationStepRecorded(tx, input.caseId, input.type)) return;
    await appendAudit(tx, { stream: `revocation:${input.caseId}`, eventType: input.type, actorId: input.actor.userId, actorRole: input.actor.role, rule: 'Luật TĐKT, Chương VII', occurredAt: new Date().toISOString(), payload: input.data });
    if (input.type !== 'RevocationOpened') {
      await closeRevocationCase(tx, { caseId: input.caseId, status: input.status, decidedBy: input.actor.userId, reason: String(input.data.reason ?? '') });
    }
  });
}

/**
 * The revocation decision, in the deciding authority's series, and its effect: the register entry
 * is marked revoked (so the public page and the recipient's record drop it). One per case.
 */
export async function issueRevocationIn(ds: DataSource, input: IssueRevocationInput): Promise<IssueRevocationResult> {
  return ds.transaction(async (tx) => {
    const existing = await revocationDecisionOf(tx, input.caseId);
    if (existing) return { decisionId: existing.id, number: existing.number, issuedOn: existing.issuedOn, issuerNameVi: existing.issuerNameVi };
    const award = await revokedAward(tx, input.registerId);
    if (!award) throw new Error(`revocation ${input.caseId}: register entry missing`);
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'DECISION', input.issuerUnitId);
    const title = revocationTitle(award.decisionNumber, award.issuerNameVi ?? issuer.nameVi);
    const id = randomUUID();
    await writeRevocationDecision(tx, {
      id, caseId: input.caseId, registerId: input.registerId, number, issuerUnitId: input.issuerUnitId, year, seq, issuedOn: today,
      signer: input.signer, awardCode: award.awardCode, awardYear: award.year, title, issuer,
    });
    return { decisionId: id, number, issuedOn: today, issuerNameVi: issuer.nameVi };
  });
}
