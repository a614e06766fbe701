import type { DataSource } from 'typeorm';
import { nominationRow } from '@vinhdanh/persistence/read-model/nominations';
import { awardForNomination, isAwardCode } from '@vinhdanh/domain/catalogue';
import { planRoute } from '@vinhdanh/domain/routing';
import { orgUnits } from '@vinhdanh/persistence/read-model/org';
import type { LegacyStepsInput, LegacyStepsResult } from '@vinhdanh/domain/ladder/activities';

/**
 * For a nomination submitted before the 2025 steps existed: the posting and President steps its
 * award requires, resolved now from the catalogue (authority at its submission date) and the
 * organisation as it stands. Asked once by the workflow; the answer is recorded in its history.
 */
export async function legacyStepsIn(ds: DataSource, input: LegacyStepsInput): Promise<LegacyStepsResult> {
  const row = await nominationRow(ds.manager, input.nominationId);
  if (!row || !isAwardCode(row.award_code)) return { steps: [] };
  const submittedOn = row.submitted_at.toISOString().slice(0, 10);
  const award = awardForNomination(row.award_code, row.dossier.achievementPeriod.to, submittedOn < '2024-01-01' ? '2024-01-01' : submittedOn);
  const today = new Date().toISOString().slice(0, 10);
  const route = planRoute(await orgUnits(ds.manager), row.unit_id, award, { date: today });
  return { steps: route.map(({ level, posting, president }) => ({ level, ...(posting ? { posting } : {}), ...(president ? { president } : {}) })) };
}
