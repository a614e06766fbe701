import { MigrationInterface, QueryRunner } from 'typeorm';

/** Phase reviews of a movement (sơ kết, tổng kết) and each unit's report, as their workflows project them. */
export class PhaseReviews1764230000000 implements MigrationInterface {
  name = 'PhaseReviews1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE phase_review (
        id uuid PRIMARY KEY,
        movement_id text NOT NULL,
        phase text NOT NULL CHECK (phase IN ('SO_KET', 'TONG_KET')),
        title_vi text NOT NULL,
        deadline date NOT NULL,
        grace_days int NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSING', 'AGGREGATED')),
        totals jsonb,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        aggregated_at timestamptz
      );
      CREATE TABLE phase_review_unit (
        review_id uuid NOT NULL REFERENCES phase_review (id),
        unit_id text NOT NULL REFERENCES org_unit (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'MISSING')),
        late boolean NOT NULL DEFAULT false,
        reminded boolean NOT NULL DEFAULT false,
        overdue boolean NOT NULL DEFAULT false,
        figures jsonb,
        summary text,
        documents jsonb,
        submitted_by text,
        submitted_at timestamptz,
        PRIMARY KEY (review_id, unit_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE phase_review_unit; DROP TABLE phase_review;`);
  }
}
