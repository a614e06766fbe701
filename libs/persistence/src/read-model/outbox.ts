import type { EntityManager } from 'typeorm';

/**
 * The notification outbox: rows are written with the event that causes them (projection) and
 * delivered by an activity. In-app delivery is a flag; e-mail is claimed with a lease first.
 */

/** Marks undelivered rows delivered in-app; answers how many it marked. */
export async function markDelivered(db: EntityManager, ids: string[]): Promise<number> {
  const result = await db.query(`UPDATE notification SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND delivered_at IS NULL RETURNING id`, [ids]);
  return affectedRows(result);
}

export interface PendingEmail {
  id: string;
  idempotencyKey: string;
  email: string;
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
}

/** Rows of these with an address and no e-mail sent yet, oldest first. */
export async function pendingEmails(db: EntityManager, ids: string[]): Promise<PendingEmail[]> {
  return db.query(
    `SELECT id, idempotency_key AS "idempotencyKey", email, subject_vi AS "subjectVi", subject_en AS "subjectEn", body_vi AS "bodyVi", body_en AS "bodyEn"
       FROM notification WHERE id = ANY($1) AND email IS NOT NULL AND emailed_at IS NULL ORDER BY created_at`,
    [ids],
  );
}

/**
 * Claims a row's e-mail for `leaseMs`: refused while an unexpired claim holds it, so two deliveries
 * never send it at once. 'SENT' when it went out meanwhile, 'HELD' when another claim holds it unsent.
 */
export async function claimEmail(db: EntityManager, id: string, leaseMs: number): Promise<'CLAIMED' | 'HELD' | 'SENT'> {
  const claimed = await db.query(
    `UPDATE notification SET email_claimed_at = now() WHERE id=$1 AND emailed_at IS NULL
       AND (email_claimed_at IS NULL OR email_claimed_at < now() - make_interval(secs => $2)) RETURNING id`,
    [id, leaseMs / 1000],
  );
  if (affectedRows(claimed) > 0) return 'CLAIMED';
  const unsent: unknown[] = await db.query(`SELECT 1 FROM notification WHERE id=$1 AND emailed_at IS NULL`, [id]);
  return unsent.length ? 'HELD' : 'SENT';
}

export async function markEmailed(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE notification SET emailed_at = now() WHERE id=$1`, [id]);
}

/** TypeORM answers UPDATE … RETURNING on PostgreSQL with [rows, rowCount]. */
function affectedRows(result: unknown): number {
  return Array.isArray(result) && Array.isArray(result[0]) ? Number(result[1]) : Array.isArray(result) ? result.length : 0;
}

/** In-app notices to a unit's people in some roles, once per registration, step and person. */
export async function notifyUnit(db: EntityManager, n: { unitId: string; roles: string[]; key: string; kind: string; subjectVi: string; subjectEn: string; bodyVi: string; bodyEn: string }): Promise<void> {
  await db.query(
    `INSERT INTO notification (idempotency_key, nomination_id, recipient_user_id, email, kind, subject_vi, subject_en, body_vi, body_en, created_at, delivered_at)
     SELECT $1 || ':' || a.id, NULL, a.id, NULL, $3, $4, $5, $6, $7, now(), now()
       FROM user_account a WHERE a.unit_id = $2 AND a.roles && $8::text[]
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [n.key, n.unitId, n.kind, n.subjectVi, n.subjectEn, n.bodyVi, n.bodyEn, n.roles],
  );
}
