import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit/chain';
import type { Conflict, CouncilRole, SessionItem, SessionMember, TallyRecord, VotingRule } from '@vinhdanh/domain/council';

/** The councils' read model as the API reads and writes it (sessions are projected by the worker). */

export interface CouncilRow {
  id: string;
  unitId: string;
  level: 'UNIT' | 'PROVINCE' | 'CENTRAL';
  nameVi: string;
  nameEn: string;
}

export interface SessionRow {
  id: string;
  councilId: string;
  councilUnitId: string;
  workflowId: string;
  status: 'OPEN' | 'CLOSED';
  scheme: 'SEALED_V1' | 'BLIND_V2';
  members: SessionMember[];
  items: SessionItem[];
  /** Declared before and during the session (projected by the worker). */
  conflicts: Conflict[];
  deadline: string;
  /** The voting rule of each item's ruleKey, as the session was opened with. */
  rules: Record<string, VotingRule>;
}

export interface WaitingItem extends SessionItem {
  unitId: string;
  year: number;
  nomineePersonalIdHash?: string;
}

export async function findCouncil(db: EntityManager, councilId: string): Promise<CouncilRow | undefined> {
  const [row] = await db.query(`SELECT id, unit_id AS "unitId", level, name_vi AS "nameVi", name_en AS "nameEn" FROM council WHERE id=$1`, [councilId]);
  return row;
}

/** Members as of a date (membership has a validity period). */
export async function councilMembers(db: EntityManager, councilId: string, onDate: string): Promise<SessionMember[]> {
  return db.query(
    `SELECT m.user_id AS "userId", u.full_name AS "fullName", m.role FROM council_member m JOIN user_account u ON u.id = m.user_id
      WHERE m.council_id=$1 AND m.from_date <= $2 AND (m.to_date IS NULL OR m.to_date >= $2) AND u.active ORDER BY m.role, m.user_id`,
    [councilId, onDate],
  );
}

/** The councils a user sits on today, with their role. */
export async function councilsOf(db: EntityManager, userId: string): Promise<(CouncilRow & { role: CouncilRole })[]> {
  return db.query(
    `SELECT c.id, c.unit_id AS "unitId", c.name_vi AS "nameVi", c.name_en AS "nameEn", c.level, m.role FROM council_member m JOIN council c ON c.id = m.council_id
      WHERE m.user_id = $1 AND m.from_date <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND (m.to_date IS NULL OR m.to_date >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) ORDER BY c.level DESC, c.id`,
    [userId],
  );
}

/** A session as its council's members list it. */
export interface SessionSummary {
  id: string;
  councilId: string;
  status: 'OPEN' | 'CLOSED';
  scheme: 'SEALED_V1' | 'BLIND_V2';
  openedAt: Date;
  deadline: Date;
  closedAt: Date | null;
  itemCount: number;
  memberCount: number;
  /** Members who took part (took a ballot, or voted under the former scheme); never how. */
  voted: number;
  /** Whether the caller took part. */
  iVoted: boolean;
}

export async function recentSessions(db: EntityManager, councilIds: string[], userId: string): Promise<SessionSummary[]> {
  return db.query(
    `SELECT s.id, s.council_id AS "councilId", s.status, s.scheme, s.opened_at AS "openedAt", s.deadline, s.closed_at AS "closedAt",
            jsonb_array_length(s.items) AS "itemCount", jsonb_array_length(s.members) AS "memberCount",
            (SELECT count(DISTINCT h.user_id)::int FROM council_ballot_holder h WHERE h.session_id = s.id)
              + (SELECT count(*)::int FROM council_voter v WHERE v.session_id = s.id) AS "voted",
            EXISTS (SELECT 1 FROM council_ballot_holder h WHERE h.session_id = s.id AND h.user_id = $2)
              OR EXISTS (SELECT 1 FROM council_voter v WHERE v.session_id = s.id AND v.user_id = $2) AS "iVoted"
       FROM council_session s WHERE s.council_id = ANY($1) ORDER BY s.opened_at DESC LIMIT 50`,
    [councilIds, userId],
  );
}

/** Nominations whose current level waits for this council's vote and that sit on no open session. */
export async function waitingForCouncil(db: EntityManager, councilId: string): Promise<WaitingItem[]> {
  return db.query(
    `SELECT n.id AS "nominationId", n.workflow_id AS "workflowId", n.award_code AS "awardCode", n.nominee_name AS "nomineeName",
            COALESCE(n.nominee->>'accountUserId', n.nominee->>'userId') AS "nomineeUserId", n.nominee->>'personalIdHash' AS "nomineePersonalIdHash",
            r->'council'->>'ruleKey' AS "ruleKey", n.unit_id AS "unitId", n.year
       FROM nomination n CROSS JOIN LATERAL jsonb_array_elements(n.dossier->'route') r
      WHERE n.status = 'AWAITING_COUNCIL' AND r->>'level' = n.current_level AND r->'council'->>'councilId' = $1
        AND NOT EXISTS (SELECT 1 FROM council_open_item o WHERE o.nomination_id = n.id)
      ORDER BY n.submitted_at`,
    [councilId],
  ).then((rows: (WaitingItem & { nomineeUserId: string | null; nomineePersonalIdHash: string | null })[]) =>
    rows.map(({ nomineeUserId, nomineePersonalIdHash, ...w }) => ({ ...w, ...(nomineeUserId ? { nomineeUserId } : {}), ...(nomineePersonalIdHash ? { nomineePersonalIdHash } : {}) })),
  );
}

export async function declaredConflicts(db: EntityManager, councilId: string, nominationIds: string[]): Promise<Conflict[]> {
  return db.query(`SELECT user_id AS "userId", nomination_id AS "nominationId", reason FROM council_conflict WHERE council_id=$1 AND nomination_id = ANY($2)`, [councilId, nominationIds]);
}

export interface NewSession {
  id: string;
  councilId: string;
  workflowId: string;
  openedBy: string;
  deadline: string;
  members: SessionMember[];
  items: SessionItem[];
  conflicts: Conflict[];
  rules: Record<string, VotingRule>;
  keys: { nominationId: string; spki: string; sealedPrivateKey: string }[];
}

const UNIQUE_VIOLATION = '23505';

/**
 * Inserts an open session and claims its nominations. A nomination already on an open session
 * (also one opened a moment ago by another secretary) fails the primary key of council_open_item:
 * the claimed ids are returned as `taken`, and the caller rolls back.
 */
export async function insertOpenSession(tx: EntityManager, s: NewSession): Promise<{ taken: string[] }> {
  const taken: { nomination_id: string }[] = await tx.query(`SELECT nomination_id FROM council_open_item WHERE nomination_id = ANY($1) FOR UPDATE`, [s.items.map((i) => i.nominationId)]);
  if (taken.length) return { taken: taken.map((t) => t.nomination_id) };
  await tx.query(
    `INSERT INTO council_session (id, council_id, workflow_id, status, scheme, opened_by, opened_at, deadline, members, items, conflicts, rules)
     VALUES ($1,$2,$3,'OPEN','BLIND_V2',$4,now(),$5,$6,$7,$8,$9)`,
    [s.id, s.councilId, s.workflowId, s.openedBy, s.deadline, JSON.stringify(s.members), JSON.stringify(s.items), JSON.stringify(s.conflicts), JSON.stringify(s.rules)],
  );
  try {
    await tx.query(`INSERT INTO council_open_item (nomination_id, session_id) SELECT unnest($1::uuid[]), $2`, [s.items.map((i) => i.nominationId), s.id]);
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return { taken: s.items.map((i) => i.nominationId) };
    throw err;
  }
  for (const k of s.keys) {
    await tx.query(`INSERT INTO council_ballot_key (session_id, nomination_id, spki, sealed_private_key) VALUES ($1,$2,$3,$4)`, [s.id, k.nominationId, k.spki, k.sealedPrivateKey]);
  }
  return { taken: [] };
}

export async function findSession(db: EntityManager, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await db.query(
    `SELECT s.id, s.council_id AS "councilId", c.unit_id AS "councilUnitId", s.workflow_id AS "workflowId", s.status, s.scheme, s.members, s.items,
            s.conflicts, s.deadline, s.rules
       FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id=$1`,
    [sessionId],
  );
  return row;
}

export async function ballotKeys(db: EntityManager, sessionId: string): Promise<Map<string, { spki: string; sealedPrivateKey: string }>> {
  const rows: { nomination_id: string; spki: string; sealed_private_key: string }[] = await db.query(`SELECT nomination_id, spki, sealed_private_key FROM council_ballot_key WHERE session_id=$1`, [sessionId]);
  return new Map(rows.map((r) => [r.nomination_id, { spki: r.spki, sealedPrivateKey: r.sealed_private_key }]));
}

/** The tally record (biên bản kiểm phiếu) of a session: who took part, the receipts counted, each nomination's result. */
export interface SessionTally {
  id: string;
  councilId: string;
  councilNameVi: string;
  councilNameEn: string;
  status: 'OPEN' | 'CLOSED';
  scheme: 'SEALED_V1' | 'BLIND_V2';
  openedAt: Date;
  deadline: Date;
  closedAt: Date | null;
  closedReason: 'CLOSED_BY_SECRETARY' | 'ALL_VOTED' | 'DEADLINE' | null;
  /** Members who took part; never how. */
  voters: { userId: string; fullName: string }[];
  /** The receipts of the ballots counted: a member finds theirs here. */
  receiptHashes: string[];
  /** VOID: the nomination was decided or withdrawn elsewhere before this tally; it counts for nothing. */
  records: (Omit<TallyRecord, 'result'> & { result: TallyRecord['result'] | 'VOID' })[];
}

export async function sessionTally(db: EntityManager, sessionId: string): Promise<SessionTally | undefined> {
  const [session] = await db.query(
    `SELECT s.id, s.council_id AS "councilId", c.name_vi AS "councilNameVi", c.name_en AS "councilNameEn", s.status, s.scheme, s.opened_at AS "openedAt", s.deadline,
            s.closed_at AS "closedAt", s.closed_reason AS "closedReason"
       FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id=$1`,
    [sessionId],
  );
  if (!session) return undefined;
  const records: { record: TallyRecord }[] = await db.query(`SELECT record FROM council_tally WHERE session_id=$1 ORDER BY award_code, nomination_id`, [sessionId]);
  const voters: { userId: string; fullName: string }[] = await db.query(
    `SELECT DISTINCT t.user_id AS "userId", u.full_name AS "fullName"
       FROM (SELECT user_id FROM council_voter WHERE session_id=$1 UNION SELECT user_id FROM council_ballot_holder WHERE session_id=$1) t
       JOIN user_account u ON u.id = t.user_id ORDER BY u.full_name`,
    [sessionId],
  );
  const receipts: { h: string }[] = await db.query(
    `SELECT receipt_hash AS h FROM council_ballot WHERE session_id=$1 UNION SELECT receipt_hash FROM council_receipt WHERE session_id=$1 ORDER BY 1`,
    [sessionId],
  );
  return { ...session, voters, receiptHashes: receipts.map((r) => r.h), records: records.map((r) => r.record) };
}

/** Whether a receipt's ballot is counted (taken by the session from its box, or tallied), and whether it is in the box at all. */
export async function receiptState(db: EntityManager, sessionId: string, receiptHash: string): Promise<{ counted: boolean; inBox: boolean }> {
  const [row]: { counted: boolean; boxed: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM council_receipt WHERE session_id=$1 AND receipt_hash=$2)
            OR EXISTS (SELECT 1 FROM council_ballot WHERE session_id=$1 AND receipt_hash=$2)
            OR EXISTS (SELECT 1 FROM council_ballot_box WHERE session_id=$1 AND receipt_hash=$2 AND drained_by IS NOT NULL) AS counted,
            EXISTS (SELECT 1 FROM council_ballot_box WHERE session_id=$1 AND receipt_hash=$2) AS boxed`,
    [sessionId, receiptHash],
  );
  return { counted: row.counted, inBox: row.counted || row.boxed };
}

export async function ballotsTakenBy(db: EntityManager, sessionId: string, userId: string): Promise<string[]> {
  const rows: { nomination_id: string }[] = await db.query(`SELECT nomination_id FROM council_ballot_holder WHERE session_id=$1 AND user_id=$2`, [sessionId, userId]);
  return rows.map((r) => r.nomination_id);
}

/** Whether a user sits on a council today. */
export async function sitsOn(db: EntityManager, councilId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM council_member WHERE council_id=$1 AND user_id=$2 AND from_date <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND (to_date IS NULL OR to_date >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,
    [councilId, userId],
  );
  return rows.length > 0;
}

/** Of these nominations, those still under public posting: the council may not consider them yet. */
export async function stillPosted(db: EntityManager, nominationIds: string[]): Promise<{ id: string; until: string; unanswered: number }[]> {
  if (!nominationIds.length) return [];
  return db.query(`SELECT id, posting->>'until' AS until, (posting->>'unanswered')::int AS unanswered FROM nomination WHERE id = ANY($1) AND status = 'PUBLIC_POSTING'`, [nominationIds]);
}

/**
 * Reminds the session's members who have not taken their ballots: an in-app notification each, at
 * most one per member and session within an hour (a second click reminds nobody twice; the session's
 * lock makes two clicks at once one), and one entry on the session's audit stream saying who
 * reminded whom. Answers who was reminded now.
 */
export async function remindNonVoters(
  db: EntityManager,
  r: { sessionId: string; councilNameVi: string; councilNameEn: string; deadline: string; members: { userId: string }[]; by: string },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`remind:${r.sessionId}`]);
    const reminded: string[] = [];
    for (const m of r.members) {
      const [n] = await tx.query(
        `INSERT INTO notification (idempotency_key, nomination_id, recipient_user_id, email, kind, subject_vi, subject_en, body_vi, body_en, created_at, delivered_at)
         SELECT $1, NULL, $2, NULL, 'COUNCIL_REMINDER', $3, $4, $5, $6, now(), now()
          WHERE NOT EXISTS (SELECT 1 FROM notification WHERE kind = 'COUNCIL_REMINDER' AND recipient_user_id = $2
                              AND idempotency_key LIKE $7 AND created_at > now() - interval '1 hour')
         RETURNING id`,
        [
          `remind:${r.sessionId}:${m.userId}:${Date.now()}`, m.userId,
          `Nhắc bỏ phiếu: ${r.councilNameVi}`, `Reminder to vote: ${r.councilNameEn}`,
          `Phiên họp đang chờ phiếu của đồng chí; hạn bỏ phiếu ${r.deadline}. Mở “Hội đồng TĐKT” để bỏ phiếu.`,
          `The session is waiting for your ballot; voting closes ${r.deadline}. Open “Councils” to vote.`,
          `remind:${r.sessionId}:${m.userId}:%`,
        ],
      );
      if (n) reminded.push(m.userId);
    }
    if (reminded.length) {
      await appendAudit(tx, { stream: `council:${r.sessionId}`, eventType: 'MembersReminded', actorId: r.by, actorRole: 'COUNCIL_SECRETARY', occurredAt: new Date().toISOString(), payload: { members: reminded } });
    }
    return reminded;
  });
}
