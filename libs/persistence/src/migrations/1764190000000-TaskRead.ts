import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which open tasks each person has opened: the inbox marks the others as new. One row per person,
 * nomination and task key, written when the person first opens the dossier while the task is theirs.
 */
export class TaskRead1764190000000 implements MigrationInterface {
  name = 'TaskRead1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_read (
        user_id text NOT NULL,
        nomination_id uuid NOT NULL,
        task_key text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, nomination_id, task_key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_read;`);
  }
}
