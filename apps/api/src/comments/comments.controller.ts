import { Body, Controller, Get, Headers, HttpCode, Inject, Ip, Param, Post } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { commentsOn, postedNominationWorkflow } from '@vinhdanh/persistence/read-model/public-record';
import { conflict, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { nearDuplicate } from '@vinhdanh/domain/common/near-duplicate';
import { CommentProof } from '@vinhdanh/platform/proof-of-work/comment-proof';
import { echoComment, proofsSpentLastHour, spendProof } from '@vinhdanh/persistence/comments/comment-flood';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { publicCommentUpdate } from '@vinhdanh/workflows/nomination/messages';
import { CurrentActor, Public, type AuthenticatedActor } from '../common/actor';
import { NominationsQuery } from '../nominations/nominations.query';
import { NominationsService } from '../nominations/nominations.service';
import { Engine } from '../temporal/engine';
import { CommentLimiter } from './comment-limiter';
import { AnswerCommentDto, PublicCommentDto } from './dto';
import { Operation } from '../contract/operation';
import type { CommentChallenge, CommentList, CommentReceived } from './responses';

const NOT_POSTED = () => notFound('NOT_POSTED', 'Không có hồ sơ đang công khai lấy ý kiến với mã này.', 'No nomination under public posting has this id.');
const PROOF_REFUSED = {
  EXPIRED: () => conflict('PROOF_EXPIRED', 'Thử thách đã hết hạn (10 phút); hãy gửi lại ý kiến.', 'The challenge has expired (ten minutes); send the comment again.'),
  INVALID: () => invalid('PROOF_INVALID', 'Lời giải thử thách không đúng; hãy gửi lại ý kiến từ trang công khai.', 'The challenge was not solved; send the comment again from the public page.', 'proof'),
  OTHER_NOMINATION: () => invalid('PROOF_INVALID', 'Thử thách này dành cho hồ sơ khác; hãy gửi lại ý kiến từ trang công khai.', 'This challenge is for another nomination; send the comment again from the public page.', 'proof'),
};
const PROOF_SPENT = () => conflict('PROOF_SPENT', 'Lời giải này đã được dùng cho một ý kiến; mỗi ý kiến cần một thử thách mới.', 'This solution was already used for a comment; each comment needs a new challenge.');

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
    private readonly proof: CommentProof,
    private readonly nominations: NominationsService,
    private readonly query: NominationsQuery,
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('public/nominations/:id/comment-challenge')
  @Operation({
    summary: { vi: 'Thử thách trước khi gửi ý kiến', en: 'A challenge before commenting' },
    description: {
      vi: 'Không cần đăng nhập. Trình duyệt giải thử thách (proof of work, ALTCHA) rồi gửi kèm ý kiến; thử thách dùng một lần, trong 10 phút, cho một hồ sơ. Khi hồ sơ nhận nhiều ý kiến, thử thách khó hơn (tối đa 64 lần) nhưng không ai bị chặn.',
      en: 'No sign-in. The browser solves the challenge (proof of work, ALTCHA) and sends it with the comment; a challenge serves once, for ten minutes, for one nomination. While a nomination receives many comments the work grows (up to 64 times), and nobody is refused.',
    },
    ok: { body: 'CommentChallenge' },
    errors: [404],
    public: true,
  })
  async challenge(@Param('id', uuidParam('id')) id: string): Promise<CommentChallenge> {
    if (!(await postedNominationWorkflow(this.ds.manager, id))) throw NOT_POSTED();
    const recent = await proofsSpentLastHour(this.ds.manager, id);
    return { challenge: await this.proof.challenge(id, recent), factor: CommentProof.factor(recent) };
  }

  @Post('public/nominations/:id/comments')
  @HttpCode(201)
  @Operation({
    summary: { vi: 'Gửi ý kiến về hồ sơ đang công khai', en: 'Comment on a nomination under public posting' },
    description: {
      vi: 'Không cần đăng nhập, trong thời gian công khai, kèm lời giải thử thách (proof). Giới hạn theo địa chỉ (429, Retry-After). Ý kiến trùng với ý kiến đã nhận được tính vào ý kiến đó (`merged`), không cần trả lời lần nữa. Hồ sơ không công khai trả 404.',
      en: 'No sign-in, during the posting period, with a solved challenge (proof). Limited per address (429, Retry-After). A comment that repeats one received is counted on it (`merged`) and needs no second answer. A nomination not under posting answers 404.',
    },
    ok: { status: 201, body: 'CommentReceived' },
    errors: [404, 409, 429],
    public: true,
  })
  async comment(@Param('id', uuidParam('id')) id: string, @Body() dto: PublicCommentDto, @Ip() ip: string): Promise<CommentReceived> {
    if (dto.website) throw invalid('SPAM_SUSPECTED', 'Ý kiến không được gửi: trường ẩn đã bị điền (dấu hiệu gửi tự động).', 'The comment was not sent: the hidden field was filled in (a sign of automated sending).', 'website');
    const text = dto.text.normalize('NFC').replace(CONTROL, '').trim();
    if (text.length < 10) throw invalid('BAD_COMMENT', 'Ý kiến phải có ít nhất 10 ký tự.', 'A comment needs at least 10 characters.', 'text');
    if ((text.match(/https?:\/\/|www\./gi) ?? []).length > MAX_LINKS) {
      throw invalid('TOO_MANY_LINKS', `Ý kiến chứa quá nhiều đường liên kết (tối đa ${MAX_LINKS}).`, `The comment has too many links (at most ${MAX_LINKS}).`, 'text');
    }
    // Only a nomination under posting is public: any other reads like one that does not exist.
    const workflowId = await postedNominationWorkflow(this.ds.manager, id);
    if (!workflowId) throw NOT_POSTED();
    const checked = await this.proof.check(id, dto.proof);
    if (!checked.ok) throw PROOF_REFUSED[checked.reason]();
    await this.limiter.take(ip);
    if (!(await spendProof(this.ds.manager, { signature: checked.signature, nominationId: id, expiresAt: checked.expiresAt }))) throw PROOF_SPENT();
    const authorName = dto.authorName?.normalize('NFC').replace(CONTROL, '').trim() || undefined;
    // A repeat of a comment received (the same text, or nearly) is counted on it: one answer serves both.
    const repeated = (await commentsOn(this.ds.manager, id)).find((c) => nearDuplicate(c.text, text));
    if (repeated) {
      await echoComment(this.ds.manager, { nominationId: id, commentId: repeated.commentId, authorName });
      return { commentId: repeated.commentId, receivedAt: new Date(repeated.receivedAt).toISOString(), merged: true };
    }
    const received = await this.engine.update(workflowId, publicCommentUpdate, { text, ...(authorName ? { authorName } : {}) });
    return { ...received, merged: false };
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
