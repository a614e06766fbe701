import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log as a transparency log (docs/audit.md): the leaf hash of every entry in RFC 9162's
 * Merkle tree, the signed checkpoints of that tree, and witnesses' cosignatures of them. All
 * append-only: a checkpoint once published is never changed, only extended by the next.
 */
export class TransparencyLog1764270000000 implements MigrationInterface {
  name = 'TransparencyLog1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_leaf (
        global_seq bigint PRIMARY KEY,
        hash bytea NOT NULL
      );
      CREATE TABLE audit_checkpoint (
        tree_size bigint PRIMARY KEY,
        root_hash text NOT NULL,
        issued_at timestamptz NOT NULL,
        origin text NOT NULL,
        note text NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      );
      CREATE TABLE audit_cosignature (
        tree_size bigint NOT NULL REFERENCES audit_checkpoint (tree_size),
        witness text NOT NULL,
        signature text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tree_size, witness)
      );
      CREATE TRIGGER audit_leaf_no_update BEFORE UPDATE OR DELETE ON audit_leaf FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
      CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
      CREATE TRIGGER audit_cosignature_no_update BEFORE UPDATE OR DELETE ON audit_cosignature FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_cosignature; DROP TABLE audit_checkpoint; DROP TABLE audit_leaf;`);
  }
}
