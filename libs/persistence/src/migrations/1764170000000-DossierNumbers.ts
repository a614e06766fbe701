import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A readable dossier number per submitting unit and award year (`HS-2025-000123`), beside the
 * nomination's id. Claimed once per dossier (its key), so the same dossier submitted again keeps
 * its number, and carried in the workflow's input, so a projection rebuilt from the history has it.
 */
export class DossierNumbers1764170000000 implements MigrationInterface {
  name = 'DossierNumbers1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_number_counter (
        unit_id text NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (unit_id, year)
      );
      CREATE TABLE dossier_number_claim (
        dossier_key text PRIMARY KEY,
        unit_id text NOT NULL,
        year int NOT NULL,
        seq int NOT NULL,
        number text NOT NULL,
        UNIQUE (unit_id, year, seq)
      );
      ALTER TABLE nomination ADD COLUMN dossier_number text;
      CREATE INDEX nomination_dossier_number_idx ON nomination (dossier_number);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX nomination_dossier_number_idx; ALTER TABLE nomination DROP COLUMN dossier_number; DROP TABLE dossier_number_claim; DROP TABLE dossier_number_counter;`);
  }
}
