import type { EntityManager } from 'typeorm';
import type { NominationEventData } from '@vinhdanh/domain/ladder/events';
import type { Bonus } from '@vinhdanh/domain/decisions';

/** What the public reads without signing in: nominations under posting, the decisions issued, and comments. */

export interface PostedNomination {
  id: string;
  nomineeName: string;
  nomineeKind: string;
  awardCode: string;
  awardNameVi: string;
  awardNameEn: string;
  year: number;
  unitNameVi: string;
  unitNameEn: string;
  status: string;
  posting: { level: string; kind: string; from: string; until: string; comments: number; unanswered: number; ended: boolean };
  /** The PublicPostingStarted event's data (the posting rule as applied). */
  rule: NominationEventData['PublicPostingStarted'] | null;
}

/** Nominations that are or were posted (not those that ended otherwise), open ones first. */
export async function postedNominations(db: EntityManager): Promise<PostedNomination[]> {
  return db.query(
    `SELECT n.id, n.nominee_name AS "nomineeName", n.nominee_kind AS "nomineeKind", n.award_code AS "awardCode", n.year,
            n.dossier->>'awardNameVi' AS "awardNameVi", n.dossier->>'awardNameEn' AS "awardNameEn",
            u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", n.status, n.posting,
            (SELECT e.data FROM nomination_event e WHERE e.nomination_id = n.id AND e.type = 'PublicPostingStarted' ORDER BY e.seq DESC LIMIT 1) AS rule
       FROM nomination n JOIN org_unit u ON u.id = n.unit_id
      WHERE n.posting IS NOT NULL AND n.status NOT IN ('REJECTED','WITHDRAWN','EXPIRED')
      ORDER BY (n.status = 'PUBLIC_POSTING') DESC, n.posting->>'until' DESC LIMIT 500`,
  );
}

/** The workflow of a nomination under public posting now; any other reads as absent. */
export async function postedNominationWorkflow(db: EntityManager, nominationId: string): Promise<string | undefined> {
  const [row]: { workflow_id: string }[] = await db.query(`SELECT workflow_id FROM nomination WHERE id=$1 AND status='PUBLIC_POSTING'`, [nominationId]);
  return row?.workflow_id;
}

export interface PublicComment {
  commentId: string;
  level: string;
  text: string;
  authorName: string | null;
  receivedAt: string;
  /** Comments received since that repeat this one (counted on it; its answer answers them). */
  echoes: number;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export async function commentsOn(db: EntityManager, nominationId: string): Promise<PublicComment[]> {
  return db.query(
    `SELECT c.comment_id AS "commentId", c.level, c.text, c.author_name AS "authorName", c.received_at AS "receivedAt", c.echoes,
            c.answer, c.answered_at AS "answeredAt", u.full_name AS "answeredBy"
       FROM public_comment c LEFT JOIN user_account u ON u.id = c.answered_by
      WHERE c.nomination_id = $1 ORDER BY c.received_at`,
    [nominationId],
  );
}

export interface PublishedDecision {
  id: string;
  number: string;
  kind: string;
  issuedOn: string;
  year: number;
  awardYear: number | null;
  awardCode: string | null;
  titleVi: string;
  titleEn: string;
  signerName: string;
  issuerNameVi: string;
  issuerNameEn: string;
  recipients: { nomineeName: string; nomineeKind: string; posthumous: boolean; revoked: boolean; revokedBy: string | null; revokedByIssuerVi: string | null }[];
}

/** Decisions issued, newest first, by the year of issue and the year of the achievements. */
export async function publishedDecisions(db: EntityManager, filter: { year: number | null; awardYear: number | null }): Promise<PublishedDecision[]> {
  return db.query(
    `SELECT d.id, d.number, d.kind, d.issued_on::text AS "issuedOn", d.year, d.award_year AS "awardYear", d.award_code AS "awardCode",
            d.title_vi AS "titleVi", d.title_en AS "titleEn", d.signer_name AS "signerName",
            COALESCE(d.issuer_name_vi, u.name_vi) AS "issuerNameVi", COALESCE(d.issuer_name_en, u.name_en) AS "issuerNameEn",
            COALESCE((SELECT jsonb_agg(jsonb_build_object('nomineeName', r.nominee_name, 'nomineeKind', r.nominee_kind, 'posthumous', r.posthumous,
                                                          'revoked', r.revoked_at IS NOT NULL, 'revokedBy', rd.number, 'revokedByIssuerVi', rd.issuer_name_vi) ORDER BY r.nominee_name)
                        FROM award_register r LEFT JOIN decision rd ON rd.id = r.revocation_decision_id WHERE r.decision_id = d.id), '[]'::jsonb) AS recipients
       FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id
      WHERE ($1::int IS NULL OR d.year = $1::int) AND ($2::int IS NULL OR d.award_year = $2::int)
      ORDER BY d.issued_on DESC, d.created_at DESC LIMIT 200`,
    [filter.year, filter.awardYear],
  );
}

export interface DecisionDocument {
  id: string;
  number: string;
  kind: 'AWARD' | 'REVOCATION';
  issuerUnitId: string;
  issuerNameVi: string;
  issuerNameEn: string;
  issuerLevel: string;
  issuedOn: string;
  signerName: string;
  awardCode: string | null;
  titleVi: string;
  titleEn: string;
  awardYear: number | null;
  parentNameVi: string | null;
}

/** A decision as its document prints it: issuer (with its parent, for the place line), title, signer. */
export async function decisionDocument(db: EntityManager, id: string): Promise<DecisionDocument | undefined> {
  const [row] = await db.query(
    `SELECT d.id, d.number, d.kind, d.issuer_unit_id AS "issuerUnitId", COALESCE(d.issuer_name_vi, u.name_vi) AS "issuerNameVi",
            COALESCE(d.issuer_name_en, u.name_en) AS "issuerNameEn", u.level AS "issuerLevel", d.issued_on::text AS "issuedOn",
            d.signer_name AS "signerName", d.award_code AS "awardCode", d.title_vi AS "titleVi", d.title_en AS "titleEn", d.award_year AS "awardYear",
            (SELECT p.name_vi FROM org_unit p WHERE p.id = u.parent_id) AS "parentNameVi"
       FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id WHERE d.id = $1`,
    [id],
  );
  return row;
}

export interface DecisionRecipient {
  registerId: string;
  nomineeName: string;
  nomineeKind: string;
  awardCode: string;
  year: number;
  nominationId: string | null;
  bonus: Bonus | null;
  posthumous: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedByDecisionId: string | null;
}

export async function decisionRecipients(db: EntityManager, decisionId: string): Promise<DecisionRecipient[]> {
  return db.query(
    `SELECT r.id AS "registerId", r.nominee_name AS "nomineeName", r.nominee_kind AS "nomineeKind", r.award_code AS "awardCode", r.year,
            r.nomination_id AS "nominationId", r.bonus, r.posthumous, r.revoked_at AS "revokedAt", rd.number AS "revokedBy", rd.id AS "revokedByDecisionId"
       FROM award_register r LEFT JOIN decision rd ON rd.id = r.revocation_decision_id WHERE r.decision_id = $1 ORDER BY r.nominee_name`,
    [decisionId],
  );
}

/** The awards a revocation decision takes back, with the reason of each case. */
export async function awardsRevokedBy(db: EntityManager, decisionId: string): Promise<{ nomineeName: string; decisionNumber: string; issuerNameVi: string; reason: string }[]> {
  return db.query(
    `SELECT r.nominee_name AS "nomineeName", r.decision_number AS "decisionNumber", r.issuer_name_vi AS "issuerNameVi", c.reason
       FROM award_register r JOIN revocation_case c ON c.id = r.revocation_case_id WHERE r.revocation_decision_id = $1`,
    [decisionId],
  );
}
