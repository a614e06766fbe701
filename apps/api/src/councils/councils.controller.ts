import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { BallotDto, ConflictDto, OpenSessionDto } from './dto';
import { CouncilsService } from './councils.service';

@ApiTags('councils')
@ApiBearerAuth()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get('mine')
  mine(@CurrentActor() actor: AuthenticatedActor) {
    return this.councils.mine(actor);
  }

  @Get(':councilId/waiting')
  waiting(@Param('councilId') councilId: string) {
    return this.councils.waiting(councilId);
  }

  @Post(':councilId/sessions')
  open(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string, @Body() dto: OpenSessionDto) {
    return this.councils.open(actor, councilId, dto.nominationIds, dto.deadline);
  }

  @Get('sessions/:id')
  view(@Param('id', ParseUUIDPipe) id: string) {
    return this.councils.view(id);
  }

  @Get('sessions/:id/ballot')
  myBallot(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.councils.myBallot(actor, id);
  }

  @Post('sessions/:id/ballot')
  @HttpCode(200)
  cast(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BallotDto, @Headers('idempotency-key') key?: string) {
    return this.councils.castBallot(actor, id, dto.choices, key);
  }

  @Post('sessions/:id/conflicts')
  @HttpCode(200)
  conflict(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConflictDto) {
    return this.councils.declareConflict(actor, id, dto.nominationId, dto.reason);
  }

  @Post('sessions/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.councils.close(actor, id);
  }

  /** The tally record (biên bản kiểm phiếu): counts, members present, recusals, the rule applied. */
  @Get('sessions/:id/tally')
  tally(@Param('id', ParseUUIDPipe) id: string) {
    return this.councils.tally(id);
  }

  @Get('sessions/:id/receipts/:token')
  receipt(@Param('id', ParseUUIDPipe) id: string, @Param('token', ParseUUIDPipe) token: string) {
    return this.councils.checkReceipt(id, token);
  }
}
