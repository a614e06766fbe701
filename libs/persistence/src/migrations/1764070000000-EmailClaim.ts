import { MigrationInterface, QueryRunner } from 'typeorm';

/** A lease on sending a notification's e-mail, so two deliveries never send the same row at once. */
export class EmailClaim1764070000000 implements MigrationInterface {
  name = 'EmailClaim1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN email_claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN email_claimed_at`);
  }
}
