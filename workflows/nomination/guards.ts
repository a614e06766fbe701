import { forbidden, invalid, conflict } from '@vinhdanh/domain/common/errors';
import { conflictGround, conflictOfInterest, type ConflictedAction } from '@vinhdanh/domain/conflicts';
import type { AmendArgs, AnswerCommentArgs, DecideArgs, PublicCommentArgs, RerouteArgs, ResubmitArgs, ReviewArgs, WithdrawArgs } from './messages';
import { commentKey, type PostingState } from './posting';
import type { Actor, NominationInput, NominationView, OpenTask, Role } from '@vinhdanh/domain/ladder/nomination';
import { TERMINAL_STATUSES } from '@vinhdanh/domain/ladder/nomination';

/**
 * Update validators: pure checks of who may do what now. A rejected update leaves no trace in the
 * workflow's history, so a wrong actor gets a reason and the nomination is untouched.
 */

function requireRole(actor: Actor, role: Role, unitId: string, what: { vi: string; en: string }): void {
  if (!actor.roles.includes(role)) {
    throw forbidden('ROLE_REQUIRED', `Cần vai trò ${ROLE_VI[role]} để ${what.vi}.`, `The ${role.toLowerCase().replace('_', ' ')} role is required to ${what.en}.`);
  }
  // No unit is named: the message must not tell where a nomination is.
  if (actor.unitId !== unitId) {
    throw forbidden('WRONG_UNIT', `Việc ${what.vi} ở bước này thuộc về một đơn vị khác.`, `Another unit is to ${what.en} at this step.`);
  }
}

const ROLE_VI: Record<Role, string> = {
  CLERK: 'văn thư', REVIEWER: 'thẩm định viên', DECISION_MAKER: 'người có thẩm quyền quyết định', UNIT_HEAD: 'thủ trưởng đơn vị',
  COUNCIL_MEMBER: 'thành viên Hội đồng', COUNCIL_SECRETARY: 'thư ký Hội đồng', AUDITOR: 'kiểm toán, giám sát', INSPECTOR: 'thanh tra', ADMIN: 'quản trị',
};

/** The nominee, a registered relative, the submitter (deciding) or a declared conflict may not act. */
function requireNoConflict(input: NominationInput, actor: Actor, action: ConflictedAction): void {
  const ground = conflictGround(actor.userId, actor.conflicts, {
    nominationId: input.nominationId,
    nomineePersonalIdHash: input.nominee.personalIdHash,
    nomineeAccountUserId: input.nominee.accountUserId ?? input.nominee.userId,
    submittedByUserId: input.submittedBy.userId,
  }, action);
  if (ground) throw conflictOfInterest(ground, action);
}

/** The task must be open: an action already taken on it has cleared it, so a late twin gets 409. */
function requireTask(view: NominationView, expected: NominationView['status'], kind: OpenTask['kind'], what: { vi: string; en: string }): OpenTask {
  if (view.status !== expected || view.task?.kind !== kind) {
    throw conflict('WRONG_STATE', `Không thể ${what.vi} lúc này: hồ sơ không ở bước đó (có thể đã có người xử lý).`, `Cannot ${what.en} now: the nomination is not at that step (someone may have acted on it).`);
  }
  return view.task;
}

const nonBlank = (s: string | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export function validateReview(input: NominationInput, view: NominationView, args: ReviewArgs): void {
  const what = { vi: 'thẩm định hồ sơ', en: 'review this nomination' };
  const task = requireTask(view, 'IN_REVIEW', 'REVIEW', what);
  requireRole(args.actor, 'REVIEWER', task.unitId, what);
  requireNoConflict(input, args.actor, 'REVIEW');
  if (!['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENTS'].includes(args.action)) {
    throw invalid('BAD_ACTION', 'Hành động không hợp lệ.', 'Unknown review action.', 'action');
  }
  if (args.action === 'REJECT' && !nonBlank(args.reason)) {
    throw invalid('REASON_REQUIRED', 'Từ chối phải nêu lý do.', 'A rejection needs a reason.', 'reason');
  }
  if (args.action === 'REQUEST_SUPPLEMENTS') {
    if (!args.items?.length || !args.items.every(nonBlank)) {
      throw invalid('ITEMS_REQUIRED', 'Phải liệt kê tài liệu cần bổ sung.', 'List the documents to supplement.', 'items');
    }
    if (view.step === 'PRESIDENT_OFFICE_REVIEW') {
      throw invalid('NOT_AT_THIS_STEP', 'Văn phòng Chủ tịch nước chỉ thẩm tra tờ trình: đồng ý hoặc trả lại (từ chối có lý do).', 'The President’s Office reviews the proposal only: approve it or return it (reject with a reason).', 'action');
    }
    if (args.deadlineDays !== undefined && !(Number.isInteger(args.deadlineDays) && args.deadlineDays >= 1 && args.deadlineDays <= 90)) {
      throw invalid('BAD_DEADLINE', 'Hạn bổ sung phải từ 1 đến 90 ngày.', 'The supplement deadline must be 1 to 90 days.', 'deadlineDays');
    }
  }
  const negative = view.eligibility && view.eligibility.outcome !== 'ELIGIBLE';
  if (args.action === 'APPROVE' && negative && !nonBlank(args.justification)) {
    throw invalid(
      'JUSTIFICATION_REQUIRED',
      `Kết quả xét điều kiện là ${view.eligibility!.outcome}: phê duyệt cần giải trình bằng văn bản.`,
      `Eligibility is ${view.eligibility!.outcome}: approving requires a written justification.`,
      'justification',
    );
  }
}

export function validateResubmit(input: NominationInput, view: NominationView, args: ResubmitArgs): void {
  const what = { vi: 'nộp bổ sung hồ sơ', en: 'resubmit the dossier' };
  requireTask(view, 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT', what);
  requireRole(args.actor, 'CLERK', input.unitId, what);
  if (!nonBlank(args.note)) throw invalid('NOTE_REQUIRED', 'Cần ghi chú nội dung bổ sung.', 'Describe what was supplemented.', 'note');
  // A file answers one of the items the reviewer asked for, by its place in the request.
  const items = view.supplement?.items.length ?? 0;
  const stray = (args.documents ?? []).findIndex((d) => d.item !== undefined && !(Number.isInteger(d.item) && d.item >= 0 && d.item < items));
  if (stray >= 0) throw invalid('UNKNOWN_ITEM', 'Tài liệu ứng với một mục không có trong yêu cầu bổ sung.', 'A file answers an item the request does not have.', `documents.${stray}.item`);
  if (args.changes?.achievements !== undefined && !nonBlank(args.changes.achievements)) {
    throw invalid('ACHIEVEMENTS_REQUIRED', 'Tóm tắt thành tích không được để trống.', 'The summary of achievements cannot be empty.', 'changes.achievements');
  }
}

/**
 * A correction is the submitting unit's clerk's, and only before the first review: while the
 * first level's review task is open in its first round (no supplement asked, nothing decided). After
 * that, corrections go through a supplement request, so the reviewer sees what changed.
 */
export function validateAmend(input: NominationInput, view: NominationView, args: AmendArgs): void {
  const what = { vi: 'sửa hồ sơ', en: 'correct the dossier' };
  const task = view.task;
  const firstReview = view.status === 'IN_REVIEW' && task?.kind === 'REVIEW' && task.level === input.route[0].level && task.key === `${task.level}:REVIEW:0`;
  if (!firstReview) {
    throw conflict('AMEND_CLOSED', 'Chỉ sửa được hồ sơ trước khi được thẩm định; sau đó, hãy bổ sung theo yêu cầu của người thẩm định.', 'A dossier can be corrected only before its first review; after that, supplement it when the reviewer asks.');
  }
  requireRole(args.actor, 'CLERK', input.unitId, what);
  const c = args.changes ?? {};
  if (c.achievements === undefined && c.position === undefined && c.frontLine === undefined && c.documents === undefined) {
    throw invalid('NOTHING_TO_AMEND', 'Không có nội dung nào được sửa.', 'Nothing to correct.', 'changes');
  }
  if (c.achievements !== undefined && !nonBlank(c.achievements)) {
    throw invalid('ACHIEVEMENTS_REQUIRED', 'Tóm tắt thành tích không được để trống.', 'The summary of achievements cannot be empty.', 'changes.achievements');
  }
}

export function validateWithdraw(input: NominationInput, view: NominationView, args: WithdrawArgs): void {
  const what = { vi: 'rút hồ sơ', en: 'withdraw the nomination' };
  if ((TERMINAL_STATUSES as readonly string[]).includes(view.status)) {
    throw conflict('ALREADY_CLOSED', `Hồ sơ đã kết thúc (${view.status}).`, `The nomination is already closed (${view.status}).`);
  }
  requireRole(args.actor, 'CLERK', input.unitId, what);
  if (!nonBlank(args.reason)) throw invalid('REASON_REQUIRED', 'Rút hồ sơ phải nêu lý do.', 'A withdrawal needs a reason.', 'reason');
}

export function validateDecide(input: NominationInput, view: NominationView, args: DecideArgs): void {
  const proposal = view.task?.kind === 'PROPOSAL';
  const what = proposal ? { vi: 'trình Chủ tịch nước', en: 'submit the proposal to the President' } : { vi: 'ký quyết định', en: 'sign the decision' };
  const task = requireTask(view, 'AWAITING_DECISION', proposal ? 'PROPOSAL' : 'DECISION', what);
  requireRole(args.actor, 'DECISION_MAKER', task.unitId, what);
  requireNoConflict(input, args.actor, 'DECIDE');
  const allowed = proposal ? ['PROPOSE', 'REFUSE'] : ['CONFER', 'REFUSE'];
  if (!allowed.includes(args.action)) {
    throw invalid(
      'BAD_ACTION',
      proposal ? 'Ở bước này Chính phủ trình Chủ tịch nước (PROPOSE) hoặc không trình (REFUSE).' : 'Ở bước này người có thẩm quyền khen thưởng (CONFER) hoặc không khen thưởng (REFUSE).',
      proposal ? 'At this step the Government proposes to the President (PROPOSE) or does not (REFUSE).' : 'At this step the authority confers (CONFER) or refuses (REFUSE).',
      'action',
    );
  }
  if (args.action === 'REFUSE' && !nonBlank(args.reason)) {
    throw invalid('REASON_REQUIRED', 'Không khen thưởng phải nêu lý do.', 'A refusal needs a reason.', 'reason');
  }
  if (args.batchKey !== undefined && !/^[A-Za-z0-9._:|-]{1,160}$/.test(args.batchKey)) {
    throw invalid('BAD_BATCH', 'Mã lô quyết định không hợp lệ.', 'Invalid decision batch key.', 'batchKey');
  }
}

const MAX_COMMENTS = 500;

/** A public comment: only while the posting is open, not twice the same, and not without end. */
export function validatePublicComment(posting: PostingState | undefined, args: PublicCommentArgs, nowMs: number): void {
  if (!posting || !posting.open(nowMs)) {
    throw conflict('POSTING_CLOSED', 'Hồ sơ này không trong thời gian công khai lấy ý kiến.', 'This nomination is not open for public comments.');
  }
  const text = typeof args.text === 'string' ? args.text.trim() : '';
  if (text.length < 10 || text.length > 2000) {
    throw invalid('BAD_COMMENT', 'Ý kiến phải từ 10 đến 2.000 ký tự.', 'A comment must be 10 to 2,000 characters.', 'text');
  }
  if (posting.comments.some((c) => c.key === commentKey(text))) {
    throw conflict('DUPLICATE_COMMENT', 'Ý kiến này đã được gửi.', 'This comment was already sent.');
  }
  if (posting.comments.length >= MAX_COMMENTS) {
    throw conflict('TOO_MANY_COMMENTS', 'Hồ sơ đã nhận đủ số ý kiến tối đa; vui lòng liên hệ cơ quan thẩm định.', 'This nomination has received the maximum number of comments; contact the reviewing body.');
  }
}

/** An answer: by a reviewer of the posting body, without a conflict, to a comment not yet answered. */
export function validateAnswerComment(input: NominationInput, posting: PostingState | undefined, args: AnswerCommentArgs): void {
  const what = { vi: 'trả lời ý kiến', en: 'answer comments' };
  const comment = posting?.comments.find((c) => c.id === args.commentId);
  if (!posting || !comment) throw conflict('NO_SUCH_COMMENT', 'Không có ý kiến này trong đợt công khai hiện tại.', 'No such comment in the current posting.');
  requireRole(args.actor, 'REVIEWER', posting.reviewUnitId, what);
  requireNoConflict(input, args.actor, 'REVIEW');
  if (comment.answered) throw conflict('ALREADY_ANSWERED', 'Ý kiến đã được trả lời.', 'The comment is already answered.');
  if (!nonBlank(args.answer) || args.answer.trim().length < 5) {
    throw invalid('ANSWER_REQUIRED', 'Câu trả lời phải có nội dung (ít nhất 5 ký tự).', 'The answer needs some content (5 characters or more).', 'answer');
  }
}

/** Re-routing: only an administrator's order, only while the nomination is open, with a reason. */
export function validateReroute(view: NominationView, args: RerouteArgs): void {
  if (!args.actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới được chuyển hồ sơ sang đơn vị kế thừa.', 'Only an administrator may re-route to a successor unit.');
  if ((TERMINAL_STATUSES as readonly string[]).includes(view.status)) throw conflict('ALREADY_CLOSED', 'Hồ sơ đã kết thúc.', 'The nomination is already closed.');
  if (!Object.keys(args.units ?? {}).length) throw invalid('NOTHING_TO_REROUTE', 'Không có đơn vị nào cần chuyển.', 'No unit to re-route.', 'units');
  if (!nonBlank(args.reasonVi) || !nonBlank(args.reasonEn)) throw invalid('REASON_REQUIRED', 'Phải nêu lý do chuyển.', 'A re-routing needs a reason.', 'reason');
}
