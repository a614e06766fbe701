import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { postedNominations, publishedDecisions } from '@vinhdanh/persistence/read-model/public-record';
import { invalid } from '@vinhdanh/domain/common/errors';
import { Public } from '../auth/public.decorator';

const YEAR = /^\d{4}$/;

/**
 * What the law makes public, readable without signing in: the nominees under public posting (with
 * the period the workflow set and whether comments are open) and the decisions issued, revoked ones
 * marked. Only what a posted list or a signed decision shows — names, units, awards — never birth
 * years, dossiers or votes.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(private readonly ds: DataSource) {}

  @Get('disclosures')
  async disclosures() {
    const rows = await postedNominations(this.ds.manager);
    const now = Date.now();
    return {
      items: rows.map((r) => {
        const untilAt = typeof r.rule?.untilAt === 'string' ? r.rule.untilAt : `${r.posting.until}T23:59:59+07:00`;
        const open = r.status === 'PUBLIC_POSTING' && !r.posting.ended && now < Date.parse(untilAt);
        return {
          nominationId: r.id, nomineeName: r.nomineeName, nomineeKind: r.nomineeKind, awardCode: r.awardCode, awardNameVi: r.awardNameVi, awardNameEn: r.awardNameEn,
          year: r.year, unitNameVi: r.unitNameVi, unitNameEn: r.unitNameEn, level: r.posting.level, kind: r.posting.kind,
          period: { from: r.posting.from, to: r.posting.until, untilAt, days: r.rule?.days ?? null, unit: r.rule?.unit ?? null },
          open, comments: r.posting.comments, citation: r.rule?.citation ?? [],
        };
      }),
    };
  }

  /**
   * Decisions, newest first. `year` filters by the year of issue, `awardYear` by the year the awards
   * are for (a 2025 title is decided in 2026). Each names its issuer as it was when it signed.
   */
  @Get('decisions')
  @ApiQuery({ name: 'year', required: false, example: 2026 })
  @ApiQuery({ name: 'awardYear', required: false, example: 2025 })
  async decisions(@Query('year') year?: string, @Query('awardYear') awardYear?: string) {
    for (const [name, value] of [['year', year], ['awardYear', awardYear]] as const) {
      if (value !== undefined && !YEAR.test(value)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${value}.`, `Invalid year: ${value}.`, name);
    }
    const decisions = await publishedDecisions(this.ds.manager, { year: year === undefined ? null : Number(year), awardYear: awardYear === undefined ? null : Number(awardYear) });
    return { items: decisions };
  }
}
