import { MigrationInterface, QueryRunner } from 'typeorm';

/** Exemplary models (điển hình tiên tiến) as their workflows project them: the stage reached, its notes, the awards. */
export class ExemplaryModels1764240000000 implements MigrationInterface {
  name = 'ExemplaryModels1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exemplary_model (
        id uuid PRIMARY KEY,
        unit_id text NOT NULL REFERENCES org_unit (id),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'COLLECTIVE')),
        subject_name text NOT NULL,
        title_vi text NOT NULL,
        description_vi text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('PHAT_HIEN', 'BOI_DUONG', 'TONG_KET', 'NHAN_RONG')),
        stages jsonb NOT NULL,
        published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        awards jsonb NOT NULL DEFAULT '[]',
        last_seq int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX exemplary_model_public_idx ON exemplary_model (published_at DESC) WHERE published;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exemplary_model;`);
  }
}
