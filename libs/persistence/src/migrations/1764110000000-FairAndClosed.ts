import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fair and closed (docs/security.md, docs/conflicts.md):
 *  - accounts and nominees linked by the hashed personal identification number, never by a typed id;
 *  - each unit's conflict-of-interest register (relatives, and declarations on one nomination);
 *  - uploads remember the uploader's unit (a dossier cites its own unit's files);
 *  - sign-in limits shared by every API process (rate-limiter-flexible's table);
 *  - Idempotency-Keys bound to caller, route and body.
 */
export class FairAndClosed1764110000000 implements MigrationInterface {
  name = 'FairAndClosed1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_account ADD COLUMN personal_id_hash text UNIQUE;
      ALTER TABLE nominee ADD COLUMN personal_id_hash text;
      CREATE UNIQUE INDEX nominee_personal_id_idx ON nominee (personal_id_hash) WHERE personal_id_hash IS NOT NULL;

      CREATE TABLE conflict_register (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id text NOT NULL REFERENCES org_unit(id),
        user_id text NOT NULL REFERENCES user_account(id),
        kind text NOT NULL CHECK (kind IN ('RELATIVE','NOMINATION')),
        relation text,
        relative_personal_id_hash text,
        nomination_id uuid,
        reason text NOT NULL,
        declared_by text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_by text,
        withdrawn_at timestamptz,
        CHECK ((kind = 'RELATIVE' AND relative_personal_id_hash IS NOT NULL AND relation IS NOT NULL) OR (kind = 'NOMINATION' AND nomination_id IS NOT NULL))
      );
      CREATE INDEX conflict_register_user_idx ON conflict_register (user_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX conflict_register_unit_idx ON conflict_register (unit_id);

      ALTER TABLE document_upload ADD COLUMN unit_id text;
      UPDATE document_upload d SET unit_id = u.unit_id FROM user_account u WHERE u.id = d.user_id;
      CREATE INDEX document_upload_unit_idx ON document_upload (unit_id, sha256);

      CREATE TABLE login_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );

      CREATE TABLE idempotency_key (
        caller text NOT NULL,
        key text NOT NULL,
        route text NOT NULL,
        body_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key; DROP TABLE login_limit;
      ALTER TABLE document_upload DROP COLUMN unit_id;
      DROP TABLE conflict_register;
      DROP INDEX nominee_personal_id_idx; ALTER TABLE nominee DROP COLUMN personal_id_hash;
      ALTER TABLE user_account DROP COLUMN personal_id_hash;
    `);
  }
}
