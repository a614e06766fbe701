import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation, accounts, nomination read models, decisions, award register, outbox. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id text PRIMARY KEY,
        parent_id text REFERENCES org_unit(id),
        kind text NOT NULL,
        level text NOT NULL CHECK (level IN ('UNIT','PROVINCE','CENTRAL')),
        name_vi text NOT NULL,
        name_en text NOT NULL,
        issuer_code text NOT NULL
      );
      CREATE INDEX org_unit_parent_idx ON org_unit(parent_id);

      CREATE TABLE user_account (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        email text,
        unit_id text NOT NULL REFERENCES org_unit(id),
        roles text[] NOT NULL,
        scope_unit_id text REFERENCES org_unit(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX user_account_unit_idx ON user_account(unit_id);

      CREATE TABLE nomination (
        id uuid PRIMARY KEY,
        dossier_key text NOT NULL UNIQUE,
        workflow_id text NOT NULL,
        unit_id text NOT NULL REFERENCES org_unit(id),
        nominee_kind text NOT NULL,
        nominee_name text NOT NULL,
        nominee jsonb NOT NULL,
        award_code text NOT NULL,
        year int NOT NULL,
        dossier jsonb NOT NULL,
        movement_id text,
        status text NOT NULL,
        current_level text NOT NULL,
        current_step text NOT NULL,
        outcome_reason text,
        eligibility jsonb,
        decision_id text,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_seq int NOT NULL
      );
      CREATE INDEX nomination_unit_idx ON nomination(unit_id);
      CREATE INDEX nomination_award_idx ON nomination(award_code);
      CREATE INDEX nomination_year_idx ON nomination(year);
      CREATE INDEX nomination_status_idx ON nomination(status);
      CREATE INDEX nomination_level_idx ON nomination(current_level);

      CREATE TABLE nomination_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        nomination_id uuid NOT NULL,
        seq int NOT NULL,
        type text NOT NULL,
        level text NOT NULL,
        actor_id text,
        actor_role text,
        reason text,
        rule text,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        projected_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (nomination_id, seq)
      );

      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nomination_id uuid NOT NULL,
        task_key text NOT NULL,
        kind text NOT NULL,
        level text NOT NULL,
        unit_id text NOT NULL,
        role text NOT NULL,
        status text NOT NULL,
        due_at timestamptz,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        UNIQUE (nomination_id, task_key)
      );
      CREATE INDEX task_inbox_idx ON task(unit_id, role, status);

      CREATE TABLE decision (
        id uuid PRIMARY KEY,
        batch_key text NOT NULL UNIQUE,
        number text NOT NULL,
        issuer_unit_id text NOT NULL REFERENCES org_unit(id),
        year int NOT NULL,
        seq int NOT NULL,
        issued_on date NOT NULL,
        signer_id text NOT NULL,
        signer_name text NOT NULL,
        award_code text NOT NULL,
        title_vi text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (issuer_unit_id, year, seq)
      );

      CREATE TABLE decision_counter (
        issuer_unit_id text NOT NULL,
        year int NOT NULL,
        last_seq int NOT NULL,
        PRIMARY KEY (issuer_unit_id, year)
      );

      CREATE TABLE award_register (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nominee_key text NOT NULL,
        nominee_name text NOT NULL,
        nominee_kind text NOT NULL,
        award_code text NOT NULL,
        year int NOT NULL,
        decision_number text NOT NULL,
        decided_on date NOT NULL,
        decision_id uuid REFERENCES decision(id),
        nomination_id uuid,
        source text NOT NULL CHECK (source IN ('REGISTER','MANUAL')),
        unit_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX award_register_nominee_idx ON award_register(nominee_key);
      CREATE UNIQUE INDEX award_register_nomination_idx ON award_register(nomination_id) WHERE nomination_id IS NOT NULL;

      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        nomination_id uuid,
        recipient_user_id text NOT NULL,
        email text,
        kind text NOT NULL,
        subject_vi text NOT NULL,
        subject_en text NOT NULL,
        body_vi text NOT NULL,
        body_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        emailed_at timestamptz,
        read_at timestamptz,
        attempts int NOT NULL DEFAULT 0
      );
      CREATE INDEX notification_recipient_idx ON notification(recipient_user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification; DROP TABLE award_register; DROP TABLE decision_counter; DROP TABLE decision;
      DROP TABLE task; DROP TABLE nomination_event; DROP TABLE nomination; DROP TABLE user_account; DROP TABLE org_unit;
    `);
  }
}
