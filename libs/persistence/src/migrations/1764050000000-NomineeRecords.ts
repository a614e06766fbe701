import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nominee's record, the facts eligibility is judged on: yearly ratings, recognised initiatives,
 * discipline periods and, for collectives, yearly member figures. Awards live in award_register
 * (issued here, or entered by hand with their decision numbers for history before the system).
 */
export class NomineeRecords1764050000000 implements MigrationInterface {
  name = 'NomineeRecords1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nominee (
        id uuid PRIMARY KEY,
        nominee_key text NOT NULL UNIQUE,
        unit_id text NOT NULL REFERENCES org_unit(id),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL','COLLECTIVE','HOUSEHOLD')),
        name text NOT NULL,
        birth_year int,
        user_id text,
        recruited_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX nominee_unit_idx ON nominee(unit_id);

      CREATE TABLE nominee_rating (
        nominee_key text NOT NULL REFERENCES nominee(nominee_key),
        year int NOT NULL,
        rating text NOT NULL CHECK (rating IN ('HTXSNV','HTTNV','HTNV','KHTNV')),
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nominee_key, year)
      );

      CREATE TABLE nominee_initiative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nominee_key text NOT NULL REFERENCES nominee(nominee_key),
        year int NOT NULL,
        level text NOT NULL CHECK (level IN ('GRASSROOTS','PROVINCE','NATIONAL')),
        kind text NOT NULL CHECK (kind IN ('INITIATIVE','SCIENCE_TECH','COMBAT_INGENUITY')),
        title text NOT NULL,
        recognized_by text,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX nominee_initiative_key_idx ON nominee_initiative(nominee_key);

      CREATE TABLE nominee_discipline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nominee_key text NOT NULL REFERENCES nominee(nominee_key),
        from_date date NOT NULL,
        to_date date,
        level text NOT NULL CHECK (level IN ('KHIEN_TRACH','CANH_CAO','HIGHER')),
        under_review boolean NOT NULL DEFAULT false,
        note text,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_date IS NULL OR to_date >= from_date)
      );
      CREATE INDEX nominee_discipline_key_idx ON nominee_discipline(nominee_key);

      CREATE TABLE nominee_collective_year (
        nominee_key text NOT NULL REFERENCES nominee(nominee_key),
        year int NOT NULL,
        members int NOT NULL CHECK (members > 0),
        members_completing_tasks int,
        ldtt_count int,
        cstdcs_count int,
        members_disciplined_warning_or_above int,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nominee_key, year)
      );

      ALTER TABLE award_register ADD COLUMN basis text NOT NULL DEFAULT 'REGULAR' CHECK (basis IN ('REGULAR','SUDDEN','THEMATIC'));
      ALTER TABLE award_register ADD COLUMN achievement_ref text;
      ALTER TABLE award_register ADD COLUMN entered_by text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE award_register DROP COLUMN entered_by, DROP COLUMN achievement_ref, DROP COLUMN basis;
      DROP TABLE nominee_collective_year; DROP TABLE nominee_discipline; DROP TABLE nominee_initiative;
      DROP TABLE nominee_rating; DROP TABLE nominee;
    `);
  }
}
