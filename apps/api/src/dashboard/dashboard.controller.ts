import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { shiftPlaceholders, visibleNominationsSql } from '@vinhdanh/persistence/read-model/visibility';

/**
 * Figures for the people who run the campaign, over the nominations the caller may read: where
 * dossiers are, how long each level takes, what is overdue, and whether awards reach the seed plan's
 * priorities (823/KH-UBND §I.2.b: small collectives and people working directly in production,
 * work and combat) — the `frontLine` mark the clerk sets on the nominee.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @ApiQuery({ name: 'year', required: false, example: 2025 })
  async get(@CurrentActor() actor: AuthenticatedActor, @Query('year') year?: string) {
    if (year !== undefined && year !== '' && !/^\d{4}$/.test(year)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${year}.`, `Invalid year: ${year}.`, 'year');
    const visible = visibleNominationsSql(actor);
    const scope = `(${shiftPlaceholders(visible.sql, 1)}) AND ($1::int IS NULL OR n.year = $1::int)`;
    const params = [year ? Number(year) : null, ...visible.params];
    const q = (sql: string) => this.ds.query(sql, params);

    const [byStatus, byAward, processing, overdue, priorities] = await Promise.all([
      q(`SELECT n.current_level AS level, n.status, count(*)::int AS count FROM nomination n WHERE ${scope} GROUP BY 1, 2 ORDER BY 1, 2`),
      q(`SELECT n.award_code AS "awardCode", count(*)::int AS total,
                count(*) FILTER (WHERE n.status = 'AWARDED')::int AS awarded,
                count(*) FILTER (WHERE n.status IN ('REJECTED','WITHDRAWN','EXPIRED'))::int AS closed
           FROM nomination n WHERE ${scope} GROUP BY 1 ORDER BY 2 DESC`),
      // Time at a level: from the first to the last event recorded there, for levels the dossier has left or finished.
      q(`WITH spans AS (
             SELECT n.id, n.award_code, e.level, min(e.occurred_at) AS began, max(e.occurred_at) AS ended
               FROM nomination n JOIN nomination_event e ON e.nomination_id = n.id
              WHERE ${scope} AND (n.status IN ('AWARDED','REJECTED','WITHDRAWN','EXPIRED') OR e.level <> n.current_level)
              GROUP BY 1, 2, 3)
         SELECT level, award_code AS "awardCode", count(*)::int AS count,
                round(avg(extract(epoch FROM ended - began)) / 86400, 2)::float AS "avgDays",
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended - began)) / 86400)::numeric, 2)::float AS "medianDays"
           FROM spans GROUP BY 1, 2 ORDER BY 1, 2`),
      q(`SELECT t.id, t.kind, t.level, t.due_at AS "dueAt", n.id AS "nominationId", n.nominee_name AS "nomineeName", n.award_code AS "awardCode",
                count(*) OVER ()::int AS total
           FROM task t JOIN nomination n ON n.id = t.nomination_id
          WHERE ${scope} AND t.status = 'OPEN' AND t.due_at < now() ORDER BY t.due_at LIMIT 50`),
      q(`SELECT n.nominee_kind AS "nomineeKind", count(*)::int AS awarded,
                count(*) FILTER (WHERE (n.nominee->>'frontLine')::boolean IS TRUE)::int AS priority
           FROM nomination n WHERE ${scope} AND n.status = 'AWARDED' GROUP BY 1 ORDER BY 1`),
    ]);
    // The window count is taken before LIMIT, so the total counts every overdue task, not just those listed.
    const tasks = overdue.map(({ total: _total, ...task }: { total: number }) => task);
    return { year: year ? Number(year) : null, byStatus, byAward, processing, overdue: { total: overdue[0]?.total ?? 0, tasks }, priorities };
  }
}
