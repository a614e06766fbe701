import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit/chain';

/**
 * What keeps a flood of public comments from locking citizens out, in PostgreSQL: each proof of
 * work is spent once, the proofs spent on a nomination in the last hour set the work asked next,
 * and a comment that repeats one received is counted on it (an echo) rather than waiting for an
 * answer of its own.
 */

/** Spends a proof: false if it was spent before (a replay). Proofs older than a day are forgotten. */
export async function spendProof(db: EntityManager, p: { signature: string; nominationId: string; expiresAt: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`DELETE FROM comment_proof_spent WHERE expires_at < now() - interval '1 day'`);
    const [row] = await tx.query(
      `INSERT INTO comment_proof_spent (signature, nomination_id, expires_at) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING signature`,
      [p.signature, p.nominationId, p.expiresAt],
    );
    return !!row;
  });
}

/** Proofs spent on a nomination in the last hour: how busy its comments are. */
export async function proofsSpentLastHour(db: EntityManager, nominationId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM comment_proof_spent WHERE nomination_id=$1 AND spent_at > now() - interval '1 hour'`, [nominationId]);
  return n;
}

/** Counts a repeat on the comment it repeats, on the audit chain (stream `comments:nomination:<id>`). */
export async function echoComment(db: EntityManager, e: { nominationId: string; commentId: string; authorName?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE public_comment SET echoes = echoes + 1 WHERE nomination_id=$1 AND comment_id=$2`, [e.nominationId, e.commentId]);
    await appendAudit(tx, {
      stream: `comments:nomination:${e.nominationId}`, eventType: 'PublicCommentEchoed', actorId: null, occurredAt: new Date().toISOString(),
      payload: { commentId: e.commentId, ...(e.authorName ? { authorName: e.authorName } : {}) },
    });
  });
}
