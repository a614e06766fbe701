import { Body, Controller, Get, Headers, HttpCode, Inject, Ip, Param, Post } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { commentsOn, postedNominationWorkflow } from '@vinhdanh/persistence/read-model/public-record';
import { invalid, notFound } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { publicCommentUpdate } from '@vinhdanh/workflows/nomination/messages';
import { CurrentActor, Public, type AuthenticatedActor } from '../auth/public.decorator';
import { NominationsQuery } from '../nominations/nominations.query';
import { NominationsService } from '../nominations/nominations.service';
import { TEMPORAL_CLIENT, withinDeadline } from '../temporal/temporal.module';
import { messageAuth } from '../temporal/message-auth';
import { CommentLimiter } from './comment-limiter';
import { AnswerCommentDto, PublicCommentDto } from './dto';
import { Operation } from '../contract/operation';
import type { PublicCommentResult } from '@vinhdanh/workflows/nomination/messages';
import type { CommentList } from './responses';

/** Control characters other than newlines and tabs have no place in a comment. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;
const MAX_LINKS = 2;

/**
 * Ý kiến nhân dân: during a nomination's posting anyone may comment from the public page, without
 * signing in. The comment goes to the workflow, which records it (dossier and audit trail) and keeps
 * the council closed until a reviewer has answered it (docs/law.md).
 */
@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly ds: DataSource,
    private readonly limiter: CommentLimiter,
    private readonly nominations: NominationsService,
    private readonly query: NominationsQuery,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('public/nominations/:id/comments')
  @HttpCode(201)
  @Operation({
    summary: { vi: 'Gửi ý kiến về hồ sơ đang công khai', en: 'Comment on a nomination under public posting' },
    description: {
      vi: 'Không cần đăng nhập, trong thời gian công khai. Giới hạn theo địa chỉ và theo hồ sơ (429, Retry-After). Hồ sơ không công khai trả 404.',
      en: 'No sign-in, during the posting period. Limited per address and per nomination (429, Retry-After). A nomination not under posting answers 404.',
    },
    ok: { status: 201, body: 'PublicCommentResult' },
    errors: [404, 409, 429],
    public: true,
  })
  async comment(@Param('id', uuidParam('id')) id: string, @Body() dto: PublicCommentDto, @Ip() ip: string): Promise<PublicCommentResult> {
    if (dto.website) throw invalid('SPAM_SUSPECTED', 'Ý kiến không được gửi: trường ẩn đã bị điền (dấu hiệu gửi tự động).', 'The comment was not sent: the hidden field was filled in (a sign of automated sending).', 'website');
    const text = dto.text.normalize('NFC').replace(CONTROL, '').trim();
    if (text.length < 10) throw invalid('BAD_COMMENT', 'Ý kiến phải có ít nhất 10 ký tự.', 'A comment needs at least 10 characters.', 'text');
    if ((text.match(/https?:\/\/|www\./gi) ?? []).length > MAX_LINKS) {
      throw invalid('TOO_MANY_LINKS', `Ý kiến chứa quá nhiều đường liên kết (tối đa ${MAX_LINKS}).`, `The comment has too many links (at most ${MAX_LINKS}).`, 'text');
    }
    // Only a nomination under posting is public: any other reads like one that does not exist.
    const workflowId = await postedNominationWorkflow(this.ds.manager, id);
    if (!workflowId) throw notFound('NOT_POSTED', 'Không có hồ sơ đang công khai lấy ý kiến với mã này.', 'No nomination under public posting has this id.');
    await this.limiter.take(ip, id);
    const authorName = dto.authorName?.normalize('NFC').replace(CONTROL, '').trim() || undefined;
    const handle = this.temporal.workflow.getHandle(workflowId);
    return withinDeadline(this.temporal, () => handle.executeUpdate(publicCommentUpdate, { args: [{ text, ...(authorName ? { authorName } : {}), auth: messageAuth() }] }), this.config.temporalRpcTimeoutMs);
  }

  @Get('nominations/:id/comments')
  @Operation({
    summary: { vi: 'Ý kiến về hồ sơ', en: 'A nomination’s comments' },
    description: { vi: 'Các ý kiến nhận được và câu trả lời, cho người được xem hồ sơ.', en: 'The comments received and their answers, to whoever may read the nomination.' },
    ok: { body: 'CommentList' },
    errors: [404],
  })
  async list(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<CommentList> {
    await this.query.requireVisible(actor, id);
    return { items: await commentsOn(this.ds.manager, id) };
  }

  @Post('nominations/:id/comments/:commentId/answer')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Trả lời ý kiến', en: 'Answer a comment' },
    description: { vi: 'Thẩm định viên của cấp công khai trả lời; Hội đồng chỉ xét khi mọi ý kiến đã được trả lời.', en: 'The reviewer of the posting level answers; the council may consider the nomination only once every comment is answered.' },
    ok: { body: 'NominationView' },
    errors: [403, 404, 409],
    idempotent: true,
  })
  answer(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Param('commentId') commentId: string, @Body() dto: AnswerCommentDto, @Headers('idempotency-key') key?: string) {
    if (!/^(UNIT|PROVINCE|CENTRAL)-\d{1,4}$/.test(commentId)) throw invalid('BAD_COMMENT_ID', 'Mã ý kiến không hợp lệ.', 'Invalid comment id.', 'commentId');
    return this.nominations.answerComment(actor, id, commentId, dto.answer.normalize('NFC').trim(), key);
  }
}
