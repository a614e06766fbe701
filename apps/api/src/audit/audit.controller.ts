import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { invalid } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { calendarDate } from '../common/validation';
import { AuditService } from './audit.service';

/** Read-only endpoints for auditors (thanh tra, kiểm tra), within their scope. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  verify(@CurrentActor() actor: AuthenticatedActor) {
    this.audit.requireAuditor(actor);
    return this.audit.verifyChains(actor);
  }

  @Get('nominations/:id/timeline')
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'] })
  timeline(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Query('lang') lang?: string) {
    return this.audit.timeline(actor, id, lang === 'en' ? 'en' : 'vi');
  }

  @Get('nominations/:id/history')
  history(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.history(actor, id);
  }

  @Post('nominations/:id/replay')
  @HttpCode(200)
  replay(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.replay(actor, id);
  }

  /** Replays every nomination in scope (optionally submitted between from and to, YYYY-MM-DD). */
  @Post('replay')
  @HttpCode(200)
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  replayAll(@CurrentActor() actor: AuthenticatedActor, @Query('from') from?: string, @Query('to') to?: string) {
    return this.audit.replayAll(actor, calendarDate(from, 'from'), calendarDate(to, 'to'));
  }

  @Get('councils/sessions/:id/timeline')
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'] })
  councilTimeline(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Query('lang') lang?: string) {
    return this.audit.councilTimeline(actor, id, lang === 'en' ? 'en' : 'vi');
  }

  @Get('export')
  @ApiQuery({ name: 'from', required: true, example: '2025-01-01' })
  @ApiQuery({ name: 'to', required: true, example: '2025-12-31' })
  exportPeriod(@CurrentActor() actor: AuthenticatedActor, @Query('from') from?: string, @Query('to') to?: string) {
    const f = calendarDate(from, 'from');
    const t = calendarDate(to, 'to');
    if (!f || !t) throw invalid('PERIOD_REQUIRED', 'Cần khoảng thời gian from, to (YYYY-MM-DD).', 'A period is required: from and to (YYYY-MM-DD).', 'from');
    return this.audit.exportPeriod(actor, f, t);
  }

  @Get('nominations/:id/export')
  export(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.export(actor, id);
  }
}
