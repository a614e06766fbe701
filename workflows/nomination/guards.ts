import { forbidden, invalid, conflict } from '@vinhdanh/domain/common/errors';
import { conflictGround, conflictOfInterest, type ConflictedAction } from '@vinhdanh/domain/conflicts';
import type { DecideArgs, ResubmitArgs, ReviewArgs, WithdrawArgs } from './messages';
import type { Actor, NominationInput, NominationView, OpenTask, Role } from './types';
import { TERMINAL_STATUSES } from './types';

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
  COUNCIL_MEMBER: 'thành viên Hội đồng', COUNCIL_SECRETARY: 'thư ký Hội đồng', AUDITOR: 'thanh tra', ADMIN: 'quản trị',
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
  const what = { vi: 'ký quyết định', en: 'sign the decision' };
  const task = requireTask(view, 'AWAITING_DECISION', 'DECISION', what);
  requireRole(args.actor, 'DECISION_MAKER', task.unitId, what);
  requireNoConflict(input, args.actor, 'DECIDE');
  if (args.action === 'REFUSE' && !nonBlank(args.reason)) {
    throw invalid('REASON_REQUIRED', 'Không khen thưởng phải nêu lý do.', 'A refusal needs a reason.', 'reason');
  }
  if (args.batchKey !== undefined && !/^[A-Za-z0-9._:-]{1,100}$/.test(args.batchKey)) {
    throw invalid('BAD_BATCH', 'Mã lô quyết định không hợp lệ.', 'Invalid decision batch key.', 'batchKey');
  }
}
