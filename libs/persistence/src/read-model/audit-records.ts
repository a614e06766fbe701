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
