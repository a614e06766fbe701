import type { EntityManager } from 'typeorm';
import type { ClusterDefinition, ClusterRoundView, RankedUnit, ScoreSheet } from '@vinhdanh/domain/movement/cluster';
import { appendAudit } from '../audit/chain';

export interface ClusterRoundRow {
  id: string;
  clusterId: string;
  year: number;
  status: ClusterRoundView['status'];
  leaderUnitId: string;
  deputyUnitId: string;
  ranking: RankedUnit[] | null;
  /** The members whose head signed the year's pledge. */
  pledgeSignedBy: string[];
  openedAt: string;
  closedAt: string | null;
}

const DEFINITION = `id, name_vi AS "nameVi", name_en AS "nameEn", kind, members, first_year AS "firstYear", criteria, quotas, pledge_vi AS "pledgeVi"`;
const ROUND = `id, cluster_id AS "clusterId", year, status, leader_unit_id AS "leaderUnitId", deputy_unit_id AS "deputyUnitId", ranking, pledge_signed_by AS "pledgeSignedBy", opened_at AS "openedAt", closed_at AS "closedAt"`;

export async function upsertCluster(db: EntityManager, c: ClusterDefinition): Promise<void> {
  await db.query(
    `INSERT INTO emulation_cluster (id, name_vi, name_en, kind, members, first_year, criteria, quotas, pledge_vi) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, pledge_vi = EXCLUDED.pledge_vi`,
    [c.id, c.nameVi, c.nameEn, c.kind, c.members, c.firstYear, JSON.stringify(c.criteria), JSON.stringify(c.quotas), c.pledgeVi],
  );
}

export async function clusters(db: EntityManager): Promise<ClusterDefinition[]> {
  return db.query(`SELECT ${DEFINITION} FROM emulation_cluster ORDER BY id`);
}

export async function findCluster(db: EntityManager, id: string): Promise<ClusterDefinition | undefined> {
  const [row] = await db.query(`SELECT ${DEFINITION} FROM emulation_cluster WHERE id = $1`, [id]);
  return row;
}

export async function clusterRounds(db: EntityManager, clusterId: string): Promise<ClusterRoundRow[]> {
  return db.query(`SELECT ${ROUND} FROM cluster_round WHERE cluster_id = $1 ORDER BY year DESC`, [clusterId]);
}

/** A cluster's round for a year, if opened. */
export async function clusterRoundOf(db: EntityManager, clusterId: string, year: number): Promise<ClusterRoundRow | undefined> {
  const [row] = await db.query(`SELECT ${ROUND} FROM cluster_round WHERE cluster_id = $1 AND year = $2`, [clusterId, year]);
  return row;
}

export async function findClusterRound(db: EntityManager, id: string): Promise<ClusterRoundRow | undefined> {
  const [row] = await db.query(`SELECT ${ROUND} FROM cluster_round WHERE id = $1`, [id]);
  return row;
}

/** The sheets of a round: every one once it is closed, else only the asking unit's own. */
export async function scoreSheets(db: EntityManager, roundId: string, onlyUnit?: string): Promise<{ unitId: string; scores: ScoreSheet; submittedBy: string; submittedAt: string }[]> {
  return db.query(
    `SELECT unit_id AS "unitId", scores, submitted_by AS "submittedBy", submitted_at AS "submittedAt" FROM cluster_score_sheet
      WHERE round_id = $1 AND ($2::text IS NULL OR unit_id = $2) ORDER BY unit_id`,
    [roundId, onlyUnit ?? null],
  );
}

/** The members whose sheet is in (never their scores: those show once the round is closed). */
export async function scoredUnits(db: EntityManager, roundId: string): Promise<string[]> {
  const rows: { unit_id: string }[] = await db.query(`SELECT unit_id FROM cluster_score_sheet WHERE round_id = $1 ORDER BY unit_id`, [roundId]);
  return rows.map((r) => r.unit_id);
}

/**
 * Projects one step of a cluster's round with its audit entry, in one transaction; numbered by the
 * workflow, so a retried or late step changes nothing.
 */
export async function recordClusterStep(db: EntityManager, e: { type: string; actor: { userId: string; unitId: string }; view: ClusterRoundView; sheet?: { unitId: string; scores: ScoreSheet } }): Promise<void> {
  await db.transaction(async (tx) => {
    const v = e.view;
    const [row] = await tx.query(
      `INSERT INTO cluster_round (id, cluster_id, year, status, leader_unit_id, deputy_unit_id, ranking, last_seq, pledge_signed_by, closed_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, CASE WHEN $4 = 'CLOSED' THEN now() END)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, ranking = EXCLUDED.ranking, last_seq = EXCLUDED.last_seq, pledge_signed_by = EXCLUDED.pledge_signed_by, closed_at = EXCLUDED.closed_at
        WHERE cluster_round.last_seq < EXCLUDED.last_seq RETURNING id`,
      [v.roundId, v.clusterId, v.year, v.status, v.leaderUnitId, v.deputyUnitId, v.ranking ? JSON.stringify(v.ranking) : null, v.seq, v.pledgeSignedBy],
    );
    if (!row) return;
    if (e.sheet) {
      await tx.query(
        `INSERT INTO cluster_score_sheet (round_id, unit_id, scores, submitted_by) VALUES ($1,$2,$3,$4)
         ON CONFLICT (round_id, unit_id) DO UPDATE SET scores = EXCLUDED.scores, submitted_by = EXCLUDED.submitted_by, submitted_at = now()`,
        [v.roundId, e.sheet.unitId, JSON.stringify(e.sheet.scores), e.actor.userId],
      );
    }
    await appendAudit(tx, {
      stream: `cluster:${v.roundId}`, eventType: e.type, actorId: e.actor.userId, actorRole: 'DECISION_MAKER', rule: 'Luật TĐKT 2022; Kế hoạch 823/KH-UBND (cụm, khối thi đua)', occurredAt: new Date().toISOString(),
      payload: { seq: v.seq, status: v.status, ...(e.sheet ? { scoredBy: e.sheet.unitId } : {}), ...(v.ranking ? { ranking: v.ranking.map((r) => ({ unitId: r.unitId, rank: r.rank, peerScore: r.peerScore, proposal: r.proposal })) } : {}) },
    });
  });
}
