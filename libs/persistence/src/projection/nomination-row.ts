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
  await insertNominationRows(db, [{ input, runId }], at);
}

/** `insertNominationRow` for many nominations in one statement (a list sent at once). */
export async function insertNominationRows(db: EntityManager, list: { input: NominationInput; runId?: string }[], at: string): Promise<void> {
  if (!list.length) return;
  const rows = list.map(({ input, runId }) => ({
    id: input.nominationId,
    dossierKey: input.dossierKey,
    workflowId: nominationWorkflowId(input.nominationId),
    unitId: input.unitId,
    kind: input.nominee.kind,
    name: input.nominee.name,
    nominee: input.nominee,
    awardCode: input.awardCode,
    year: input.year,
    dossier: { ...input.dossier, awardNameVi: input.awardNameVi, awardNameEn: input.awardNameEn, catalogueVersion: input.catalogueVersion, route: input.route },
    movementId: input.movementId ?? null,
    level: input.route[0].level,
    submittedBy: input.submittedBy.userId,
    runId: runId ?? null,
    dossierNumber: input.dossierNumber ?? null,
  }));
  await db.query(
    `INSERT INTO nomination (id, dossier_key, workflow_id, unit_id, nominee_kind, nominee_name, nominee, award_code, year,
                             dossier, movement_id, status, current_level, current_step, submitted_by, submitted_at, updated_at, last_seq, run_id, dossier_number)
     SELECT r.id, r."dossierKey", r."workflowId", r."unitId", r.kind, r.name, r.nominee, r."awardCode", r.year,
            r.dossier, r."movementId", 'IN_REVIEW', r.level, 'SUBMITTED', r."submittedBy", $2, $2, 0, r."runId", r."dossierNumber"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "dossierKey" text, "workflowId" text, "unitId" text, kind text, name text, nominee jsonb, "awardCode" text, year int,
            dossier jsonb, "movementId" text, level text, "submittedBy" text, "runId" text, "dossierNumber" text)
     ON CONFLICT (id) DO UPDATE SET run_id = COALESCE(nomination.run_id, EXCLUDED.run_id)`,
    [JSON.stringify(rows), at],
  );
}
