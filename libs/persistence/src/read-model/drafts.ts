import type { EntityManager } from 'typeorm';

/** A draft as its unit's clerks list it. */
export interface DraftSummary {
  id: string;
  title: string;
  awardCode: string | null;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

/** A draft with the form it holds (the web form's fields, without the personal identification number). */
export interface Draft extends DraftSummary {
  unitId: string;
  body: Record<string, unknown>;
}

const COLUMNS = `id, unit_id AS "unitId", title, award_code AS "awardCode", body, created_by AS "createdBy", updated_by AS "updatedBy", updated_at AS "updatedAt"`;

export async function unitDrafts(db: EntityManager, unitId: string): Promise<DraftSummary[]> {
  return db.query(
    `SELECT id, title, award_code AS "awardCode", created_by AS "createdBy", updated_by AS "updatedBy", updated_at AS "updatedAt"
       FROM nomination_draft WHERE unit_id = $1 ORDER BY updated_at DESC LIMIT 500`,
    [unitId],
  );
}

export async function findDraft(db: EntityManager, id: string): Promise<Draft | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM nomination_draft WHERE id = $1`, [id]);
  return row;
}

export async function insertDraft(db: EntityManager, d: { unitId: string; title: string; awardCode: string | null; body: Record<string, unknown>; by: string }): Promise<Draft> {
  const [row] = await db.query(
    `INSERT INTO nomination_draft (unit_id, title, award_code, body, created_by, updated_by) VALUES ($1,$2,$3,$4,$5,$5) RETURNING ${COLUMNS}`,
    [d.unitId, d.title, d.awardCode, d.body, d.by],
  );
  return row;
}

export async function updateDraft(db: EntityManager, id: string, d: { title: string; awardCode: string | null; body: Record<string, unknown>; by: string }): Promise<Draft | undefined> {
  const [rows] = await db.query(
    `UPDATE nomination_draft SET title = $2, award_code = $3, body = $4, updated_by = $5, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, d.title, d.awardCode, d.body, d.by],
  );
  return rows[0];
}

export async function deleteDraft(db: EntityManager, id: string): Promise<boolean> {
  const [, count] = await db.query(`DELETE FROM nomination_draft WHERE id = $1`, [id]);
  return count > 0;
}
