import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations for a year of the movement (đăng ký thi đua), as their workflows project them: one
 * per unit and year, its titles one row each (found by the nominee's identity when a year-end
 * dossier asks whether its nominee registered).
 */
export class Registrations1764210000000 implements MigrationInterface {
  name = 'Registrations1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL,
        unit_id text NOT NULL REFERENCES org_unit (id),
        year int NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'RETURNED', 'APPROVED')),
        deadline date NOT NULL,
        late_rule text NOT NULL CHECK (late_rule IN ('REFUSE', 'FLAG')),
        late boolean NOT NULL DEFAULT false,
        pledge text NOT NULL DEFAULT '',
        returned_reason text,
        last_seq int NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        approved_at timestamptz,
        approved_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, year)
      );
      CREATE TABLE registration_entry (
        registration_id uuid NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
        line int NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        award_code text NOT NULL,
        nominee_key text NOT NULL,
        birth_year int,
        position text,
        personal_id_last4 text,
        PRIMARY KEY (registration_id, line)
      );
      CREATE INDEX registration_entry_nominee_idx ON registration_entry (nominee_key, award_code);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration_entry; DROP TABLE registration;`);
  }
}
