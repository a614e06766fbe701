import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballot keys made ahead of the sessions that will use them (docs/council-voting.md): each row is
 * one RSA key, its private half sealed with BALLOT_KEY (whose fingerprint it keeps, so a rotated
 * BALLOT_KEY never takes a key it cannot open). A session takes its keys by deleting their rows.
 */
export class BallotKeyPool1764250000000 implements MigrationInterface {
  name = 'BallotKeyPool1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballot_key_pool (
        id bigserial PRIMARY KEY,
        sealed_with text NOT NULL,
        spki text NOT NULL,
        sealed_private_key text NOT NULL,
        made_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ballot_key_pool_sealed_with_idx ON ballot_key_pool (sealed_with, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ballot_key_pool;`);
  }
}
