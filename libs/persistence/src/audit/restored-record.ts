import type { EntityManager } from 'typeorm';

/** What a restored database holds of one nomination: its last projected event and the run that wrote it. */
export async function projectedNomination(db: EntityManager, nominationId: string): Promise<{ lastSeq: number; runId: string | null } | undefined> {
  const [row]: { last_seq: number; run_id: string | null }[] = await db.query(`SELECT last_seq, run_id FROM nomination WHERE id = $1`, [nominationId]);
  return row && { lastSeq: row.last_seq, runId: row.run_id };
}

/** Whether a decision is in the database (one issued after a backup is not, once restored). */
export async function decisionHeld(db: EntityManager, decisionId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM decision WHERE id = $1`, [decisionId]);
  return rows.length > 0;
}
