import type { EntityManager } from 'typeorm';
import type { Level } from '@vinhdanh/domain/common/levels';

/** When each nomination was forwarded upward from `level` (its last forwarding from there), as Vietnam's calendar day. */
export async function forwardedFrom(db: EntityManager, ids: string[], level: Level): Promise<Map<string, { forwardedOn: string; to: Level }>> {
  const rows: { nomination_id: string; forwarded_on: string; to: Level }[] = await db.query(
    `SELECT DISTINCT ON (nomination_id) nomination_id, (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS forwarded_on, data->>'to' AS to
       FROM nomination_event
      WHERE nomination_id = ANY($1::uuid[]) AND type = 'ProposalForwarded' AND data->>'from' = $2
      ORDER BY nomination_id, seq DESC`,
    [ids, level],
  );
  return new Map(rows.map((r) => [r.nomination_id, { forwardedOn: r.forwarded_on, to: r.to }]));
}

export interface DocumentUnit {
  id: string;
  nameVi: string;
  issuerCode: string;
  level: Level;
  parentNameVi: string | null;
}

/** Units as documents name them: name, number symbol, level and parent (for the place line). */
export async function documentUnits(db: EntityManager, ids: string[]): Promise<Map<string, DocumentUnit>> {
  const rows: DocumentUnit[] = await db.query(
    `SELECT u.id, u.name_vi AS "nameVi", u.issuer_code AS "issuerCode", u.level, p.name_vi AS "parentNameVi"
       FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
