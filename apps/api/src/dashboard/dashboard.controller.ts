import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { dashboardFigures } from '@vinhdanh/persistence/read-model/dashboard';

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
    const y = year ? Number(year) : null;
    return { year: y, ...(await dashboardFigures(this.ds.manager, actor, y)) };
  }
}
