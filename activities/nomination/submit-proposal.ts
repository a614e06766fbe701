import type { DataSource } from 'typeorm';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import type { SubmitProposalInput, SubmitProposalResult } from '@vinhdanh/domain/ladder/activities';

/**
 * The Government's proposal to the President (tờ trình), numbered `<seq>/TTr-<issuer code>` per
 * issuer and year like decisions. One per nomination: a retry finds the one it made.
 */
export async function submitProposalIn(ds: DataSource, input: SubmitProposalInput): Promise<SubmitProposalResult> {
  return ds.transaction(async (tx) => {
    const [existing] = await tx.query(`SELECT number, submitted_on::text AS submitted_on FROM proposal_submission WHERE nomination_id=$1`, [input.nominationId]);
    if (existing) return { number: existing.number, submittedOn: existing.submitted_on };
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'PROPOSAL', input.issuerUnitId);
    await tx.query(
      `INSERT INTO proposal_submission (nomination_id, number, issuer_unit_id, issuer_name_vi, year, seq, submitted_on, signer_id, signer_name) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [input.nominationId, number, input.issuerUnitId, issuer.nameVi, year, seq, today, input.signer.userId, input.signer.fullName],
    );
    return { number, submittedOn: today };
  });
}
