import type { EntityManager } from 'typeorm';

/** A ballot key as the pool keeps it (see migration BallotKeyPool). */
export interface PooledBallotKey {
  spki: string;
  sealedPrivateKey: string;
}

/**
 * Takes up to `n` keys sealed with `sealedWith`, oldest first. Each key goes to one taker only:
 * its row is deleted, and rows another session is taking are skipped, not waited for.
 */
export async function takePooledBallotKeys(db: EntityManager, sealedWith: string, n: number): Promise<PooledBallotKey[]> {
  if (n <= 0) return [];
  // TypeORM answers DELETE … RETURNING on PostgreSQL with [rows, rowCount].
  const [rows]: [{ spki: string; sealed_private_key: string }[], number] = await db.query(
    `DELETE FROM ballot_key_pool WHERE id IN (
       SELECT id FROM ballot_key_pool WHERE sealed_with = $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
     ) RETURNING spki, sealed_private_key`,
    [sealedWith, n],
  );
  return rows.map((r) => ({ spki: r.spki, sealedPrivateKey: r.sealed_private_key }));
}

/** Keys made ahead, or given back by a session that failed to open (never published to anyone). */
export async function addPooledBallotKeys(db: EntityManager, sealedWith: string, keys: PooledBallotKey[]): Promise<void> {
  if (!keys.length) return;
  await db.query(
    `INSERT INTO ballot_key_pool (sealed_with, spki, sealed_private_key) SELECT $1, k.spki, k.sealed FROM unnest($2::text[], $3::text[]) AS k(spki, sealed)`,
    [sealedWith, keys.map((k) => k.spki), keys.map((k) => k.sealedPrivateKey)],
  );
}

/** Drops the keys sealed with a BALLOT_KEY other than the one in use (after a rotation): nobody can open them. */
export async function dropRetiredBallotKeys(db: EntityManager, sealedWith: string): Promise<void> {
  await db.query(`DELETE FROM ballot_key_pool WHERE sealed_with <> $1`, [sealedWith]);
}

/** How many keys sealed with `sealedWith` are ready. */
export async function pooledBallotKeyCount(db: EntityManager, sealedWith: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ballot_key_pool WHERE sealed_with = $1`, [sealedWith]);
  return row.n;
}

/** Every key in the pool, whatever sealed it: what an operator (or the bench) watches fill. */
export async function pooledBallotKeyTotal(db: EntityManager): Promise<number> {
  const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ballot_key_pool`);
  return row.n;
}
