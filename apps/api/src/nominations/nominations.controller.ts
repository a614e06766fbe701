import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { dossierDocument } from '@vinhdanh/persistence/read-model/documents';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { DOCUMENT_NOT_FOUND, sendFile } from '../documents/documents.controller';
import { DecideDto, ListQueryDto, ResubmitDto, ReviewDto, SubmitNominationDto, WithdrawDto } from './dto';
import { NominationsQuery } from './nominations.query';
import { NominationsService } from './nominations.service';


const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeating a request with the same key has one effect (network retries).' };

@ApiTags('nominations')
@ApiBearerAuth()
@Controller()
export class NominationsController {
  constructor(private readonly service: NominationsService, private readonly query: NominationsQuery, private readonly ds: DataSource) {}

  /** 201 for a new nomination; 200 with `duplicate: true` when the same dossier was already submitted. */
  @Post('nominations')
  async submit(@CurrentActor() actor: AuthenticatedActor, @Body() dto: SubmitNominationDto, @Res({ passthrough: true }) res: Response) {
    const result = await this.service.submit(actor, dto);
    res.status(result.duplicate ? 200 : 201).location(`/nominations/${result.id}`);
    return result;
  }

  @Get('nominations')
  list(@CurrentActor() actor: AuthenticatedActor, @Query() q: ListQueryDto) {
    return this.query.list(actor, q);
  }

  @Get('nominations/:id')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.get(actor, id);
  }

  /** A file of this dossier (or of a supplement to it), to whoever may read the nomination. */
  @Get('nominations/:id/documents/:sha256')
  async document(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Param('sha256') sha256: string, @Res({ passthrough: true }) res: Response) {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw invalid('BAD_SHA256', 'Mã SHA-256 không hợp lệ.', 'Invalid SHA-256.', 'sha256');
    await this.query.requireVisible(actor, id);
    const doc = await dossierDocument(this.ds.manager, id, sha256);
    if (!doc) throw DOCUMENT_NOT_FOUND();
    return sendFile(res, doc.content, doc.mimeType, doc.name);
  }

  @Post('nominations/:id/review')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY)
  review(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewDto, @Headers('idempotency-key') key?: string) {
    return this.service.review(actor, id, dto, key);
  }

  @Post('nominations/:id/resubmit')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY)
  resubmit(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResubmitDto, @Headers('idempotency-key') key?: string) {
    return this.service.resubmit(actor, id, dto, key);
  }

  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY)
  withdraw(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawDto, @Headers('idempotency-key') key?: string) {
    return this.service.withdraw(actor, id, dto, key);
  }

  @Post('nominations/:id/decide')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY)
  decide(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideDto, @Headers('idempotency-key') key?: string) {
    return this.service.decide(actor, id, dto, key);
  }

  @Get('inbox')
  inbox(@CurrentActor() actor: AuthenticatedActor) {
    return this.query.inbox(actor);
  }

  @Get('notifications')
  notifications(@CurrentActor() actor: AuthenticatedActor) {
    return this.query.notifications(actor);
  }
}
