import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's statement that a nominee who bears their name is not them (docs/conflicts.md): asked
 * before they review, decide or vote on that nomination. Kept, never withdrawn, and on the audit chain.
 */
export class NamesakeDeclarations1764290000000 implements MigrationInterface {
  name = 'NamesakeDeclarations1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE namesake_declaration (
        user_id text NOT NULL REFERENCES user_account (id),
        nomination_id uuid NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, nomination_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE namesake_declaration`);
  }
}
