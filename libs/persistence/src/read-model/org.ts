import type { EntityManager } from 'typeorm';

/** Whether a unit lies within a scope (the scope unit itself or below it in the organisation tree). */
export async function unitWithin(db: EntityManager, unitId: string, scopeUnitId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH RECURSIVE up AS (SELECT id, parent_id FROM org_unit WHERE id = $1
                            UNION ALL SELECT o.id, o.parent_id FROM org_unit o JOIN up ON o.id = up.parent_id)
     SELECT 1 FROM up WHERE id = $2`,
    [unitId, scopeUnitId],
  );
  return rows.length > 0;
}

/** The unit a workflow belongs to: a nomination's submitting unit, a council session's council unit. */
export async function workflowOwnerUnit(db: EntityManager, workflowId: string): Promise<string | undefined> {
  const nomination = /^nomination-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  const session = /^council-session-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  const [row]: { unit_id: string }[] = nomination
    ? await db.query(`SELECT unit_id FROM nomination WHERE id=$1`, [nomination])
    : session
      ? await db.query(`SELECT c.unit_id FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id=$1`, [session])
      : [];
  return row?.unit_id;
}
