import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Councils (Hội đồng Thi đua – Khen thưởng), their membership over time, sessions, and the
 * projections of voting. Secrecy by construction: `council_voter` says who voted and when;
 * `council_ballot` holds choices keyed by a receipt hash, with no voter, no time and no sequence,
 * written in one shuffled batch when the session closes.
 */
export class Councils1764060000000 implements MigrationInterface {
  name = 'Councils1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council (
        id text PRIMARY KEY,
        unit_id text NOT NULL REFERENCES org_unit(id),
        level text NOT NULL CHECK (level IN ('UNIT','PROVINCE','CENTRAL')),
        name_vi text NOT NULL,
        name_en text NOT NULL
      );

      CREATE TABLE council_member (
        council_id text NOT NULL REFERENCES council(id),
        user_id text NOT NULL REFERENCES user_account(id),
        role text NOT NULL CHECK (role IN ('CHAIR','VICE_CHAIR','SECRETARY','MEMBER')),
        from_date date NOT NULL,
        to_date date,
        PRIMARY KEY (council_id, user_id, from_date)
      );

      CREATE TABLE council_conflict (
        council_id text NOT NULL REFERENCES council(id),
        user_id text NOT NULL,
        nomination_id uuid NOT NULL,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (council_id, user_id, nomination_id)
      );

      CREATE TABLE council_session (
        id uuid PRIMARY KEY,
        council_id text NOT NULL REFERENCES council(id),
        workflow_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','CLOSED')),
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        closed_at timestamptz,
        closed_reason text,
        members jsonb NOT NULL,
        items jsonb NOT NULL,
        conflicts jsonb NOT NULL,
        rules jsonb NOT NULL
      );
      CREATE INDEX council_session_council_idx ON council_session(council_id, status);

      CREATE TABLE council_voter (
        session_id uuid NOT NULL REFERENCES council_session(id),
        user_id text NOT NULL,
        voted_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, user_id)
      );

      CREATE TABLE council_ballot (
        session_id uuid NOT NULL REFERENCES council_session(id),
        receipt_hash text NOT NULL,
        choices jsonb NOT NULL,
        PRIMARY KEY (session_id, receipt_hash)
      );

      CREATE TABLE council_tally (
        session_id uuid NOT NULL REFERENCES council_session(id),
        nomination_id uuid NOT NULL,
        award_code text NOT NULL,
        result text NOT NULL CHECK (result IN ('PASSED','FAILED','NO_QUORUM')),
        record jsonb NOT NULL,
        PRIMARY KEY (session_id, nomination_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE council_tally; DROP TABLE council_ballot; DROP TABLE council_voter; DROP TABLE council_session;
      DROP TABLE council_conflict; DROP TABLE council_member; DROP TABLE council;
    `);
  }
}
