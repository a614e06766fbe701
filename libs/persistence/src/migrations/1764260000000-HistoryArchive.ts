import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The long-term record of every closed workflow (docs/audit.md, the archive): its complete history
 * as Temporal encoded it (payloads still ciphertext), kept after Temporal's retention deletes it.
 * Partitioned by the year the workflow closed, so a year's record can be moved to cheaper storage,
 * backed up or detached on its own. Append-only like the audit log: the hash of each history is
 * also in the audit chain, so a changed row is found even by someone who disables the trigger.
 */
export class HistoryArchive1764260000000 implements MigrationInterface {
  name = 'HistoryArchive1764260000000';

  async up(q: QueryRunner): Promise<void> {
    const years = Array.from({ length: 2040 - 2020 + 1 }, (_, i) => 2020 + i);
    await q.query(`
      CREATE TABLE workflow_archive (
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        workflow_type text NOT NULL,
        status text NOT NULL,
        started_at timestamptz,
        closed_at timestamptz NOT NULL,
        event_count integer NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        -- 'pg': the bytes are in history; otherwise the object store's key (ARCHIVE_STORE).
        store text NOT NULL DEFAULT 'pg',
        history bytea,
        archived_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, closed_at)
      ) PARTITION BY RANGE (closed_at);
      ${years.map((y) => `CREATE TABLE workflow_archive_${y} PARTITION OF workflow_archive FOR VALUES FROM ('${y}-01-01T00:00:00Z') TO ('${y + 1}-01-01T00:00:00Z');`).join('\n')}
      CREATE TABLE workflow_archive_other PARTITION OF workflow_archive DEFAULT;
      CREATE INDEX workflow_archive_workflow_idx ON workflow_archive (workflow_id, closed_at);
      CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
      CREATE TRIGGER workflow_archive_no_update BEFORE UPDATE OR DELETE ON workflow_archive FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
      CREATE TRIGGER workflow_archive_no_truncate BEFORE TRUNCATE ON workflow_archive FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
      -- Runs the engine closed behind the product's back, or that the product never started (docs/audit.md).
      CREATE TABLE engine_interruption (
        run_id text PRIMARY KEY,
        workflow_id text NOT NULL,
        workflow_type text NOT NULL,
        finding text NOT NULL,
        status text NOT NULL,
        detail text,
        closed_at timestamptz NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX engine_interruption_workflow_idx ON engine_interruption (workflow_id);
      -- How far the archiver has looked: closed executions before this instant (less a margin) are archived.
      CREATE TABLE archive_progress (
        task_queue text PRIMARY KEY,
        closed_before timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE archive_progress; DROP TABLE engine_interruption; DROP TABLE workflow_archive; DROP FUNCTION refuse_change_of_record();`);
  }
}
