import type { EntityManager } from 'typeorm';
import type { RevocationGround, RevocationStatus } from '@vinhdanh/domain/ladder/revocation';
import { insertDecision, type DecisionWrite } from './decisions';

export interface AwardRegisterEntry {
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

export async function registerEntry(db: EntityManager, id: string): Promise<AwardRegisterEntry | undefined> {
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

/** A revocation case (hủy bỏ quyết định khen thưởng) with the award it concerns and, once decided, its decision. */
export interface RevocationCaseRow {
  id: string;
  workflowId: string;
  registerId: string;
  nominationId: string | null;
  /** The decision whose award the case may take back. */
  decisionId: string;
  /** The authority that decided the award, or its successor after a reorganisation. */
  decidingUnitId: string;
  ground: RevocationGround;
  statement: string;
  evidence: { name: string; sha256: string }[];
  status: RevocationStatus;
  openedBy: string;
  openedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  nomineeName: string;
  awardCode: string;
  year: number;
  decisionNumber: string;
  issuerNameVi: string | null;
  /** The unit the award was given in. */
  unitId: string;
  revocationNumber: string | null;
  revocationIssuerNameVi: string | null;
  revocationIssuedOn: string | null;
}

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

/** Whether a step of a revocation case is already on its audit stream (a retried activity appends nothing twice). */
export async function revocationStepRecorded(tx: EntityManager, caseId: string, eventType: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(`SELECT 1 FROM audit_log WHERE stream=$1 AND event_type=$2`, [`revocation:${caseId}`, eventType]);
  return rows.length > 0;
}

export async function closeRevocationCase(tx: EntityManager, c: { caseId: string; status: string; decidedBy: string; reason: string }): Promise<void> {
  await tx.query(`UPDATE revocation_case SET status=$2, decided_by=$3, decided_at=now(), reason=$4 WHERE id=$1`, [c.caseId, c.status, c.decidedBy, c.reason]);
}

/** The revocation decision a case already has, if any. */
export async function revocationDecisionOf(tx: EntityManager, caseId: string): Promise<{ id: string; number: string; issuedOn: string; issuerNameVi: string } | undefined> {
  const [row] = await tx.query(
    `SELECT d.id, d.number, d.issued_on::text AS "issuedOn", d.issuer_name_vi AS "issuerNameVi" FROM revocation_case c JOIN decision d ON d.id = c.revocation_decision_id WHERE c.id=$1`,
    [caseId],
  );
  return row;
}

/** What the revocation decision cites of the award it takes back. */
export async function revokedAward(tx: EntityManager, registerId: string): Promise<{ decisionNumber: string; issuerNameVi: string | null; awardCode: string; year: number } | undefined> {
  const [row] = await tx.query(`SELECT decision_number AS "decisionNumber", issuer_name_vi AS "issuerNameVi", award_code AS "awardCode", year FROM award_register WHERE id=$1`, [registerId]);
  return row;
}

/** The revocation decision of a case, and its effect: the register entry is marked revoked and the case points at it. */
export async function writeRevocationDecision(tx: EntityManager, d: Omit<DecisionWrite, 'kind' | 'batchKey'> & { caseId: string; registerId: string }): Promise<void> {
  const { caseId, registerId, ...decision } = d;
  await insertDecision(tx, { ...decision, kind: 'REVOCATION', batchKey: `revocation-${caseId}` });
  await tx.query(`UPDATE award_register SET revoked_at=now(), revocation_case_id=$2, revocation_decision_id=$3 WHERE id=$1`, [registerId, caseId, d.id]);
  await tx.query(`UPDATE revocation_case SET revocation_decision_id=$2 WHERE id=$1`, [caseId, d.id]);
}

/** Hands an open case to another deciding unit; false when it already has it (a retried step). */
export async function moveRevocationCase(tx: EntityManager, caseId: string, decidingUnitId: string): Promise<boolean> {
  const [rows] = await tx.query(`UPDATE revocation_case SET deciding_unit_id=$2 WHERE id=$1 AND deciding_unit_id <> $2 AND status='OPEN' RETURNING id`, [caseId, decidingUnitId]);
  return rows.length > 0;
}

/** The open cases a unit must decide: what a reorganisation hands to its successor. */
export async function openCasesDecidedBy(db: EntityManager, unitId: string): Promise<{ id: string; workflowId: string }[]> {
  return db.query(`SELECT id, workflow_id AS "workflowId" FROM revocation_case WHERE deciding_unit_id=$1 AND status='OPEN' ORDER BY opened_at`, [unitId]);
}
