import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier being prepared (hồ sơ nháp), kept by its unit so a clerk can leave the form and come
 * back, or a colleague can finish it. Never the personal identification number: that is entered
 * when the dossier is sent, and stored only as a keyed hash (docs/security.md).
 */
export class Drafts1764180000000 implements MigrationInterface {
  name = 'Drafts1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nomination_draft (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id text NOT NULL,
        title text NOT NULL,
        award_code text,
        body jsonb NOT NULL,
        created_by text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX nomination_draft_unit_idx ON nomination_draft (unit_id, updated_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE nomination_draft;`);
  }
}
