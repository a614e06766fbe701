import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { dashboardFigures } from '@vinhdanh/persistence/read-model/dashboard';
import { Operation } from '../contract/operation';
import type { Dashboard } from './responses';

/**
 * Figures for the people who run the campaign, over the nominations the caller may read: where
 * dossiers are, how long each level takes, what is overdue, and whether awards reach the seed plan's
 * priorities (823/KH-UBND §I.2.b: small collectives and people working directly in production,
 * work and combat) — the `frontLine` mark the clerk sets on the nominee.
 */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @ApiQuery({ name: 'year', required: false, schema: { type: 'integer', minimum: 1900, maximum: 2100, example: 2025 }, description: 'Năm khen thưởng; bỏ trống: mọi năm. *Award year; empty: every year.*' })
  @Operation({
    summary: { vi: 'Số liệu phong trào', en: 'The movement’s figures' },
    description: { vi: 'Theo trạng thái, hình thức, thời gian xử lý, việc quá hạn và các đối tượng ưu tiên, trong phạm vi người gọi.', en: 'By status, award, processing time, overdue tasks and the priority groups, within the caller’s scope.' },
    ok: { body: 'Dashboard' },
  })
  async get(@CurrentActor() actor: AuthenticatedActor, @Query('year') year?: string): Promise<Dashboard> {
    if (year !== undefined && year !== '' && !/^\d{4}$/.test(year)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${year}.`, `Invalid year: ${year}.`, 'year');
    const y = year ? Number(year) : null;
    return { year: y, ...(await dashboardFigures(this.ds.manager, actor, y)) };
  }
}
