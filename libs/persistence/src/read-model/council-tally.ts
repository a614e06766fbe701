import type { EntityManager } from 'typeorm';
import type { Choice, TallyRecord } from '@vinhdanh/domain/council';

/** Statements of the council's read model written at a session's close (one transaction). */

/** Locks the session row; a closed one means a retried tally, which finds what it wrote. */
export async function lockSessionForTally(tx: EntityManager, sessionId: string): Promise<{ closed: boolean; records: TallyRecord[] }> {
  const [session]: { status: string }[] = await tx.query(`SELECT status FROM council_session WHERE id=$1 FOR UPDATE`, [sessionId]);
  if (session?.status !== 'CLOSED') return { closed: false, records: [] };
  const rows: { record: TallyRecord }[] = await tx.query(`SELECT record FROM council_tally WHERE session_id=$1`, [sessionId]);
  return { closed: true, records: rows.map((r) => r.record) };
}

/**
 * Whether the council may still decide this nomination: it waits for a council at this level, and
 * no earlier session of this council already passed or failed it.
 */
export async function stillWaitingForCouncil(tx: EntityManager, nominationId: string, councilId: string, level: string): Promise<boolean> {
  const [row]: { waiting: boolean }[] = await tx.query(
    `SELECT n.status = 'AWAITING_COUNCIL' AND n.current_level = $3
            AND NOT EXISTS (SELECT 1 FROM council_tally t WHERE t.nomination_id = n.id AND t.council_id = $2 AND t.result IN ('PASSED','FAILED')) AS waiting
       FROM nomination n WHERE n.id = $1`,
    [nominationId, councilId, level],
  );
  return !!row?.waiting;
}

export interface TallyWrite {
  sessionId: string;
  councilId: string;
  closedReason: string | null;
  conflicts: unknown[];
  records: (TallyRecord & { result: TallyRecord['result'] | 'VOID' })[];
}

export async function writeTallyRecords(tx: EntityManager, t: TallyWrite): Promise<void> {
  for (const r of t.records) {
    await tx.query(`INSERT INTO council_tally (session_id, council_id, nomination_id, award_code, result, record) VALUES ($1,$2,$3,$4,$5,$6)`, [t.sessionId, t.councilId, r.nominationId, r.awardCode, r.result, r]);
  }
  await tx.query(`UPDATE council_session SET status='CLOSED', closed_at=now(), closed_reason=$2, conflicts=$3 WHERE id=$1`, [t.sessionId, t.closedReason, JSON.stringify(t.conflicts)]);
  // The nominations are free for another session (after NO_QUORUM) once this one has closed.
  await tx.query(`DELETE FROM council_open_item WHERE session_id=$1`, [t.sessionId]);
}

/** SEALED_V1: opened ballots with their receipt hash, in the (shuffled) order given. */
export async function writeSealedBallots(tx: EntityManager, sessionId: string, ballots: { receiptHash: string; choices: Record<string, Choice> }[]): Promise<void> {
  for (const b of ballots) await tx.query(`INSERT INTO council_ballot (session_id, receipt_hash, choices) VALUES ($1,$2,$3)`, [sessionId, b.receiptHash, b.choices]);
}

/** BLIND_V2: ballots (nomination, choice) and receipts in two tables, each in the (shuffled) order given. */
export async function writeSecretBallots(tx: EntityManager, sessionId: string, ballots: { nominationId: string; choice: Choice }[], receipts: { nominationId: string; receiptHash: string }[]): Promise<void> {
  if (ballots.length) {
    await tx.query(
      `INSERT INTO council_item_ballot (session_id, nomination_id, choice) SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
      [sessionId, ballots.map((b) => b.nominationId), ballots.map((b) => b.choice)],
    );
  }
  if (receipts.length) {
    await tx.query(
      `INSERT INTO council_receipt (session_id, nomination_id, receipt_hash) SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
      [sessionId, receipts.map((r) => r.nominationId), receipts.map((r) => r.receiptHash)],
    );
  }
}

export async function recordBallotHolders(tx: EntityManager, sessionId: string, userId: string, nominationIds: string[]): Promise<number> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO council_ballot_holder (session_id, nomination_id, user_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING RETURNING nomination_id`,
    [sessionId, nominationIds, userId],
  );
  return rows.length;
}

export async function recordVoter(tx: EntityManager, sessionId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(`INSERT INTO council_voter (session_id, user_id, voted_at) VALUES ($1,$2,now()) ON CONFLICT DO NOTHING RETURNING user_id`, [sessionId, userId]);
  return rows.length > 0;
}

export async function recordSessionConflicts(tx: EntityManager, sessionId: string, conflicts: unknown[]): Promise<void> {
  await tx.query(`UPDATE council_session SET conflicts = $2 WHERE id = $1`, [sessionId, JSON.stringify(conflicts)]);
}
