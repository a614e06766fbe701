import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emulation clusters and blocks (cụm, khối thi đua): their members, criteria and quotas, and each
 * year's round as its workflow projects it: who led, the sheets the members' heads sent, the ranking.
 */
export class EmulationClusters1764220000000 implements MigrationInterface {
  name = 'EmulationClusters1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE emulation_cluster (
        id text PRIMARY KEY,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CUM', 'KHOI')),
        members text[] NOT NULL,
        first_year int NOT NULL,
        criteria jsonb NOT NULL,
        quotas jsonb NOT NULL,
        pledge_vi text NOT NULL DEFAULT ''
      );
      CREATE TABLE cluster_round (
        id uuid PRIMARY KEY,
        cluster_id text NOT NULL REFERENCES emulation_cluster (id),
        year int NOT NULL,
        status text NOT NULL CHECK (status IN ('SCORING', 'CLOSED')),
        leader_unit_id text NOT NULL,
        deputy_unit_id text NOT NULL,
        ranking jsonb,
        pledge_signed_by text[] NOT NULL DEFAULT '{}',
        last_seq int NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (cluster_id, year)
      );
      CREATE TABLE cluster_score_sheet (
        round_id uuid NOT NULL REFERENCES cluster_round (id),
        unit_id text NOT NULL,
        scores jsonb NOT NULL,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, unit_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_score_sheet; DROP TABLE cluster_round; DROP TABLE emulation_cluster;`);
  }
}
