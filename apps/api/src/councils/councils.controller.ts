import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, type AuthenticatedActor } from '../auth/public.decorator';
import { ConflictDto, IssueBallotsDto, OpenSessionDto, SecretBallotDto } from './dto';
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
  waiting(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string) {
    return this.councils.waiting(actor, councilId);
  }

  @Post(':councilId/sessions')
  open(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string, @Body() dto: OpenSessionDto) {
    return this.councils.open(actor, councilId, dto.nominationIds, dto.deadline);
  }

  @Get('sessions/:id')
  view(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.councils.view(actor, id);
  }

  @Get('sessions/:id/ballot')
  myBallot(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.councils.myBallot(actor, id);
  }

  /** A member takes their blind-signed ballots (one per nomination they may vote on). */
  @Post('sessions/:id/ballots/issue')
  @HttpCode(200)
  issue(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: IssueBallotsDto) {
    return this.councils.issueBallots(actor, id, dto.requests);
  }

  /** Casts one ballot with no account: the signed token is the credential (docs/council-voting.md). */
  @Public()
  @Post('sessions/:id/ballots')
  @HttpCode(200)
  cast(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SecretBallotDto) {
    return this.councils.castSecretBallot(id, dto);
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
  tally(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.councils.tally(actor, id);
  }

  /** Whether a receipt is among those counted; never what it chose. Public: the receipt is the secret. */
  @Public()
  @Get('sessions/:id/receipts/:receipt')
  receipt(@Param('id', ParseUUIDPipe) id: string, @Param('receipt') receipt: string) {
    return this.councils.checkReceipt(id, receipt);
  }
}
