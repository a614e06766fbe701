import type { EntityManager } from 'typeorm';
import type { CouncilRole } from '@vinhdanh/domain/council/types';
import type { Term } from '@vinhdanh/domain/council/membership';
import { appendAudit } from '../audit/chain';

/** A council's membership, appointed and ended by administrators, on the stream `council-members:<id>`. */
export const membershipStream = (councilId: string): string => `council-members:${councilId}`;

export interface CouncilInfo {
  id: string;
  unitId: string;
  level: string;
  nameVi: string;
  nameEn: string;
}

export interface MemberTerm extends Term {
  fullName: string;
  active: boolean;
}

export async function councilRows(db: EntityManager): Promise<CouncilInfo[]> {
  return db.query(`SELECT id, unit_id AS "unitId", level, name_vi AS "nameVi", name_en AS "nameEn" FROM council ORDER BY level DESC, id`);
}

/** The council, locked for a change of its membership in this transaction (appointments queue). */
export async function lockCouncil(tx: EntityManager, councilId: string): Promise<CouncilInfo | undefined> {
  const [row] = await tx.query(`SELECT id, unit_id AS "unitId", level, name_vi AS "nameVi", name_en AS "nameEn" FROM council WHERE id=$1 FOR UPDATE`, [councilId]);
  return row;
}

/** Every term, past, current and future, newest first. */
export async function councilTerms(db: EntityManager, councilId: string): Promise<MemberTerm[]> {
  return db.query(
    `SELECT m.user_id AS "userId", u.full_name AS "fullName", u.active, m.role, m.from_date::text AS "fromDate", m.to_date::text AS "toDate"
       FROM council_member m JOIN user_account u ON u.id = m.user_id WHERE m.council_id=$1 ORDER BY m.from_date DESC, m.role, m.user_id`,
    [councilId],
  );
}

/** Forms a council for a unit (its id is the one routing names for the unit's level); false when it exists. */
export async function formCouncil(tx: EntityManager, c: CouncilInfo & { reason: string; by: { userId: string; role: string } }): Promise<boolean> {
  const rows = await tx.query(`INSERT INTO council (id, unit_id, level, name_vi, name_en) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING id`, [c.id, c.unitId, c.level, c.nameVi, c.nameEn]);
  if (!rows.length) return false;
  await appendAudit(tx, { stream: membershipStream(c.id), eventType: 'CouncilFormed', actorId: c.by.userId, actorRole: c.by.role, occurredAt: new Date().toISOString(), payload: { unitId: c.unitId, level: c.level, nameVi: c.nameVi, nameEn: c.nameEn, reason: c.reason } });
  return true;
}

export async function appointMember(tx: EntityManager, a: { councilId: string; userId: string; role: CouncilRole; fromDate: string; reason: string; by: { userId: string; role: string } }): Promise<void> {
  await tx.query(`INSERT INTO council_member (council_id, user_id, role, from_date) VALUES ($1,$2,$3,$4)`, [a.councilId, a.userId, a.role, a.fromDate]);
  await appendAudit(tx, { stream: membershipStream(a.councilId), eventType: 'MemberAppointed', actorId: a.by.userId, actorRole: a.by.role, occurredAt: new Date().toISOString(), payload: { userId: a.userId, role: a.role, fromDate: a.fromDate, reason: a.reason } });
}

export async function endTerm(tx: EntityManager, e: { councilId: string; userId: string; fromDate: string; lastDay: string; reason: string; by: { userId: string; role: string } }): Promise<void> {
  await tx.query(`UPDATE council_member SET to_date=$4 WHERE council_id=$1 AND user_id=$2 AND from_date=$3`, [e.councilId, e.userId, e.fromDate, e.lastDay]);
  await appendAudit(tx, { stream: membershipStream(e.councilId), eventType: 'MemberTermEnded', actorId: e.by.userId, actorRole: e.by.role, occurredAt: new Date().toISOString(), payload: { userId: e.userId, lastDay: e.lastDay, reason: e.reason } });
}
