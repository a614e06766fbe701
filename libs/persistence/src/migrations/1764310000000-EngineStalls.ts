import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps that could not succeed (docs/operations.md, "Stalled steps"): one row per stall, written by
 * the stalled workflow and closed by the operator who resumed it. Each is also on the audit chain,
 * on the workflow's history stream.
 */
export class EngineStalls1764310000000 implements MigrationInterface {
  name = 'EngineStalls1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE engine_stall (
        id bigserial PRIMARY KEY,
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        workflow_type text NOT NULL,
        step text NOT NULL,
        kind text NOT NULL,
        message text NOT NULL,
        sql_state text,
        stalled_at timestamptz NOT NULL,
        resumed_at timestamptz,
        resumed_by text,
        UNIQUE (run_id, step, stalled_at)
      );
      CREATE INDEX engine_stall_open_idx ON engine_stall (workflow_id) WHERE resumed_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE engine_stall;`);
  }
}
