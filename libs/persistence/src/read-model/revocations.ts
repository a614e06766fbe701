import type { EntityManager } from 'typeorm';

export interface RegisterEntry {
  id: string;
  nomineeName: string;
  nomineeKey: string;
  awardCode: string;
  year: number;
  unitId: string;
  decisionId: string | null;
  decisionNumber: string;
  issuerUnitId: string | null;
  issuerNameVi: string | null;
  nominationId: string | null;
  revokedAt: string | null;
  nomineeAccountUserId: string | null;
}

export async function registerEntry(db: EntityManager, id: string): Promise<RegisterEntry | undefined> {
  const [row] = await db.query(
    `SELECT r.id, r.nominee_name AS "nomineeName", r.nominee_key AS "nomineeKey", r.award_code AS "awardCode", r.year, r.unit_id AS "unitId",
            r.decision_id AS "decisionId", r.decision_number AS "decisionNumber", COALESCE(r.issuer_unit_id, d.issuer_unit_id) AS "issuerUnitId",
            COALESCE(r.issuer_name_vi, d.issuer_name_vi) AS "issuerNameVi", r.nomination_id AS "nominationId", r.revoked_at AS "revokedAt",
            COALESCE(n.nominee->>'accountUserId', n.nominee->>'userId') AS "nomineeAccountUserId"
       FROM award_register r LEFT JOIN decision d ON d.id = r.decision_id LEFT JOIN nomination n ON n.id = r.nomination_id
      WHERE r.id = $1`,
    [id],
  );
  return row;
}

export async function insertRevocationCase(db: EntityManager, c: { id: string; workflowId: string; registerId: string; nominationId: string | null; decisionId: string; decidingUnitId: string; ground: string; statement: string; evidence: unknown; openedBy: string }): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO revocation_case (id, workflow_id, register_id, nomination_id, decision_id, deciding_unit_id, ground, statement, evidence, status, opened_by, opened_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'OPEN',$10,now()) ON CONFLICT DO NOTHING RETURNING id`,
    [c.id, c.workflowId, c.registerId, c.nominationId, c.decisionId, c.decidingUnitId, c.ground, c.statement, JSON.stringify(c.evidence), c.openedBy],
  );
  return rows.length > 0;
}

const CASE_COLUMNS = `c.id, c.workflow_id AS "workflowId", c.register_id AS "registerId", c.nomination_id AS "nominationId", c.decision_id AS "decisionId",
  c.deciding_unit_id AS "decidingUnitId", c.ground, c.statement, c.evidence, c.status, c.opened_by AS "openedBy", c.opened_at AS "openedAt",
  c.decided_by AS "decidedBy", c.decided_at AS "decidedAt", c.reason, r.nominee_name AS "nomineeName", r.award_code AS "awardCode", r.year,
  r.decision_number AS "decisionNumber", r.issuer_name_vi AS "issuerNameVi", r.unit_id AS "unitId",
  rd.number AS "revocationNumber", rd.issuer_name_vi AS "revocationIssuerNameVi", rd.issued_on::text AS "revocationIssuedOn"`;

export type RevocationCaseRow = Record<string, unknown> & { id: string; workflowId: string; decidingUnitId: string; unitId: string; status: string };

/** Cases whose award was given to a unit in `unitIds`, or that `decidingUnitId` must decide. */
export async function revocationCases(db: EntityManager, filter: { unitIds?: string[]; decidingUnitId?: string }): Promise<RevocationCaseRow[]> {
  return db.query(
    `SELECT ${CASE_COLUMNS}
       FROM revocation_case c JOIN award_register r ON r.id = c.register_id LEFT JOIN decision rd ON rd.id = c.revocation_decision_id
      WHERE ($1::text[] IS NULL OR r.unit_id = ANY($1)) AND ($2::text IS NULL OR c.deciding_unit_id = $2)
      ORDER BY c.opened_at DESC LIMIT 500`,
    [filter.unitIds ?? null, filter.decidingUnitId ?? null],
  );
}

export async function revocationCase(db: EntityManager, id: string): Promise<RevocationCaseRow | undefined> {
  const [row] = await db.query(
    `SELECT ${CASE_COLUMNS}
       FROM revocation_case c JOIN award_register r ON r.id = c.register_id LEFT JOIN decision rd ON rd.id = c.revocation_decision_id
      WHERE c.id = $1`,
    [id],
  );
  return row;
}
