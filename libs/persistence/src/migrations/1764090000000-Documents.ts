import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossier files, content-addressed: a nomination's dossier names its documents by SHA-256, so the
 * same file uploaded twice is stored once and a dossier can never point at altered bytes.
 */
export class Documents1764090000000 implements MigrationInterface {
  name = 'Documents1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[a-f0-9]{64}$'),
        content bytea NOT NULL,
        size_bytes int NOT NULL,
        mime_type text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE document_upload (
        sha256 text NOT NULL REFERENCES document(sha256),
        user_id text NOT NULL,
        name text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sha256, user_id)
      );`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_upload; DROP TABLE document`);
  }
}
