import type { DataSource } from 'typeorm';
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
  const [row] = await ds.query(`SELECT award_code, unit_id, dossier, submitted_at::date::text AS submitted_on FROM nomination WHERE id=$1`, [input.nominationId]);
  if (!row || !isAwardCode(row.award_code)) return { steps: [] };
  const award = awardForNomination(row.award_code, row.dossier.achievementPeriod.to, row.submitted_on < '2024-01-01' ? '2024-01-01' : row.submitted_on);
  const today = new Date().toISOString().slice(0, 10);
  const route = planRoute(await orgUnits(ds.manager), row.unit_id, award, { date: today });
  return { steps: route.map(({ level, posting, president }) => ({ level, ...(posting ? { posting } : {}), ...(president ? { president } : {}) })) };
}
