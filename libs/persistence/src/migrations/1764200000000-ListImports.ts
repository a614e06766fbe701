import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's list uploaded as a spreadsheet (nhập danh sách từ tệp Excel): the upload, checked row by
 * row, and what became of each row. The personal identification number is never stored: a row keeps
 * the keyed hash the nomination will carry and the last four digits, for the clerk to recognise it.
 * An import's id derives from the unit, the file and its settings: the same upload is the same import.
 */
export class ListImports1764200000000 implements MigrationInterface {
  name = 'ListImports1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE list_import (
        id uuid PRIMARY KEY,
        unit_id text NOT NULL,
        file_name text NOT NULL,
        file_sha256 text NOT NULL,
        award_code text NOT NULL,
        year int NOT NULL,
        settings jsonb NOT NULL,
        header text,
        status text NOT NULL CHECK (status IN ('PREVIEW', 'RUNNING', 'DONE')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_by text,
        started_at timestamptz,
        finished_at timestamptz,
        lease_until timestamptz
      );
      CREATE INDEX list_import_unit_idx ON list_import (unit_id, created_at DESC);
      CREATE INDEX list_import_running_idx ON list_import (lease_until) WHERE status = 'RUNNING';
      CREATE TABLE list_import_row (
        import_id uuid NOT NULL REFERENCES list_import (id) ON DELETE CASCADE,
        line int NOT NULL,
        name text NOT NULL,
        birth_year int,
        personal_id_last4 text,
        position text,
        front_line boolean NOT NULL DEFAULT false,
        achievements text,
        nominee_key text,
        personal_id_hash text,
        account_user_id text,
        problems jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL CHECK (state IN ('INVALID', 'READY', 'SUBMITTED', 'ALREADY', 'FAILED')),
        nomination_id uuid,
        dossier_number text,
        error jsonb,
        PRIMARY KEY (import_id, line)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE list_import_row; DROP TABLE list_import;`);
  }
}
