import type { EntityManager } from 'typeorm';

/**
 * What an auditor's export carries verbatim: the audit log's rows, the decision row and the tally
 * records, as stored (every column), so the export can be checked against a backup row by row.
 */
export type StoredRow = Record<string, unknown>;

export async function auditStreamRows(db: EntityManager, stream: string): Promise<StoredRow[]> {
  return db.query(`SELECT * FROM audit_log WHERE stream=$1 ORDER BY stream_seq`, [stream]);
}

/** The audit log's events of a stream as `seq:type` (the seq of the workflow event each row records). */
export async function auditedEventKeys(db: EntityManager, stream: string): Promise<string[]> {
  const rows: { seq: string; event_type: string }[] = await db.query(`SELECT payload->>'seq' AS seq, event_type FROM audit_log WHERE stream=$1 ORDER BY stream_seq`, [stream]);
  return rows.map((r) => `${r.seq}:${r.event_type}`);
}

export async function decisionRowOf(db: EntityManager, decisionId: string): Promise<StoredRow | null> {
  const [row] = await db.query(`SELECT * FROM decision WHERE id::text=$1`, [decisionId]);
  return row ?? null;
}

export async function tallyRecordsOf(db: EntityManager, nominationId: string): Promise<{ record: StoredRow }[]> {
  return db.query(`SELECT record FROM council_tally WHERE nomination_id=$1`, [nominationId]);
}

/** Every account's display name, to name the actors of a timeline. */
export async function userNames(db: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; full_name: string }[] = await db.query(`SELECT id, full_name FROM user_account`);
  return new Map(rows.map((u) => [u.id, u.full_name]));
}

/** One entry of the audit log as the change feed carries it. */
export interface FeedRow {
  globalSeq: number;
  stream: string;
  streamSeq: number;
  type: string;
  actorId: string | null;
  actorRole: string | null;
  rule: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
  streamHash: string;
  prevGlobalHash: string;
  globalHash: string;
}

/** Audit log entries after a position, in the order they were appended. */
export async function auditLogAfter(db: EntityManager, after: number, limit: number): Promise<FeedRow[]> {
  const rows: (Omit<FeedRow, 'globalSeq'> & { globalSeq: string })[] = await db.query(
    `SELECT global_seq AS "globalSeq", stream, stream_seq AS "streamSeq", event_type AS type, actor_id AS "actorId", actor_role AS "actorRole", rule,
            occurred_at AS "occurredAt", payload, stream_hash AS "streamHash", prev_global_hash AS "prevGlobalHash", global_hash AS "globalHash"
       FROM audit_log WHERE global_seq > $1 ORDER BY global_seq LIMIT $2`,
    [after, limit],
  );
  // bigint arrives as a string; positions stay far below 2^53.
  return rows.map((r) => ({ ...r, globalSeq: Number(r.globalSeq) }));
}
