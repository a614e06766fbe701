import type { EntityManager } from 'typeorm';
import type { BallotCode } from '@vinhdanh/domain/council';

/**
 * The ballot box (hòm phiếu) of a BLIND_V2 session. A cast ballot is dropped here by the API and
 * reaches the session's workflow only when the workflow opens the box: once every eligible member
 * has voted, when the secretary closes, and at the deadline. The workflow then counts what the box
 * holds as one batch, shuffled, so its history says when the box was opened, never when a ballot
 * was cast: nobody reading it (auditors, the administrator, an operator with every key) can match
 * a ballot to the member who took it just before (docs/security.md).
 *
 * Each step locks the session's row: a ballot is either in the box before the final opening takes
 * everything, or refused as too late, never dropped in a box nobody will open again.
 */
export type DropResult =
  /** In the box. */
  | 'IN_BOX'
  /** The same ballot again (an answer lost): one ballot, the same receipt. */
  | 'ALREADY_IN_BOX'
  /** The same token with another choice. */
  | 'OTHER_CHOICE'
  /** Already counted (the box was opened and tallied): the receipt is in the tally. */
  | 'COUNTED'
  /** As many ballots as were handed out for the nomination are already in. */
  | 'NO_BALLOT_LEFT'
  /** The box was closed for good. */
  | 'CLOSED';

export interface BoxedBallot {
  nominationId: string;
  receiptHash: string;
  choice: BallotCode;
}

export async function dropInBox(db: EntityManager, sessionId: string, b: BoxedBallot): Promise<DropResult> {
  return db.transaction(async (tx) => {
    const [session]: { status: string; box_closed: boolean; past_deadline: boolean }[] = await tx.query(
      `SELECT status, box_closed, deadline <= now() AS past_deadline FROM council_session WHERE id=$1 FOR UPDATE`,
      [sessionId],
    );
    const [held]: { choice: string }[] = await tx.query(`SELECT choice FROM council_ballot_box WHERE session_id=$1 AND receipt_hash=$2`, [sessionId, b.receiptHash]);
    if (held) return held.choice === b.choice ? 'ALREADY_IN_BOX' : 'OTHER_CHOICE';
    const counted: unknown[] = await tx.query(`SELECT 1 FROM council_receipt WHERE session_id=$1 AND receipt_hash=$2`, [sessionId, b.receiptHash]);
    if (counted.length) return 'COUNTED';
    // Past the deadline the session is closing even if its worker has not yet said so.
    if (!session || session.status !== 'OPEN' || session.box_closed || session.past_deadline) return 'CLOSED';
    const [{ holders, boxed }]: { holders: number; boxed: number }[] = await tx.query(
      `SELECT (SELECT count(*) FROM council_ballot_holder WHERE session_id=$1 AND nomination_id=$2)::int AS holders,
              (SELECT count(*) FROM council_ballot_box WHERE session_id=$1 AND nomination_id=$2)::int AS boxed`,
      [sessionId, b.nominationId],
    );
    if (boxed >= holders) return 'NO_BALLOT_LEFT';
    await tx.query(`INSERT INTO council_ballot_box (session_id, receipt_hash, nomination_id, choice) VALUES ($1,$2,$3,$4)`, [sessionId, b.receiptHash, b.nominationId, b.choice]);
    return 'IN_BOX';
  });
}

/** Ballots in the box per nomination: `waiting` for the workflow to open the box, and `all` (counted or not). */
export async function ballotsInBox(db: EntityManager, sessionId: string): Promise<Map<string, { waiting: number; all: number }>> {
  const rows: { nomination_id: string; waiting: number; all: number }[] = await db.query(
    `SELECT nomination_id, (count(*) FILTER (WHERE drained_by IS NULL))::int AS waiting, count(*)::int AS "all" FROM council_ballot_box WHERE session_id=$1 GROUP BY 1`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.nomination_id, { waiting: r.waiting, all: r.all }]));
}

/**
 * Opens the box: takes every ballot not yet taken, under `openingId` (an opening retried after a
 * crash takes the same ballots, and any dropped in since). `close` also closes the box for good.
 * The order returned is the table's; the caller shuffles.
 */
export async function openBox(db: EntityManager, sessionId: string, openingId: string, close: boolean): Promise<BoxedBallot[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM council_session WHERE id=$1 FOR UPDATE`, [sessionId]);
    await tx.query(`UPDATE council_ballot_box SET drained_by=$2 WHERE session_id=$1 AND drained_by IS NULL`, [sessionId, openingId]);
    if (close) await tx.query(`UPDATE council_session SET box_closed=true WHERE id=$1`, [sessionId]);
    const rows: { nominationId: string; receiptHash: string; choice: BallotCode }[] = await tx.query(
      `SELECT nomination_id AS "nominationId", receipt_hash AS "receiptHash", choice FROM council_ballot_box WHERE session_id=$1 AND drained_by=$2`,
      [sessionId, openingId],
    );
    return rows;
  });
}

/**
 * At the tally, in the transaction that writes ballots and receipts apart: the box is closed and
 * the ballots the session took from it go. A ballot never taken (dropped while a session that
 * closed before the box existed was being tallied) stays, and its receipt reads as not counted.
 */
export async function emptyBox(tx: EntityManager, sessionId: string): Promise<void> {
  await tx.query(`UPDATE council_session SET box_closed=true WHERE id=$1`, [sessionId]);
  await tx.query(`DELETE FROM council_ballot_box WHERE session_id=$1 AND drained_by IS NOT NULL`, [sessionId]);
}
