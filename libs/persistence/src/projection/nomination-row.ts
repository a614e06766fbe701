import type { EntityManager } from 'typeorm';
import type { NominationInput } from '@vinhdanh/domain/ladder/nomination';
import { nominationWorkflowId } from '@vinhdanh/domain/ladder/ids';

/**
 * Creates the nomination's read-model row from its workflow input. Called by the API right after
 * it starts the workflow (so the caller can read it at once) and by the NominationSubmitted
 * projection (so the row exists even if the API died in between); whichever comes second only
 * fills in the run id if the first did not know it.
 */
export async function insertNominationRow(db: EntityManager, input: NominationInput, at: string, runId?: string): Promise<void> {
  await db.query(
    `INSERT INTO nomination (id, dossier_key, workflow_id, unit_id, nominee_kind, nominee_name, nominee, award_code, year,
                             dossier, movement_id, status, current_level, current_step, submitted_by, submitted_at, updated_at, last_seq, run_id, dossier_number)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'IN_REVIEW',$12,'SUBMITTED',$13,$14,$14,0,$15,$16)
     ON CONFLICT (id) DO UPDATE SET run_id = COALESCE(nomination.run_id, EXCLUDED.run_id)`,
    [
      input.nominationId,
      input.dossierKey,
      nominationWorkflowId(input.nominationId),
      input.unitId,
      input.nominee.kind,
      input.nominee.name,
      input.nominee,
      input.awardCode,
      input.year,
      { ...input.dossier, awardNameVi: input.awardNameVi, awardNameEn: input.awardNameEn, catalogueVersion: input.catalogueVersion, route: input.route },
      input.movementId ?? null,
      input.route[0].level,
      input.submittedBy.userId,
      at,
      runId ?? null,
      input.dossierNumber ?? null,
    ],
  );
}


