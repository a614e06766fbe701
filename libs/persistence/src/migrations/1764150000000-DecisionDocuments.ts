import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed PDF of a decision (ký số), kept as signed: its SHA-256 is what a downloaded copy is
 * checked against, and the register's entries of that decision carry it too.
 */
export class DecisionDocuments1764150000000 implements MigrationInterface {
  name = 'DecisionDocuments1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_document (
        decision_id uuid PRIMARY KEY REFERENCES decision(id),
        sha256 text NOT NULL UNIQUE,
        pdf bytea NOT NULL,
        signer text NOT NULL,
        signed_at timestamptz NOT NULL
      );
      ALTER TABLE award_register ADD COLUMN document_sha256 text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_register DROP COLUMN document_sha256; DROP TABLE decision_document;`);
  }
}
