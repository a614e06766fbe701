import type { EntityManager } from 'typeorm';
import { shiftPlaceholders, visibleNominationsSql, type Reader } from './visibility';

/** One cell of the statistical report: awards conferred, by award, recipient kind and submitting unit. */
export interface CommendationCount {
  awardCode: string;
  nomineeKind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  awarded: number;
  /** Of those, to the seed plan's priority groups: people working directly in production, work and combat, and small collectives. */
  priority: number;
}

/**
 * Awards conferred by decisions dated within a period (inclusive), over the nominations the reader
 * may see: the register's rows that came from Vinh Danh's own decisions. Awards recorded by hand
 * (earlier awards in a nominee's record) are history, not the period's commendation, and are left out.
 */
export async function commendationCounts(db: EntityManager, reader: Reader, period: { from: string; to: string }): Promise<CommendationCount[]> {
  const visible = visibleNominationsSql(reader);
  return db.query(
    `SELECT r.award_code AS "awardCode", r.nominee_kind AS "nomineeKind", n.unit_id AS "unitId", u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn",
            count(*)::int AS awarded, count(*) FILTER (WHERE (n.nominee->>'frontLine')::boolean IS TRUE)::int AS priority
       FROM award_register r JOIN nomination n ON n.id = r.nomination_id LEFT JOIN org_unit u ON u.id = n.unit_id
      WHERE r.source = 'REGISTER' AND r.decided_on BETWEEN $1::date AND $2::date AND (${shiftPlaceholders(visible.sql, 2)})
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3`,
    [period.from, period.to, ...visible.params],
  );
}
