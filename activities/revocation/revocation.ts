import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { revocationTitle } from '@vinhdanh/domain/decisions';
import { appendAudit } from '@vinhdanh/persistence/audit/chain';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import type { IssueRevocationInput, IssueRevocationResult, RecordRevocationEventInput } from '@vinhdanh/domain/ladder/activities';

/** One step of a revocation case: its audit entry and the case's state, in one transaction. */
export async function recordRevocationEventIn(ds: DataSource, input: RecordRevocationEventInput): Promise<void> {
  await ds.transaction(async (tx) => {
    const stream = `revocation:${input.caseId}`;
    // Idempotent by (case, step): a retried activity appends nothing twice.
    const [done] = await tx.query(`SELECT 1 FROM audit_log WHERE stream=$1 AND event_type=$2`, [stream, input.type]);
    if (done) return;
    await appendAudit(tx, { stream, eventType: input.type, actorId: input.actor.userId, actorRole: input.actor.role, rule: 'Luật TĐKT, Chương VII', occurredAt: new Date().toISOString(), payload: input.data });
    if (input.type !== 'RevocationOpened') {
      await tx.query(`UPDATE revocation_case SET status=$2, decided_by=$3, decided_at=now(), reason=$4 WHERE id=$1`, [input.caseId, input.status, input.actor.userId, String(input.data.reason ?? '')]);
    }
  });
}

/**
 * The revocation decision, in the deciding authority's series, and its effect: the register entry
 * is marked revoked (so the public page and the recipient's record drop it). One per case.
 */
export async function issueRevocationIn(ds: DataSource, input: IssueRevocationInput): Promise<IssueRevocationResult> {
  return ds.transaction(async (tx) => {
    const [existing] = await tx.query(
      `SELECT d.id, d.number, d.issued_on::text AS issued_on, d.issuer_name_vi FROM revocation_case c JOIN decision d ON d.id = c.revocation_decision_id WHERE c.id=$1`,
      [input.caseId],
    );
    if (existing) return { decisionId: existing.id, number: existing.number, issuedOn: existing.issued_on, issuerNameVi: existing.issuer_name_vi };
    const [register] = await tx.query(`SELECT decision_number, issuer_name_vi, award_code, year FROM award_register WHERE id=$1`, [input.registerId]);
    if (!register) throw new Error(`revocation ${input.caseId}: register entry missing`);
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'DECISION', input.issuerUnitId);
    const title = revocationTitle(register.decision_number, register.issuer_name_vi ?? issuer.nameVi);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO decision (id, batch_key, number, issuer_unit_id, year, seq, issued_on, signer_id, signer_name, award_code, title_vi, title_en, issuer_name_vi, issuer_name_en, award_year, kind, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,'REVOCATION',now())`,
      [id, `revocation-${input.caseId}`, number, input.issuerUnitId, year, seq, today, input.signer.userId, input.signer.fullName, register.award_code, title.vi, title.en, issuer.nameVi, issuer.nameEn, register.year],
    );
    await tx.query(`UPDATE award_register SET revoked_at=now(), revocation_case_id=$2, revocation_decision_id=$3 WHERE id=$1`, [input.registerId, input.caseId, id]);
    await tx.query(`UPDATE revocation_case SET revocation_decision_id=$2 WHERE id=$1`, [input.caseId, id]);
    return { decisionId: id, number, issuedOn: today, issuerNameVi: issuer.nameVi };
  });
}
