import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public comments that a flood cannot use to lock citizens out (docs/security.md): each proof of
 * work is spent once (`comment_proof_spent`, kept a day: what was spent in the last hour sets the work asked next), and a comment that
 * repeats one already received is counted on it (`echoes`) instead of waiting for its own answer.
 */
export class CommentFlood1764300000000 implements MigrationInterface {
  name = 'CommentFlood1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_proof_spent (
        signature text PRIMARY KEY,
        nomination_id uuid NOT NULL,
        spent_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX comment_proof_spent_expiry_idx ON comment_proof_spent (expires_at);
      CREATE INDEX comment_proof_spent_recent_idx ON comment_proof_spent (nomination_id, spent_at);
      ALTER TABLE public_comment ADD COLUMN echoes int NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comment_proof_spent; ALTER TABLE public_comment DROP COLUMN echoes;`);
  }
}
