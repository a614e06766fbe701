import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine-boundary trust work (docs/security.md):
 *  - workflows whose histories predate the payload codec (plaintext), adopted once at upgrade;
 *  - a nomination sits on at most one open council session (primary key, so a concurrent second
 *    opening fails on the constraint), and has at most one decisive tally per council;
 *  - blind-signed ballots: a signing key per session and nomination (its private half sealed),
 *    who took a ballot (turnout), the ballots without voters, and the receipts apart from them.
 */
export class TrustBoundary1764100000000 implements MigrationInterface {
  name = 'TrustBoundary1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE codec_legacy_workflow (
        binding text PRIMARY KEY,
        adopted_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE council_open_item (
        nomination_id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES council_session(id)
      );
      INSERT INTO council_open_item (nomination_id, session_id)
        SELECT DISTINCT ON ((i->>'nominationId')::uuid) (i->>'nominationId')::uuid, s.id
          FROM council_session s, jsonb_array_elements(s.items) i WHERE s.status = 'OPEN'
         ORDER BY (i->>'nominationId')::uuid, s.opened_at;

      ALTER TABLE council_tally ADD COLUMN council_id text;
      UPDATE council_tally t SET council_id = s.council_id FROM council_session s WHERE s.id = t.session_id;
      ALTER TABLE council_tally ALTER COLUMN council_id SET NOT NULL;
      ALTER TABLE council_tally DROP CONSTRAINT council_tally_result_check;
      ALTER TABLE council_tally ADD CONSTRAINT council_tally_result_check CHECK (result IN ('PASSED','FAILED','NO_QUORUM','VOID'));
      -- Before this change one nomination could sit on two sessions: keep the earliest decisive
      -- tally (the one the nomination acted on) and void the later ones, then forbid a repeat.
      UPDATE council_tally t SET result = 'VOID'
        FROM council_session s
       WHERE s.id = t.session_id AND t.result IN ('PASSED','FAILED')
         AND EXISTS (SELECT 1 FROM council_tally t2 JOIN council_session s2 ON s2.id = t2.session_id
                      WHERE t2.nomination_id = t.nomination_id AND t2.council_id = t.council_id
                        AND t2.result IN ('PASSED','FAILED') AND s2.opened_at < s.opened_at);
      CREATE UNIQUE INDEX council_tally_decisive_idx ON council_tally (nomination_id, council_id) WHERE result IN ('PASSED','FAILED');

      ALTER TABLE council_session ADD COLUMN scheme text NOT NULL DEFAULT 'SEALED_V1' CHECK (scheme IN ('SEALED_V1','BLIND_V2'));

      CREATE TABLE council_ballot_key (
        session_id uuid NOT NULL REFERENCES council_session(id),
        nomination_id uuid NOT NULL,
        spki text NOT NULL,
        sealed_private_key text NOT NULL,
        PRIMARY KEY (session_id, nomination_id)
      );

      CREATE TABLE council_ballot_holder (
        session_id uuid NOT NULL REFERENCES council_session(id),
        nomination_id uuid NOT NULL,
        user_id text NOT NULL,
        PRIMARY KEY (session_id, nomination_id, user_id)
      );

      -- No key, no voter, no time, no sequence: rows are written once, shuffled, at the tally.
      CREATE TABLE council_item_ballot (
        session_id uuid NOT NULL REFERENCES council_session(id),
        nomination_id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('AGREE','DISAGREE','ABSTAIN'))
      );
      CREATE INDEX council_item_ballot_session_idx ON council_item_ballot (session_id);

      CREATE TABLE council_receipt (
        session_id uuid NOT NULL REFERENCES council_session(id),
        nomination_id uuid NOT NULL,
        receipt_hash text NOT NULL,
        PRIMARY KEY (session_id, receipt_hash)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE council_receipt; DROP TABLE council_item_ballot; DROP TABLE council_ballot_holder; DROP TABLE council_ballot_key;
      ALTER TABLE council_session DROP COLUMN scheme;
      DROP INDEX council_tally_decisive_idx;
      ALTER TABLE council_tally DROP CONSTRAINT council_tally_result_check;
      ALTER TABLE council_tally ADD CONSTRAINT council_tally_result_check CHECK (result IN ('PASSED','FAILED','NO_QUORUM'));
      ALTER TABLE council_tally DROP COLUMN council_id;
      DROP TABLE council_open_item; DROP TABLE codec_legacy_workflow;
    `);
  }
}
