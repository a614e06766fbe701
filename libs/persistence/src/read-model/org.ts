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
