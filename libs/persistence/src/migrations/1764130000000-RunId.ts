import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run a nomination's record belongs to. Anyone who reaches the Temporal frontend may start a
 * new run under a finished nomination's workflow id; the audit reads the run recorded here, never
 * simply the latest. Rows from before stay NULL and are resolved to the id's first run.
 */
export class RunId1764130000000 implements MigrationInterface {
  name = 'RunId1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nomination ADD COLUMN run_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nomination DROP COLUMN run_id`);
  }
}
