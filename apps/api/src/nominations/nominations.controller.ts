import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import type { NominationView } from '@vinhdanh/domain/ladder/nomination';
import { Operation } from '../contract/operation';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { dossierDocument } from '@vinhdanh/persistence/read-model/documents';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { DOCUMENT_NOT_FOUND, DOCUMENT_TYPES, sendFile } from '../documents/files';
import { AmendDto, BatchReviewDto, DecideDto, InboxQueryDto, ListQueryDto, ResubmitDto, ReviewDto, SubmitNominationDto, WithdrawDto } from './dto';
import { perNomination } from './batch';
import { NominationsQuery } from './nominations.query';
import { NominationsService } from './nominations.service';
import { DecisionDocuments } from './decision-documents.service';
import type { BatchReviewResult, Inbox, NamesakeDeclared, NominationDetail, NominationPage, Notifications, SubmitResult } from './responses';

@ApiTags('nominations')
@Controller()
export class NominationsController {
  constructor(private readonly service: NominationsService, private readonly query: NominationsQuery, private readonly ds: DataSource, private readonly documents: DecisionDocuments) {}

  @Post('nominations')
  @Operation({
    summary: { vi: 'Nộp hồ sơ đề nghị khen thưởng', en: 'Submit a nomination' },
    description: {
      vi: 'Văn thư nộp hồ sơ của đơn vị mình; quy trình bắt đầu ở cấp đơn vị. Nộp lại đúng hồ sơ đó trả 200 với `duplicate: true`, không tạo hồ sơ mới.',
      en: 'A clerk submits a dossier of their own unit; its workflow starts at unit level. The same dossier sent again answers 200 with `duplicate: true` and starts nothing.',
    },
    ok: { status: 201, body: 'SubmitResult', description: { vi: 'Đã tạo hồ sơ', en: 'Created' } },
    also: [{ status: 200, body: 'SubmitResult', description: { vi: 'Hồ sơ này đã được nộp trước đó', en: 'This dossier was already submitted' } }],
    errors: [403, 409, 413],
  })
  async submit(@CurrentActor() actor: AuthenticatedActor, @Body() dto: SubmitNominationDto, @Res({ passthrough: true }) res: Response): Promise<SubmitResult> {
    const result = await this.service.submit(actor, dto);
    res.status(result.duplicate ? 200 : 201).location(`/nominations/${result.id}`);
    return result;
  }

  @Get('nominations')
  @Operation({
    summary: { vi: 'Danh sách hồ sơ trong phạm vi', en: 'List the nominations in scope' },
    description: { vi: 'Lọc theo trạng thái, cấp, đơn vị, năm, hình thức; phân trang bằng `page`, `pageSize`.', en: 'Filter by status, level, unit, year and award; page with `page` and `pageSize`.' },
    ok: { body: 'NominationPage' },
  })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() q: ListQueryDto): Promise<NominationPage> {
    return this.query.list(actor, q);
  }

  @Get('nominations/:id')
  @Operation({
    summary: { vi: 'Xem một hồ sơ', en: 'Read a nomination' },
    description: { vi: 'Hồ sơ với các bước đã ghi, việc đang mở, quyết định và tờ trình. Hồ sơ ngoài phạm vi trả 404 như hồ sơ không tồn tại.', en: 'The nomination with its recorded steps, tasks, decision and proposal. Out of scope answers 404, as for one that does not exist.' },
    ok: { body: 'NominationDetail' },
    errors: [404],
  })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<NominationDetail> {
    return this.query.get(actor, id);
  }

  @Get('nominations/:id/documents/:sha256')
  @Operation({
    summary: { vi: 'Tải một tệp của hồ sơ', en: 'Download a file of the dossier' },
    description: { vi: 'Tệp của hồ sơ (hoặc của lần bổ sung), cho người được xem hồ sơ.', en: 'A file of this dossier (or of a supplement to it), to whoever may read the nomination.' },
    ok: { file: DOCUMENT_TYPES },
    errors: [404],
  })
  async document(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Param('sha256') sha256: string, @Res({ passthrough: true }) res: Response) {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw invalid('BAD_SHA256', 'Mã SHA-256 không hợp lệ.', 'Invalid SHA-256.', 'sha256');
    await this.query.requireVisible(actor, id);
    const doc = await dossierDocument(this.ds.manager, id, sha256);
    if (!doc) throw DOCUMENT_NOT_FOUND();
    return sendFile(res, doc.content, doc.mimeType, doc.name);
  }

  @Post('nominations/:id/review')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Thẩm định hồ sơ', en: 'Review a nomination' },
    description: {
      vi: 'Thẩm định viên của cấp đang giữ hồ sơ: đạt (trình tiếp), không đạt, hoặc yêu cầu bổ sung. Đạt trái với kết quả kiểm tra điều kiện phải có giải trình.',
      en: 'The reviewer of the level holding it: approve (send on), reject, or request supplements. Approving against a negative eligibility result needs a justification.',
    },
    ok: { body: 'NominationView', description: { vi: 'Trạng thái sau thao tác (đã ghi vào bản đọc)', en: 'The state after the action (already projected)' } },
    errors: [403, 404, 409],
    idempotent: true,
  })
  review(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: ReviewDto, @Headers('idempotency-key') key?: string): Promise<NominationView> {
    return this.service.review(actor, id, dto, key);
  }

  @Post('nominations/:id/resubmit')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Nộp bổ sung hồ sơ', en: 'Answer a supplement request' },
    description: { vi: 'Văn thư gửi tài liệu bổ sung trước hạn; hồ sơ trở lại bước thẩm định.', en: 'The clerk sends the requested documents before the deadline; the nomination returns to review.' },
    ok: { body: 'NominationView' },
    errors: [403, 404, 409],
    idempotent: true,
  })
  resubmit(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: ResubmitDto, @Headers('idempotency-key') key?: string): Promise<NominationView> {
    return this.service.resubmit(actor, id, dto, key);
  }

  @Post('nominations/:id/amend')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Sửa hồ sơ trước khi thẩm định', en: 'Correct a dossier before its review' },
    description: {
      vi: 'Văn thư đơn vị nộp sửa tóm tắt thành tích, chức vụ, đối tượng ưu tiên hoặc tài liệu trước khi hồ sơ được thẩm định lần đầu; sau đó, sửa qua yêu cầu bổ sung. Người, hình thức và năm không sửa được (rút và nộp lại).',
      en: 'The submitting unit’s clerk corrects the achievements, position, front-line flag or documents before the first review; after that, corrections go through a supplement request. The nominee, award and year cannot change (withdraw and submit anew).',
    },
    ok: { body: 'NominationView' },
    errors: [403, 404, 409],
    idempotent: true,
  })
  amend(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: AmendDto, @Headers('idempotency-key') key?: string): Promise<NominationView> {
    return this.service.amend(actor, id, dto, key);
  }

  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Rút hồ sơ', en: 'Withdraw a nomination' },
    description: { vi: 'Đơn vị nộp rút hồ sơ chưa có quyết định, kèm lý do.', en: 'The submitting unit withdraws a nomination not yet decided, with a reason.' },
    ok: { body: 'NominationView' },
    errors: [403, 404, 409],
    idempotent: true,
  })
  withdraw(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: WithdrawDto, @Headers('idempotency-key') key?: string): Promise<NominationView> {
    return this.service.withdraw(actor, id, dto, key);
  }

  @Post('nominations/:id/not-the-nominee')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Xác nhận không phải người được đề nghị', en: 'Declare I am not the nominee' },
    description: {
      vi: 'Người được đề nghị trùng họ tên với người xử lý: trước khi thẩm định, quyết định hay nhận phiếu bầu cho hồ sơ, người đó xác nhận không phải là mình. Lời xác nhận được lưu và ghi vào nhật ký kiểm toán.',
      en: 'The nominee bears the name of the person acting: before they review, decide or take a ballot on it, that person states it is not them. The statement is kept and recorded in the audit trail.',
    },
    ok: { body: 'NamesakeDeclared' },
    errors: [404, 409],
  })
  notTheNominee(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<NamesakeDeclared> {
    return this.service.declareNotTheNominee(actor, id);
  }

  @Post('nominations/:id/decide')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Quyết định khen thưởng', en: 'Decide a nomination' },
    description: {
      vi: 'Người có thẩm quyền ký quyết định (khen thưởng hoặc không). Người có xung đột lợi ích bị từ chối.',
      en: 'The competent authority signs the decision (award or refusal). A decision maker with a conflict of interest is refused.',
    },
    ok: { body: 'NominationView' },
    errors: [403, 404, 409],
    idempotent: true,
  })
  async decide(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: DecideDto, @Headers('idempotency-key') key?: string): Promise<NominationView> {
    const view = await this.service.decide(actor, id, dto, key);
    this.documents.signSoon(view.decision?.decisionId);
    return view;
  }

  @Get('inbox')
  @Operation({
    summary: { vi: 'Việc cần làm', en: 'My open tasks' },
    description: {
      vi: 'Các việc đang mở của đơn vị, theo vai trò của người gọi, kèm tên đơn vị gửi; việc quá hạn được đánh dấu. Lọc theo loại việc, đơn vị gửi, hình thức, cấp, năm, hạn, tên (không phân biệt dấu); sắp xếp; phân trang (mặc định 50, tối đa 200).',
      en: 'Open tasks of the caller’s unit for the caller’s roles, with the sending unit’s name; overdue ones flagged. Filter by task kind, sending unit, award, level, year, due date and name (ignoring accents); sort; page (50 by default, 200 at most).',
    },
    ok: { body: 'Inbox' },
  })
  inbox(@CurrentActor() actor: AuthenticatedActor, @Query() q: InboxQueryDto): Promise<Inbox> {
    return this.query.inbox(actor, q);
  }

  /**
   * "Approve selected": each dossier is approved through its own review Update, authorised and
   * audited as if approved alone, and reports its own result or refusal (a dossier whose eligibility
   * check is negative needs the justification, as alone).
   */
  @Post('reviews')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Thẩm định đạt theo danh sách', en: 'Approve reviews in a batch' },
    description: {
      vi: 'Mỗi hồ sơ được thẩm định đạt như khi làm riêng: kiểm tra quyền, ghi nhật ký, báo kết quả hoặc lý do bị từ chối. Gửi lại cùng danh sách không lặp lại thao tác nào.',
      en: 'Each dossier is approved as it would be alone: authorised, audited, and reported with its result or the reason it was refused. The same list sent again repeats nothing.',
    },
    ok: { body: 'BatchReviewResult' },
  })
  reviewBatch(@CurrentActor() actor: AuthenticatedActor, @Body() dto: BatchReviewDto): Promise<BatchReviewResult> {
    return perNomination('review', actor.userId, dto.nominationIds, async (id, _batch, key) => {
      const view = await this.service.review(actor, id, { action: 'APPROVE', justification: dto.justification }, key);
      return { status: view.status, level: view.level };
    }, JSON.stringify({ justification: dto.justification ?? null }));
  }

  @Get('notifications')
  @Operation({
    summary: { vi: 'Thông báo của tôi', en: 'My notifications' },
    description: { vi: 'Thông báo trong ứng dụng đã gửi tới người gọi, mới nhất trước (tối đa 200).', en: 'In-app notifications delivered to the caller, newest first (200 at most).' },
    ok: { body: 'Notifications' },
  })
  notifications(@CurrentActor() actor: AuthenticatedActor): Promise<Notifications> {
    return this.query.notifications(actor);
  }
}
