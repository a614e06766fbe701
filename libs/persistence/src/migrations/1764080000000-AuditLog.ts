import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit log with two hash chains (per stream and global). A trigger refuses UPDATE,
 * DELETE and TRUNCATE for every role, owners included; only a superuser who disables the trigger
 * can alter rows, and the verifier then finds the first broken link.
 */
export class AuditLog1764080000000 implements MigrationInterface {
  name = 'AuditLog1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        global_seq bigint PRIMARY KEY,
        stream text NOT NULL,
        stream_seq int NOT NULL,
        event_type text NOT NULL,
        actor_id text,
        actor_role text,
        rule text,
        occurred_at text NOT NULL,
        payload jsonb NOT NULL,
        prev_stream_hash text NOT NULL,
        stream_hash text NOT NULL,
        prev_global_hash text NOT NULL,
        global_hash text NOT NULL,
        UNIQUE (stream, stream_seq)
      );
      CREATE TABLE audit_head (
        id int PRIMARY KEY CHECK (id = 1),
        global_seq bigint NOT NULL,
        global_hash text NOT NULL
      );
      INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log; DROP TABLE audit_head; DROP FUNCTION audit_log_is_append_only();`);
  }
}
