import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a collective led its emulation cluster or block (cụm, khối thi đua) in a year, and who
 * organised it: what Cờ thi đua cấp tỉnh and Cờ thi đua của Chính phủ are chosen on. NULL is
 * "not recorded" (the engine cannot decide), NONE is "did not lead".
 */
export class ClusterLeadership1764140000000 implements MigrationInterface {
  name = 'ClusterLeadership1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nominee_collective_year ADD COLUMN cluster_led_by text CHECK (cluster_led_by IN ('NONE', 'PROVINCE', 'MINISTRY', 'CENTRAL'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nominee_collective_year DROP COLUMN cluster_led_by`);
  }
}
