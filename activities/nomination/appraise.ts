import type { DataSource } from 'typeorm';
import { nominationRow } from '@vinhdanh/persistence/read-model/nominations';
import { evaluateEligibility, type EligibilityPolicy } from '@vinhdanh/domain/eligibility';
import { isAwardCode } from '@vinhdanh/domain/catalogue';
import { loadNomineeRecord } from '@vinhdanh/persistence';
import type { AppraiseInput, AppraiseResult } from '@vinhdanh/domain/ladder/activities';

/**
 * Runs the eligibility engine over the nominee's record as it stands now. The whole explanation
 * (criteria, facts, citations, catalogue version) is the activity's result, so it is recorded in
 * the workflow history and projected for the reviewer.
 */
export async function appraiseIn(ds: DataSource, input: AppraiseInput, policy?: Partial<EligibilityPolicy>): Promise<AppraiseResult> {
  const n = await nominationRow(ds.manager, input.nominationId);
  if (!n) throw new Error(`nomination ${input.nominationId} has no read model yet`);
  if (!isAwardCode(n.award_code)) throw new Error(`unknown award ${n.award_code}`);
  const record = await loadNomineeRecord(ds.manager, n.nominee.nomineeKey, n.nominee_kind);
  return evaluateEligibility({
    award: n.award_code,
    record,
    proposalYear: n.year,
    achievementPeriod: n.dossier.achievementPeriod,
    achievementRef: n.dossier.achievementRef,
    simplifiedProcedureCase: n.dossier.simplifiedProcedureCase,
    asOf: new Date().toISOString().slice(0, 10),
    policy,
  });
}
