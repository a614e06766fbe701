import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import type { CouncilSessionView } from '@vinhdanh/domain/ladder/council';
import type { SessionTally } from '@vinhdanh/persistence/read-model/councils';
import { Operation } from '../contract/operation';
import type { BallotReceipt, IssuedBallots, MyBallot, MyCouncils, ReceiptCheck, Reminded, SessionOpened, SessionTurnout, WaitingNomination } from './responses';
import { CurrentActor, Public, type AuthenticatedActor } from '../common/actor';
import { ConflictDto, IssueBallotsDto, OpenSessionDto, SecretBallotDto } from './dto';
import { CouncilsService } from './councils.service';

@ApiTags('councils')
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get('mine')
  @Operation({
    summary: { vi: 'Hội đồng của tôi', en: 'My councils' },
    description: { vi: 'Các Hội đồng người gọi đang là thành viên, với các phiên họp gần đây và việc đã tham gia hay chưa.', en: 'The councils the caller sits on today, their recent sessions, and whether the caller took part.' },
    ok: { body: 'MyCouncils' },
  })
  mine(@CurrentActor() actor: AuthenticatedActor): Promise<MyCouncils> {
    return this.councils.mine(actor);
  }

  @Get(':councilId/waiting')
  @Operation({
    summary: { vi: 'Hồ sơ chờ Hội đồng', en: 'Nominations waiting for the council' },
    description: { vi: 'Cho thư ký, thành viên Hội đồng và thanh tra trong phạm vi; người ngoài nhận 404.', en: 'For the council’s secretary and members and auditors in scope; anyone else gets 404.' },
    ok: { body: 'WaitingNominations' },
    errors: [404],
  })
  waiting(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string): Promise<WaitingNomination[]> {
    return this.councils.waiting(actor, councilId);
  }

  @Post(':councilId/sessions')
  @Operation({
    summary: { vi: 'Mở phiên họp Hội đồng', en: 'Open a council session' },
    description: {
      vi: 'Thư ký đưa các hồ sơ đang chờ (đã hết thời gian công khai, mọi ý kiến đã trả lời) vào một phiên bỏ phiếu kín có hạn. Mỗi hồ sơ chỉ ở một phiên đang mở.',
      en: 'The secretary puts waiting nominations (posting over, every comment answered) on a secret-ballot session with a deadline. A nomination sits on one open session at most.',
    },
    ok: { status: 201, body: 'SessionOpened' },
    errors: [403, 404, 409],
  })
  open(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string, @Body() dto: OpenSessionDto) {
    return this.councils.open(actor, councilId, dto.nominationIds, dto.deadline);
  }

  @Get('sessions/:id')
  @Operation({
    summary: { vi: 'Tình hình phiên họp', en: 'A session’s progress' },
    description: { vi: 'Số người tham gia, người đã nhận phiếu (không bao giờ là lựa chọn), xung đột lợi ích đã khai, túc số từng hồ sơ.', en: 'Turnout, who took ballots (never their choices), declared conflicts, each nomination’s quorum.' },
    ok: { body: 'CouncilSessionView' },
    errors: [404],
  })
  view(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<CouncilSessionView> {
    return this.councils.view(actor, id);
  }

  @Get('sessions/:id/ballot')
  @Operation({
    summary: { vi: 'Phiếu bầu của tôi', en: 'My ballot' },
    description: { vi: 'Danh sách hồ sơ của phiên, hồ sơ phải tránh bỏ phiếu, khóa công khai để làm phiếu kín, phiếu đã nhận.', en: 'The session’s nominations, those the member is recused from, the public keys for blind ballots, the ballots taken.' },
    ok: { body: 'MyBallot' },
    errors: [403, 404],
  })
  myBallot(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<MyBallot> {
    return this.councils.myBallot(actor, id);
  }

  @Post('sessions/:id/ballots/issue')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Nhận phiếu kín', en: 'Take blind-signed ballots' },
    description: {
      vi: 'Thành viên gửi các mã phiếu đã làm mù (RSA blind signature, RFC 9474), mỗi hồ sơ một mã; Hội đồng ký mà không thấy mã. Gửi lại đúng yêu cầu đó được ký lại; yêu cầu khác bị từ chối.',
      en: 'A member sends blinded ballot tokens (RSA blind signatures, RFC 9474), one per nomination; the council signs them without seeing them. The same request again is signed again; a different one is refused.',
    },
    ok: { body: 'IssuedBallots' },
    errors: [403, 404, 409],
  })
  issue(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: IssueBallotsDto): Promise<IssuedBallots> {
    return this.councils.issueBallots(actor, id, dto.requests);
  }

  @Post('sessions/:id/ballots')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Bỏ phiếu kín', en: 'Cast a secret ballot' },
    description: {
      vi: 'Không cần đăng nhập: mã phiếu có chữ ký của Hội đồng là giấy tờ duy nhất, nên phiếu không gắn với tài khoản nào. Trả mã biên nhận để kiểm tra sau kiểm phiếu.',
      en: 'No sign-in: the council-signed token is the only credential, so the ballot is tied to no account. Answers a receipt to check after the count.',
    },
    ok: { body: 'BallotReceipt' },
    errors: [403, 404, 409],
    public: true,
  })
  cast(@Param('id', uuidParam('id')) id: string, @Body() dto: SecretBallotDto): Promise<BallotReceipt> {
    return this.councils.castSecretBallot(id, dto);
  }

  @Post('sessions/:id/conflicts')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Khai xung đột lợi ích', en: 'Declare a conflict of interest' },
    description: { vi: 'Thành viên tự khai không bỏ phiếu cho một hồ sơ, kèm lý do.', en: 'A member declares they will not vote on a nomination, with a reason.' },
    ok: { body: 'CouncilSessionView' },
    errors: [403, 404, 409],
  })
  conflict(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: ConflictDto): Promise<CouncilSessionView> {
    return this.councils.declareConflict(actor, id, dto.nominationId, dto.reason);
  }

  @Get('sessions/:id/turnout')
  @Operation({
    summary: { vi: 'Ai đã nhận phiếu', en: 'Who has taken their ballots' },
    description: { vi: 'Từng thành viên của phiên và việc đã nhận phiếu hay chưa — không bao giờ là họ bỏ phiếu thế nào. Cho thành viên Hội đồng và thanh tra trong phạm vi.', en: 'Each member of the session and whether they have taken their ballots — never how they voted. For council members and auditors in scope.' },
    ok: { body: 'SessionTurnout' },
    errors: [404],
  })
  turnout(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<SessionTurnout> {
    return this.councils.turnout(actor, id);
  }

  @Post('sessions/:id/remind')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Nhắc thành viên chưa bỏ phiếu', en: 'Remind the members who have not voted' },
    description: { vi: 'Thư ký gửi thông báo nhắc tới các thành viên chưa nhận phiếu; mỗi người nhiều nhất một lần mỗi giờ; có ghi nhật ký kiểm toán.', en: 'The secretary sends a reminder to the members who have not taken their ballots; each at most once an hour; audited.' },
    ok: { body: 'Reminded' },
    errors: [403, 404, 409],
  })
  remind(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<Reminded> {
    return this.councils.remind(actor, id);
  }

  @Post('sessions/:id/close')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Kết thúc phiên họp', en: 'Close the session' },
    description: { vi: 'Thư ký kết thúc phiên và kiểm phiếu; cần đủ túc số.', en: 'The secretary closes the session and counts; the quorum must be met.' },
    ok: { body: 'CouncilSessionView' },
    errors: [403, 404, 409],
  })
  close(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<CouncilSessionView> {
    return this.councils.close(actor, id);
  }

  @Get('sessions/:id/tally')
  @Operation({
    summary: { vi: 'Biên bản kiểm phiếu', en: 'The tally record' },
    description: { vi: 'Số phiếu, thành viên tham gia, người phải tránh, quy tắc biểu quyết đã áp dụng và căn cứ.', en: 'The counts, the members who took part, recusals, the voting rule applied and its basis.' },
    ok: { body: 'SessionTally' },
    errors: [404],
  })
  tally(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<SessionTally> {
    return this.councils.tally(actor, id);
  }

  @Get('sessions/:id/receipts/:receipt')
  @Operation({
    summary: { vi: 'Kiểm tra biên nhận phiếu', en: 'Check a ballot receipt' },
    description: { vi: 'Phiếu có mã biên nhận này đã vào hòm phiếu chưa; không bao giờ cho biết đã chọn gì. Không cần đăng nhập: biên nhận là bí mật.', en: 'Whether the ballot with this receipt is in the box; never what it chose. No sign-in: the receipt is the secret.' },
    ok: { body: 'ReceiptCheck' },
    errors: [404],
    public: true,
  })
  receipt(@Param('id', uuidParam('id')) id: string, @Param('receipt') receipt: string): Promise<ReceiptCheck> {
    return this.councils.checkReceipt(id, receipt);
  }
}
