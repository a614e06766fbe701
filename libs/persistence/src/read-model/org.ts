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

/** The units within a scope (all units when unscoped). */
export async function unitsWithin(db: EntityManager, scopeUnitId: string | null): Promise<string[]> {
  const rows: { id: string }[] = scopeUnitId
    ? await db.query(`WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub`, [scopeUnitId])
    : await db.query(`SELECT id FROM org_unit`);
  return rows.map((r) => r.id);
}

/** The unit an audit stream belongs to (nomination, council session, a unit's conflict register, a recusal). */
export async function streamOwnerUnit(db: EntityManager, stream: string): Promise<string | undefined> {
  const [kind, ...rest] = stream.split(':');
  const id = rest[rest.length - 1];
  if (kind === 'conflicts') return id;
  if (kind === 'nomination' || kind === 'recusal') return workflowOwnerUnit(db, `nomination-${id}`);
  if (kind === 'council') return workflowOwnerUnit(db, `council-session-${id}`);
  return undefined;
}

export async function auditRows(db: EntityManager, stream: string): Promise<{ stream_seq: number; event_type: string; actor_id: string | null; actor_role: string | null; full_name: string | null; rule: string | null; occurred_at: string; payload: Record<string, unknown>; stream_hash: string }[]> {
  return db.query(
    `SELECT a.stream_seq, a.event_type, a.actor_id, a.actor_role, u.full_name, a.rule, a.occurred_at, a.payload, a.stream_hash
       FROM audit_log a LEFT JOIN user_account u ON u.id = a.actor_id WHERE a.stream = $1 ORDER BY a.stream_seq`,
    [stream],
  );
}
