import type { EntityManager } from 'typeorm';
import type { ActorConflictFacts } from '@vinhdanh/domain/conflicts';
import { appendAudit } from '../audit/chain';

/** Each unit's conflict-of-interest register (sổ theo dõi xung đột lợi ích), audited per unit. */

export interface ConflictEntry {
  id: string;
  unitId: string;
  userId: string;
  kind: 'RELATIVE' | 'NOMINATION';
  relation: string | null;
  nominationId: string | null;
  reason: string;
  declaredBy: string;
  declaredAt: string;
  withdrawnAt: string | null;
}

const COLUMNS = `id, unit_id AS "unitId", user_id AS "userId", kind, relation, nomination_id AS "nominationId", reason, declared_by AS "declaredBy",
                 declared_at AS "declaredAt", withdrawn_at AS "withdrawnAt"`;

/** What makes a conflict for this person on this nomination, read at the moment they act. */
export async function conflictFactsOf(db: EntityManager, userId: string, nominationId: string): Promise<ActorConflictFacts> {
  const [account]: { personal_id_hash: string | null }[] = await db.query(`SELECT personal_id_hash FROM user_account WHERE id=$1`, [userId]);
  const entries: { kind: string; relative_personal_id_hash: string | null; nomination_id: string | null }[] = await db.query(
    `SELECT kind, relative_personal_id_hash, nomination_id FROM conflict_register WHERE user_id=$1 AND withdrawn_at IS NULL AND (kind='RELATIVE' OR nomination_id=$2)`,
    [userId, nominationId],
  );
  return {
    ...(account?.personal_id_hash ? { personalIdHash: account.personal_id_hash } : {}),
    relativeHashes: entries.filter((e) => e.kind === 'RELATIVE').map((e) => e.relative_personal_id_hash!),
    declaredNominationIds: entries.filter((e) => e.kind === 'NOMINATION').map((e) => e.nomination_id!),
  };
}

/** The recusal reason a registered relative gives (in the tally record's language: Vietnamese). */
export const REGISTERED_RELATIVE = 'Có quan hệ gia đình với người được đề nghị (đã đăng ký)';

/** Members of a council whose register makes them recused from these nominations, with the reason. */
export async function registeredRecusals(db: EntityManager, userIds: string[], nominees: { nominationId: string; personalIdHash?: string }[]): Promise<{ userId: string; nominationId: string; reason: string }[]> {
  const rows: { user_id: string; kind: string; relative_personal_id_hash: string | null; nomination_id: string | null; reason: string }[] = await db.query(
    `SELECT user_id, kind, relative_personal_id_hash, nomination_id, reason FROM conflict_register WHERE user_id = ANY($1) AND withdrawn_at IS NULL`,
    [userIds],
  );
  const out: { userId: string; nominationId: string; reason: string }[] = [];
  for (const n of nominees) {
    for (const r of rows) {
      if (r.kind === 'NOMINATION' && r.nomination_id === n.nominationId) out.push({ userId: r.user_id, nominationId: n.nominationId, reason: r.reason });
      if (r.kind === 'RELATIVE' && n.personalIdHash && r.relative_personal_id_hash === n.personalIdHash) {
        out.push({ userId: r.user_id, nominationId: n.nominationId, reason: REGISTERED_RELATIVE });
      }
    }
  }
  return out;
}

export async function declareConflict(
  tx: EntityManager,
  e: { unitId: string; userId: string; kind: 'RELATIVE' | 'NOMINATION'; relation?: string; relativePersonalIdHash?: string; nominationId?: string; reason: string; declaredBy: string },
): Promise<ConflictEntry> {
  const [row] = await tx.query(
    `INSERT INTO conflict_register (unit_id, user_id, kind, relation, relative_personal_id_hash, nomination_id, reason, declared_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING ${COLUMNS}`,
    [e.unitId, e.userId, e.kind, e.relation ?? null, e.relativePersonalIdHash ?? null, e.nominationId ?? null, e.reason, e.declaredBy],
  );
  await appendAudit(tx, { stream: `conflicts:${e.unitId}`, eventType: 'ConflictRegistered', actorId: e.declaredBy, occurredAt: new Date().toISOString(), payload: { entryId: row.id, userId: e.userId, kind: e.kind, relation: e.relation ?? null, nominationId: e.nominationId ?? null, reason: e.reason } });
  return row;
}

export async function withdrawConflict(tx: EntityManager, id: string, by: string): Promise<ConflictEntry | undefined> {
  // TypeORM answers UPDATE … RETURNING on PostgreSQL with [rows, rowCount].
  const [[row]] = await tx.query(`UPDATE conflict_register SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1 AND withdrawn_at IS NULL RETURNING ${COLUMNS}`, [id, by]);
  if (row) await appendAudit(tx, { stream: `conflicts:${row.unitId}`, eventType: 'ConflictWithdrawn', actorId: by, occurredAt: new Date().toISOString(), payload: { entryId: id, userId: row.userId } });
  return row;
}

export async function findConflictEntry(db: EntityManager, id: string): Promise<ConflictEntry | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM conflict_register WHERE id=$1`, [id]);
  return row;
}

export async function registerOf(db: EntityManager, filter: { userId?: string; unitIds?: string[] }): Promise<ConflictEntry[]> {
  if (filter.userId) return db.query(`SELECT ${COLUMNS} FROM conflict_register WHERE user_id=$1 ORDER BY declared_at DESC`, [filter.userId]);
  return db.query(`SELECT ${COLUMNS} FROM conflict_register WHERE unit_id = ANY($1) ORDER BY declared_at DESC LIMIT 1000`, [filter.unitIds ?? []]);
}

/** A refusal for a conflict of interest, on the nomination's recusal stream (shown in its audit timeline). */
/**
 * Records that `userId` is not the nominee of a nomination who bears their name, once, on the
 * audit chain (stream `recusal:nomination:<id>`, beside the recusals). Answers whether it is new.
 */
export async function declareNotTheNominee(tx: EntityManager, d: { nominationId: string; userId: string; role: string }): Promise<boolean> {
  const [row] = await tx.query(`INSERT INTO namesake_declaration (user_id, nomination_id) VALUES ($1,$2) ON CONFLICT DO NOTHING RETURNING user_id`, [d.userId, d.nominationId]);
  if (!row) return false;
  await appendAudit(tx, { stream: `recusal:nomination:${d.nominationId}`, eventType: 'NamesakeDeclared', actorId: d.userId, actorRole: d.role, occurredAt: new Date().toISOString(), payload: { statement: 'NOT_THE_NOMINEE' } });
  return true;
}

/** Of these nominations, those on which `userId` has declared they are not the nominee. */
export async function namesakesDeclared(db: EntityManager, userId: string, nominationIds: string[]): Promise<Set<string>> {
  if (!nominationIds.length) return new Set();
  const rows: { nomination_id: string }[] = await db.query(`SELECT nomination_id FROM namesake_declaration WHERE user_id=$1 AND nomination_id = ANY($2::uuid[])`, [userId, nominationIds]);
  return new Set(rows.map((r) => r.nomination_id));
}

export async function recordRecusal(tx: EntityManager, r: { nominationId: string; userId: string; role: string; action: string; ground: string }): Promise<void> {
  await appendAudit(tx, { stream: `recusal:nomination:${r.nominationId}`, eventType: 'RecusalEnforced', actorId: r.userId, actorRole: r.role, occurredAt: new Date().toISOString(), payload: { action: r.action, ground: r.ground } });
}

export async function userUnit(db: EntityManager, userId: string): Promise<string | undefined> {
  const [row]: { unit_id: string }[] = await db.query(`SELECT unit_id FROM user_account WHERE id=$1`, [userId]);
  return row?.unit_id;
}
