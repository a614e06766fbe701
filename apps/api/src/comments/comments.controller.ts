import { Body, Controller, Get, Headers, HttpCode, Inject, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
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

  @Public()
  @Post('public/nominations/:id/comments')
  @HttpCode(201)
  async comment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PublicCommentDto, @Ip() ip: string) {
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

  /** The comments of a nomination and their answers, to whoever may read the nomination. */
  @ApiBearerAuth()
  @Get('nominations/:id/comments')
  async list(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    await this.query.requireVisible(actor, id);
    return { items: await commentsOn(this.ds.manager, id) };
  }

  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Post('nominations/:id/comments/:commentId/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Param('commentId') commentId: string, @Body() dto: AnswerCommentDto, @Headers('idempotency-key') key?: string) {
    if (!/^(UNIT|PROVINCE|CENTRAL)-\d{1,4}$/.test(commentId)) throw invalid('BAD_COMMENT_ID', 'Mã ý kiến không hợp lệ.', 'Invalid comment id.', 'commentId');
    return this.nominations.answerComment(actor, id, commentId, dto.answer.normalize('NFC').trim(), key);
  }
}
