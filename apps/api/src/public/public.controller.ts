import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { postedNominations, publishedDecisions } from '@vinhdanh/persistence/read-model/public-record';
import { invalid } from '@vinhdanh/domain/common/errors';
import { Public } from '../common/actor';
import { Operation } from '../contract/operation';
import type { Disclosures, PublicDecisions } from './responses';

const YEAR = /^\d{4}$/;

/**
 * What the law makes public, readable without signing in: the nominees under public posting (with
 * the period the workflow set and whether comments are open) and the decisions issued, revoked ones
 * marked. Only what a posted list or a signed decision shows — names, units, awards — never birth
 * years, dossiers or votes.
 */
@ApiTags('public')
@Controller('public')
export class PublicController {
  constructor(private readonly ds: DataSource) {}

  @Get('disclosures')
  @Operation({
    summary: { vi: 'Danh sách công khai lấy ý kiến', en: 'Nominees under public posting' },
    description: { vi: 'Người, tập thể đang (hoặc đã) được công khai, thời hạn và việc nhận ý kiến; không đăng nhập.', en: 'Nominees under (or past) public posting, the period and whether comments are open; no sign-in.' },
    ok: { body: 'Disclosures' },
    public: true,
  })
  async disclosures(): Promise<Disclosures> {
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
  @ApiQuery({ name: 'year', required: false, schema: { type: 'integer', example: 2026 }, description: 'Năm ban hành. *Year of issue.*' })
  @ApiQuery({ name: 'awardYear', required: false, schema: { type: 'integer', example: 2025 }, description: 'Năm của thành tích. *Year the awards are for.*' })
  @Operation({
    summary: { vi: 'Các quyết định khen thưởng đã ban hành', en: 'Decisions issued' },
    description: { vi: 'Mới nhất trước, tối đa 200; quyết định bị hủy bỏ được đánh dấu. Không đăng nhập.', en: 'Newest first, 200 at most; revoked ones marked. No sign-in.' },
    ok: { body: 'PublicDecisions' },
    public: true,
  })
  async decisions(@Query('year') year?: string, @Query('awardYear') awardYear?: string): Promise<PublicDecisions> {
    for (const [name, value] of [['year', year], ['awardYear', awardYear]] as const) {
      if (value !== undefined && !YEAR.test(value)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${value}.`, `Invalid year: ${value}.`, name);
    }
    const decisions = await publishedDecisions(this.ds.manager, { year: year === undefined ? null : Number(year), awardYear: awardYear === undefined ? null : Number(awardYear) });
    return { items: decisions };
  }
}
