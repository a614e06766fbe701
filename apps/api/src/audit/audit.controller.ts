import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
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
    return this.audit.verifyChains();
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

  @Get('nominations/:id/export')
  export(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.export(actor, id);
  }
}
