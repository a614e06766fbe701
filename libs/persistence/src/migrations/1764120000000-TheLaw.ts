import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The law, exactly (docs/law.md):
 *  - units have validity and successors (the 2025 reorganisation);
 *  - decisions and the register keep the authority that issued them, by name as it was then;
 *  - the register carries each recipient's bonus and, when revoked, the revoking decision;
 *  - the Government's proposals to the President (tờ trình) are numbered like decisions;
 *  - public comments during posting, projected from the workflow's events;
 *  - revocation cases (thu hồi), opened by inspectors and decided by the deciding authority.
 */
export class TheLaw1764120000000 implements MigrationInterface {
  name = 'TheLaw1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE org_unit ADD COLUMN valid_from date, ADD COLUMN valid_to date,
        ADD COLUMN successor_id text REFERENCES org_unit(id), ADD COLUMN ceased_reason text;

      ALTER TABLE decision ADD COLUMN issuer_name_vi text, ADD COLUMN issuer_name_en text,
        ADD COLUMN kind text NOT NULL DEFAULT 'AWARD' CHECK (kind IN ('AWARD','REVOCATION')),
        ADD COLUMN award_year int, ADD COLUMN title_en text;
      UPDATE decision d SET issuer_name_vi = u.name_vi, issuer_name_en = u.name_en FROM org_unit u WHERE u.id = d.issuer_unit_id;
      UPDATE decision d SET award_year = n.year FROM award_register r JOIN nomination n ON n.id = r.nomination_id WHERE r.decision_id = d.id;
      CREATE INDEX decision_award_year_idx ON decision (award_year);

      ALTER TABLE award_register ADD COLUMN issuer_unit_id text, ADD COLUMN issuer_name_vi text,
        ADD COLUMN bonus jsonb, ADD COLUMN posthumous boolean NOT NULL DEFAULT false,
        ADD COLUMN revoked_at timestamptz, ADD COLUMN revocation_case_id uuid, ADD COLUMN revocation_decision_id uuid;
      UPDATE award_register r SET issuer_unit_id = d.issuer_unit_id, issuer_name_vi = d.issuer_name_vi FROM decision d WHERE d.id = r.decision_id;

      ALTER TABLE nomination ADD COLUMN posting jsonb;

      CREATE TABLE submission_counter (
        issuer_unit_id text NOT NULL,
        year int NOT NULL,
        last_seq int NOT NULL,
        PRIMARY KEY (issuer_unit_id, year)
      );
      CREATE TABLE proposal_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nomination_id uuid NOT NULL UNIQUE,
        number text NOT NULL,
        issuer_unit_id text NOT NULL,
        issuer_name_vi text NOT NULL,
        year int NOT NULL,
        seq int NOT NULL,
        submitted_on date NOT NULL,
        signer_id text NOT NULL,
        signer_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (issuer_unit_id, year, seq)
      );

      CREATE TABLE public_comment (
        nomination_id uuid NOT NULL,
        comment_id text NOT NULL,
        level text NOT NULL,
        text text NOT NULL,
        author_name text,
        received_at timestamptz NOT NULL,
        answer text,
        answered_by text,
        answered_at timestamptz,
        PRIMARY KEY (nomination_id, comment_id)
      );

      CREATE TABLE comment_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );

      CREATE TABLE revocation_case (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        register_id uuid NOT NULL REFERENCES award_register(id),
        nomination_id uuid,
        decision_id uuid NOT NULL,
        deciding_unit_id text NOT NULL,
        ground text NOT NULL,
        statement text NOT NULL,
        evidence jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','REVOKED','DISMISSED')),
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        reason text,
        revocation_decision_id uuid
      );
      CREATE UNIQUE INDEX revocation_case_open_idx ON revocation_case (register_id) WHERE status = 'OPEN';
      CREATE INDEX revocation_case_unit_idx ON revocation_case (deciding_unit_id, status);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE revocation_case; DROP TABLE comment_limit; DROP TABLE public_comment; DROP TABLE proposal_submission; DROP TABLE submission_counter;
      ALTER TABLE nomination DROP COLUMN posting;
      ALTER TABLE award_register DROP COLUMN issuer_unit_id, DROP COLUMN issuer_name_vi, DROP COLUMN bonus, DROP COLUMN posthumous, DROP COLUMN revoked_at, DROP COLUMN revocation_case_id, DROP COLUMN revocation_decision_id;
      DROP INDEX decision_award_year_idx;
      ALTER TABLE decision DROP COLUMN issuer_name_vi, DROP COLUMN issuer_name_en, DROP COLUMN kind, DROP COLUMN award_year, DROP COLUMN title_en;
      ALTER TABLE org_unit DROP COLUMN valid_from, DROP COLUMN valid_to, DROP COLUMN successor_id, DROP COLUMN ceased_reason;
    `);
  }
}
