import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ballot box (hòm phiếu) of BLIND_V2 sessions: a cast ballot waits here, with no time and no
 * sequence, until the session's workflow opens the box and counts what it holds in a shuffled
 * batch (docs/security.md, "Ballots no one can link"). `drained_by` names the opening that took
 * a ballot, so an opening retried after a crash takes the same ballots. The rows go at the tally.
 * `box_closed` on the session: set by the final opening, after which nothing more is dropped in.
 */
export class BallotBox1764280000000 implements MigrationInterface {
  name = 'BallotBox1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council_ballot_box (
        session_id uuid NOT NULL REFERENCES council_session (id),
        receipt_hash text NOT NULL,
        nomination_id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('A','D','N')),
        drained_by text,
        PRIMARY KEY (session_id, receipt_hash)
      );
      ALTER TABLE council_session ADD COLUMN box_closed boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE council_ballot_box; ALTER TABLE council_session DROP COLUMN box_closed;`);
  }
}
