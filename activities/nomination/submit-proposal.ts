import type { DataSource } from 'typeorm';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import { insertProposal } from '@vinhdanh/persistence/read-model/decisions';
import { proposalOf } from '@vinhdanh/persistence/read-model/nominations';
import type { SubmitProposalInput, SubmitProposalResult } from '@vinhdanh/domain/ladder/activities';

/**
 * The Government's proposal to the President (tờ trình), numbered `<seq>/TTr-<issuer code>` per
 * issuer and year like decisions. One per nomination: a retry finds the one it made.
 */
export async function submitProposalIn(ds: DataSource, input: SubmitProposalInput): Promise<SubmitProposalResult> {
  return ds.transaction(async (tx) => {
    const existing = await proposalOf(tx, input.nominationId);
    if (existing) return existing;
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'PROPOSAL', input.issuerUnitId);
    await insertProposal(tx, { nominationId: input.nominationId, number, issuerUnitId: input.issuerUnitId, issuerNameVi: issuer.nameVi, year, seq, submittedOn: today, signer: input.signer });
    return { number, submittedOn: today };
  });
}
