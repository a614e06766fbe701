import type { EntityManager } from 'typeorm';
import type { Level } from '@vinhdanh/domain/common/levels';
import type { NominationStatus } from '@vinhdanh/domain/ladder';
import { shiftPlaceholders, visibleNominationsSql, type Reader } from './visibility';

/** The campaign's figures over the nominations a reader may see, for one year or all. */
export interface DashboardFigures {
  byStatus: { level: Level; status: NominationStatus; count: number }[];
  byAward: { awardCode: string; total: number; awarded: number; closed: number }[];
  processing: { level: Level; awardCode: string; count: number; avgDays: number; medianDays: number }[];
  overdue: { total: number; tasks: { id: string; kind: string; level: Level; dueAt: string; nominationId: string; nomineeName: string; awardCode: string }[] };
  priorities: { nomineeKind: string; awarded: number; priority: number }[];
  /** By submitting unit: how many it sent, how many were awarded or closed, how many are open, how many of its awards went to the priority groups. */
  byUnit: { unitId: string; unitNameVi: string | null; unitNameEn: string | null; total: number; awarded: number; closed: number; open: number; priorityAwarded: number }[];
}

export async function dashboardFigures(db: EntityManager, reader: Reader, year: number | null): Promise<DashboardFigures> {
  const visible = visibleNominationsSql(reader);
  const scope = `(${shiftPlaceholders(visible.sql, 1)}) AND ($1::int IS NULL OR n.year = $1::int)`;
  const params = [year, ...visible.params];
  const q = <T>(sql: string): Promise<T[]> => db.query(sql, params);

  const [byStatus, byAward, processing, overdue, priorities, byUnit] = await Promise.all([
    q<DashboardFigures['byStatus'][number]>(`SELECT n.current_level AS level, n.status, count(*)::int AS count FROM nomination n WHERE ${scope} GROUP BY 1, 2 ORDER BY 1, 2`),
    q<DashboardFigures['byAward'][number]>(`SELECT n.award_code AS "awardCode", count(*)::int AS total,
              count(*) FILTER (WHERE n.status = 'AWARDED')::int AS awarded,
              count(*) FILTER (WHERE n.status IN ('REJECTED','WITHDRAWN','EXPIRED'))::int AS closed
         FROM nomination n WHERE ${scope} GROUP BY 1 ORDER BY 2 DESC`),
    // Time at a level: from the first to the last event recorded there, for levels the dossier has left or finished.
    q<DashboardFigures['processing'][number]>(`WITH spans AS (
           SELECT n.id, n.award_code, e.level, min(e.occurred_at) AS began, max(e.occurred_at) AS ended
             FROM nomination n JOIN nomination_event e ON e.nomination_id = n.id
            WHERE ${scope} AND (n.status IN ('AWARDED','REJECTED','WITHDRAWN','EXPIRED') OR e.level <> n.current_level)
            GROUP BY 1, 2, 3)
       SELECT level, award_code AS "awardCode", count(*)::int AS count,
              round(avg(extract(epoch FROM ended - began)) / 86400, 2)::float AS "avgDays",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended - began)) / 86400)::numeric, 2)::float AS "medianDays"
         FROM spans GROUP BY 1, 2 ORDER BY 1, 2`),
    q<DashboardFigures['overdue']['tasks'][number] & { total: number }>(`SELECT t.id, t.kind, t.level, t.due_at AS "dueAt", n.id AS "nominationId", n.nominee_name AS "nomineeName", n.award_code AS "awardCode",
              count(*) OVER ()::int AS total
         FROM task t JOIN nomination n ON n.id = t.nomination_id
        WHERE ${scope} AND t.status = 'OPEN' AND t.due_at < now() ORDER BY t.due_at LIMIT 50`),
    q<DashboardFigures['priorities'][number]>(`SELECT n.nominee_kind AS "nomineeKind", count(*)::int AS awarded,
              count(*) FILTER (WHERE (n.nominee->>'frontLine')::boolean IS TRUE)::int AS priority
         FROM nomination n WHERE ${scope} AND n.status = 'AWARDED' GROUP BY 1 ORDER BY 1`),
    q<DashboardFigures['byUnit'][number]>(`SELECT n.unit_id AS "unitId", u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", count(*)::int AS total,
              count(*) FILTER (WHERE n.status = 'AWARDED')::int AS awarded,
              count(*) FILTER (WHERE n.status IN ('REJECTED','WITHDRAWN','EXPIRED'))::int AS closed,
              count(*) FILTER (WHERE n.status NOT IN ('AWARDED','REJECTED','WITHDRAWN','EXPIRED'))::int AS open,
              count(*) FILTER (WHERE n.status = 'AWARDED' AND (n.nominee->>'frontLine')::boolean IS TRUE)::int AS "priorityAwarded"
         FROM nomination n LEFT JOIN org_unit u ON u.id = n.unit_id WHERE ${scope} GROUP BY 1, 2, 3 ORDER BY 4 DESC, 2`),
  ]);
  // The window count is taken before LIMIT, so the total counts every overdue task, not just those listed.
  const tasks = overdue.map(({ total: _total, ...task }) => task);
  return { byStatus, byAward, processing, overdue: { total: overdue[0]?.total ?? 0, tasks }, priorities, byUnit };
}
