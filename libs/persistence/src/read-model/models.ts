import type { EntityManager } from 'typeorm';
import type { ModelStage, ModelView, RecordModelEventInput } from '@vinhdanh/domain/movement/exemplary-model';
import { appendAudit } from '../audit/chain';

export interface ModelRow {
  id: string;
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  kind: 'INDIVIDUAL' | 'COLLECTIVE';
  subjectName: string;
  titleVi: string;
  descriptionVi: string;
  stage: ModelStage;
  stages: ModelView['stages'];
  published: boolean;
  publishedAt: string | null;
  awards: ModelView['awards'];
  createdAt: string;
}

const COLUMNS = `m.id, m.unit_id AS "unitId", u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", m.kind, m.subject_name AS "subjectName", m.title_vi AS "titleVi",
  m.description_vi AS "descriptionVi", m.stage, m.stages, m.published, m.published_at AS "publishedAt", m.awards, m.created_at AS "createdAt"`;

/** Projects one step of a model with its audit entry, once (the workflow numbers its steps). */
export async function recordModelStep(db: EntityManager, e: RecordModelEventInput): Promise<void> {
  await db.transaction(async (tx) => {
    const v = e.view;
    let row;
    if (e.model) {
      [row] = await tx.query(
        `INSERT INTO exemplary_model (id, unit_id, kind, subject_name, title_vi, description_vi, stage, stages, last_seq, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [v.modelId, e.model.unitId, e.model.kind, e.model.subjectName, e.model.titleVi, e.model.descriptionVi, v.stage, JSON.stringify(v.stages), v.seq, e.actor.userId],
      );
    } else {
      [row] = await tx.query(
        `UPDATE exemplary_model SET stage = $2, stages = $3, published = $4, published_at = CASE WHEN $4 AND NOT published THEN now() ELSE published_at END, awards = $5, last_seq = $6
          WHERE id = $1 AND last_seq < $6 RETURNING id`,
        [v.modelId, v.stage, JSON.stringify(v.stages), v.published, JSON.stringify(v.awards), v.seq],
      );
    }
    if (!row) return;
    await appendAudit(tx, { stream: `model:${v.modelId}`, eventType: e.type, actorId: e.actor.userId, actorRole: e.actor.role, rule: 'Kế hoạch 823/KH-UBND (điển hình tiên tiến)', occurredAt: new Date().toISOString(), payload: { seq: v.seq, stage: v.stage, published: v.published, awards: v.awards.length } });
  });
}

export async function findModel(db: EntityManager, id: string): Promise<ModelRow | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM exemplary_model m LEFT JOIN org_unit u ON u.id = m.unit_id WHERE m.id = $1`, [id]);
  return row;
}

/** A unit's models, or every one (null). */
export async function modelsOf(db: EntityManager, unitIds: string[] | null): Promise<ModelRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM exemplary_model m LEFT JOIN org_unit u ON u.id = m.unit_id WHERE $1::text[] IS NULL OR m.unit_id = ANY($1::text[]) ORDER BY m.created_at DESC LIMIT 500`, [unitIds]);
}

/** What the public page shows: published models, newest first. */
export async function publishedModels(db: EntityManager): Promise<ModelRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM exemplary_model m LEFT JOIN org_unit u ON u.id = m.unit_id WHERE m.published ORDER BY m.published_at DESC LIMIT 200`);
}
