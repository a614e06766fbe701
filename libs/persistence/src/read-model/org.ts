import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit/chain';

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

/** The unit a workflow belongs to: a nomination's submitting unit, a council session's council unit, a revoked award's unit. */
export async function workflowOwnerUnit(db: EntityManager, workflowId: string): Promise<string | undefined> {
  const nomination = /^nomination-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  const session = /^council-session-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  const revocation = /^revocation-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  const [row]: { unit_id: string }[] = nomination
    ? await db.query(`SELECT unit_id FROM nomination WHERE id=$1`, [nomination])
    : session
      ? await db.query(`SELECT c.unit_id FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id=$1`, [session])
      : revocation
        ? await db.query(`SELECT r.unit_id FROM revocation_case c JOIN award_register r ON r.id = c.register_id WHERE c.id=$1`, [revocation])
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
  if (kind === 'revocation') return workflowOwnerUnit(db, `revocation-${id}`);
  if (kind === 'org') return id;
  if (kind === 'council-members') {
    const [c] = await db.query(`SELECT unit_id FROM council WHERE id = $1`, [id]);
    return c?.unit_id;
  }
  if (kind === 'account') {
    const [a] = await db.query(`SELECT unit_id FROM user_account WHERE id = $1`, [id]);
    return a?.unit_id;
  }
  // A workflow's archived history (history:<workflow id>) belongs where the workflow does.
  if (kind === 'history') return workflowOwnerUnit(db, rest.join(':'));
  if (kind === 'decision') {
    const [d] = await db.query(`SELECT issuer_unit_id FROM decision WHERE id::text = $1`, [id]);
    return d?.issuer_unit_id;
  }
  return undefined;
}

export async function auditRows(db: EntityManager, stream: string): Promise<{ stream_seq: number; event_type: string; actor_id: string | null; actor_role: string | null; full_name: string | null; rule: string | null; occurred_at: string; payload: Record<string, unknown>; stream_hash: string }[]> {
  return db.query(
    `SELECT a.stream_seq, a.event_type, a.actor_id, a.actor_role, u.full_name, a.rule, a.occurred_at, a.payload, a.stream_hash
       FROM audit_log a LEFT JOIN user_account u ON u.id = a.actor_id WHERE a.stream = $1 ORDER BY a.stream_seq`,
    [stream],
  );
}

/** The organisation as routing reads it, with validity and successors (docs/law.md, reorganisation). */
export async function orgUnits(db: EntityManager): Promise<import('@vinhdanh/domain/routing').OrgUnit[]> {
  return db.query(
    `SELECT id, parent_id AS "parentId", kind, level, valid_to::text AS "validTo", successor_id AS "successorId" FROM org_unit ORDER BY id`,
  );
}

/** Vietnam's calendar day now (UTC+7): decisions, postings and proposals are dated by it. */
export async function vietnamToday(db: EntityManager): Promise<{ today: string; year: number }> {
  const [row] = await db.query(
    `SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS today, extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year`,
  );
  return row;
}

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  level: string;
  nameVi: string;
  nameEn: string;
  validTo: string | null;
  successorId: string | null;
  ceasedReason: string | null;
}

/** The organisation as people read it: every unit, ceased ones with their successor and why. */
export async function orgUnitRows(db: EntityManager): Promise<OrgUnitRow[]> {
  return db.query(
    `SELECT id, parent_id AS "parentId", kind, level, name_vi AS "nameVi", name_en AS "nameEn", valid_to::text AS "validTo",
            successor_id AS "successorId", ceased_reason AS "ceasedReason"
       FROM org_unit ORDER BY level DESC, id`,
  );
}

export interface NewUnit {
  id: string;
  parentId: string | null;
  kind: string;
  level: 'UNIT' | 'PROVINCE' | 'CENTRAL';
  nameVi: string;
  nameEn: string;
  issuerCode: string;
  validFrom: string | null;
}

/** Adds a unit to the tree, on its audit stream; false when the id is taken. */
export async function createUnit(db: EntityManager, u: NewUnit, by: { userId: string; role: string }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO org_unit (id, parent_id, kind, level, name_vi, name_en, issuer_code, valid_from) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING id`,
    [u.id, u.parentId, u.kind, u.level, u.nameVi, u.nameEn, u.issuerCode, u.validFrom],
  );
  if (!rows.length) return false;
  await appendAudit(db, { stream: `org:${u.id}`, eventType: 'UnitCreated', actorId: by.userId, actorRole: by.role, occurredAt: new Date().toISOString(), payload: { ...u } });
  return true;
}

/**
 * Renames a unit or changes its issuer code, on its audit stream. Decisions already signed keep the
 * name and code they were issued under (they hold their own copy).
 */
export async function renameUnit(
  db: EntityManager,
  r: { id: string; before: { nameVi: string; nameEn: string; issuerCode: string }; after: { nameVi: string; nameEn: string; issuerCode: string }; reason: string; by: { userId: string; role: string } },
): Promise<void> {
  await db.query(`UPDATE org_unit SET name_vi=$2, name_en=$3, issuer_code=$4 WHERE id=$1`, [r.id, r.after.nameVi, r.after.nameEn, r.after.issuerCode]);
  await appendAudit(db, { stream: `org:${r.id}`, eventType: 'UnitRenamed', actorId: r.by.userId, actorRole: r.by.role, occurredAt: new Date().toISOString(), payload: { before: r.before, after: r.after, reason: r.reason } });
}

/** A unit's names, issuer code and end, locking its row for a change in this transaction. */
export async function lockUnit(tx: EntityManager, id: string): Promise<{ nameVi: string; nameEn: string; issuerCode: string; validTo: string | null } | undefined> {
  const [unit] = await tx.query(`SELECT name_vi AS "nameVi", name_en AS "nameEn", issuer_code AS "issuerCode", valid_to::text AS "validTo" FROM org_unit WHERE id=$1 FOR UPDATE`, [id]);
  return unit;
}

/** Records that a unit ceased on `lastDay`, handing over to `successorId`, on the unit's audit stream. */
export async function recordSuccession(db: EntityManager, s: { unitId: string; successorId: string; lastDay: string; reason: string; actorId: string }): Promise<void> {
  await db.query(`UPDATE org_unit SET valid_to=$2, successor_id=$3, ceased_reason=$4 WHERE id=$1`, [s.unitId, s.lastDay, s.successorId, s.reason]);
  await appendAudit(db, { stream: `org:${s.unitId}`, eventType: 'UnitSucceeded', actorId: s.actorId, actorRole: 'ADMIN', rule: 'sắp xếp tổ chức', occurredAt: new Date().toISOString(), payload: { successorId: s.successorId, lastDay: s.lastDay, reason: s.reason } });
}

/** Open nominations whose route, from where they stand, still names one of the units. */
export async function openNominationsRoutedThrough(db: EntityManager, unitIds: string[]): Promise<{ id: string; workflowId: string }[]> {
  return db.query(
    `SELECT n.id, n.workflow_id AS "workflowId" FROM nomination n
      WHERE n.status NOT IN ('AWARDED','REJECTED','WITHDRAWN','EXPIRED')
        AND (n.unit_id = ANY($1) OR EXISTS (
              SELECT 1 FROM jsonb_array_elements(n.dossier->'route') r
               WHERE (r->>'reviewUnitId' = ANY($1) OR r->>'decisionUnitId' = ANY($1)
                      OR r->'president'->>'officeUnitId' = ANY($1) OR r->'president'->>'presidentUnitId' = ANY($1))))
      ORDER BY n.submitted_at`,
    [unitIds],
  );
}

export async function councilIdsOf(db: EntityManager, unitId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM council WHERE unit_id=$1`, [unitId]);
  return rows.map((r) => r.id);
}
