import type { EntityManager } from 'typeorm';
import type { Bonus } from '@vinhdanh/domain/decisions';
import { appendAudit } from '../audit/chain';

/** Award decisions and proposals as the worker issues them (numbers come from numbering.ts). */

export interface IssuedDecision {
  id: string;
  number: string;
  issuedOn: string;
  issuerUnitId: string;
  issuerNameVi: string;
  issuerNameEn: string;
}

const ISSUED = `id, number, issued_on::text AS "issuedOn", issuer_unit_id AS "issuerUnitId", issuer_name_vi AS "issuerNameVi", issuer_name_en AS "issuerNameEn"`;

/** The decision already made for a batch, if any. */
export async function decisionOfBatch(tx: EntityManager, batchKey: string): Promise<IssuedDecision | undefined> {
  const [row] = await tx.query(`SELECT ${ISSUED} FROM decision WHERE batch_key=$1`, [batchKey]);
  return row;
}

/** A decision as issued: an award (a batch of nominations) or a revocation (one case). */
export interface DecisionWrite {
  id: string;
  kind: 'AWARD' | 'REVOCATION';
  batchKey: string;
  number: string;
  issuerUnitId: string;
  year: number;
  seq: number;
  issuedOn: string;
  signer: { userId: string; fullName: string };
  awardCode: string;
  title: { vi: string; en: string };
  /** The issuer's name as it is on the day it signs (numbers are only unique with it). */
  issuer: { nameVi: string; nameEn: string };
  awardYear: number;
}

/** Inserts a decision; a second first member of the same batch violates batch_key's uniqueness (23505). */
export async function insertDecision(tx: EntityManager, d: DecisionWrite): Promise<IssuedDecision> {
  const [row] = await tx.query(
    `INSERT INTO decision (id, batch_key, number, issuer_unit_id, year, seq, issued_on, signer_id, signer_name, award_code, title_vi, title_en, issuer_name_vi, issuer_name_en, award_year, kind, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,now())
     RETURNING ${ISSUED}`,
    [d.id, d.batchKey, d.number, d.issuerUnitId, d.year, d.seq, d.issuedOn, d.signer.userId, d.signer.fullName, d.awardCode, d.title.vi, d.title.en, d.issuer.nameVi, d.issuer.nameEn, d.awardYear, d.kind],
  );
  return row;
}

/** Enters a nomination in the award register under its decision (once per nomination). */
export async function registerAward(tx: EntityManager, nominationId: string, decision: IssuedDecision, bonus: Bonus | null): Promise<void> {
  await tx.query(
    `INSERT INTO award_register (nominee_key, nominee_name, nominee_kind, award_code, year, decision_number, decided_on, decision_id, nomination_id, source, unit_id, issuer_unit_id, issuer_name_vi, bonus, posthumous)
     SELECT n.nominee->>'nomineeKey', n.nominee_name, n.nominee_kind, n.award_code, n.year, $2, $3, $4, n.id, 'REGISTER', n.unit_id, $5, $6, $7, COALESCE((n.dossier->>'posthumous')::boolean, false)
       FROM nomination n WHERE n.id=$1
     ON CONFLICT (nomination_id) WHERE nomination_id IS NOT NULL DO NOTHING`,
    [nominationId, decision.number, decision.issuedOn, decision.id, decision.issuerUnitId, decision.issuerNameVi, bonus],
  );
}

export interface ProposalWrite {
  nominationId: string;
  number: string;
  issuerUnitId: string;
  issuerNameVi: string;
  year: number;
  seq: number;
  submittedOn: string;
  signer: { userId: string; fullName: string };
}

export async function insertProposal(tx: EntityManager, p: ProposalWrite): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_submission (nomination_id, number, issuer_unit_id, issuer_name_vi, year, seq, submitted_on, signer_id, signer_name) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [p.nominationId, p.number, p.issuerUnitId, p.issuerNameVi, p.year, p.seq, p.submittedOn, p.signer.userId, p.signer.fullName],
  );
}

/** A decision's signed PDF, as kept. */
export interface SignedDecisionDocument {
  decisionId: string;
  sha256: string;
  pdf: Buffer;
  signer: string;
  signedAt: Date;
}

export async function signedDecisionDocument(db: EntityManager, decisionId: string): Promise<SignedDecisionDocument | undefined> {
  const [row] = await db.query(`SELECT decision_id AS "decisionId", sha256, pdf, signer, signed_at AS "signedAt" FROM decision_document WHERE decision_id = $1`, [decisionId]);
  return row;
}

/**
 * The decision whose signed PDF has this SHA-256, by the audit chain (the hash recorded when it was
 * signed), not by the stored document: a PDF copied over another decision's row in the database
 * still names the decision it was signed for.
 */
export async function decisionBySignedHash(db: EntityManager, sha256: string): Promise<{ decisionId: string; number: string; issuerNameVi: string } | undefined> {
  const [row] = await db.query(
    `SELECT d.id AS "decisionId", d.number, d.issuer_name_vi AS "issuerNameVi"
       FROM audit_log a JOIN decision d ON a.stream = 'decision:' || d.id::text
      WHERE a.event_type = 'DecisionDocumentSigned' AND a.payload->>'sha256' = $1
      ORDER BY a.global_seq LIMIT 1`,
    [sha256],
  );
  return row;
}

/** The SHA-256 the audit chain recorded when this decision's PDF was signed. */
export async function auditedDocumentHash(db: EntityManager, decisionId: string): Promise<string | undefined> {
  const [row]: { sha256: string }[] = await db.query(
    `SELECT payload->>'sha256' AS sha256 FROM audit_log WHERE stream = $1 AND event_type = 'DecisionDocumentSigned' ORDER BY stream_seq LIMIT 1`,
    [`decision:${decisionId}`],
  );
  return row?.sha256;
}

/**
 * A stored PDF that no longer hashes to what was signed, refused: put on the decision's audit stream
 * for the auditor, once for each different file found.
 */
export async function recordDocumentMismatch(db: EntityManager, decisionId: string, audited: string | undefined, found: string): Promise<void> {
  await db.transaction(async (tx) => {
    const stream = `decision:${decisionId}`;
    const seen: unknown[] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = 'DocumentMismatchRefused' AND payload->>'found' = $2`, [stream, found]);
    if (!seen.length) await appendAudit(tx, { stream, eventType: 'DocumentMismatchRefused', rule: 'Nghị định 30/2020/NĐ-CP', occurredAt: new Date().toISOString(), payload: { audited: audited ?? null, found } });
  });
}

/**
 * Keeps a decision's signed PDF once: the first signing wins (two requests at once sign twice, one
 * is kept). Its hash goes onto the register's entries of the decision and into the audit chain.
 */
export async function keepSignedDecision(tx: EntityManager, doc: SignedDecisionDocument): Promise<SignedDecisionDocument> {
  const [inserted] = await tx.query(
    `INSERT INTO decision_document (decision_id, sha256, pdf, signer, signed_at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (decision_id) DO NOTHING RETURNING decision_id`,
    [doc.decisionId, doc.sha256, doc.pdf, doc.signer, doc.signedAt],
  );
  if (!inserted) return (await signedDecisionDocument(tx, doc.decisionId))!;
  await tx.query(`UPDATE award_register SET document_sha256 = $2 WHERE decision_id = $1`, [doc.decisionId, doc.sha256]);
  await appendAudit(tx, { stream: `decision:${doc.decisionId}`, eventType: 'DecisionDocumentSigned', actorId: null, rule: 'Nghị định 30/2020/NĐ-CP', occurredAt: doc.signedAt.toISOString(), payload: { sha256: doc.sha256, signer: doc.signer } });
  return doc;
}
