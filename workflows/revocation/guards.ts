import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import type { DecideRevocationArgs, RerouteRevocationArgs, RevocationInput, RevocationView } from '@vinhdanh/domain/ladder/revocation';

/** Only the authority that decided the award decides its revocation, and never the recipient. */
export function validateDecideRevocation(input: RevocationInput, view: RevocationView, args: DecideRevocationArgs): void {
  if (view.status !== 'OPEN') throw conflict('CASE_CLOSED', 'Vụ việc thu hồi đã được quyết định.', 'The revocation case is already decided.');
  if (!args.actor.roles.includes('DECISION_MAKER') || args.actor.unitId !== view.decidingUnitId) {
    throw forbidden('NOT_THE_AUTHORITY', 'Chỉ người có thẩm quyền đã quyết định khen thưởng (hoặc cơ quan kế thừa) mới quyết định thu hồi.', 'Only the authority that decided the award (or its successor) decides its revocation.');
  }
  if (input.nomineeAccountUserId && args.actor.userId === input.nomineeAccountUserId) {
    throw forbidden('CONFLICT_OF_INTEREST', 'Bạn là người được khen thưởng trong vụ việc này; bạn phải từ chối tham gia.', 'You are the recipient in this case; you must recuse yourself.');
  }
  if (args.action !== 'REVOKE' && args.action !== 'DISMISS') throw invalid('BAD_ACTION', 'Hành động phải là REVOKE hoặc DISMISS.', 'The action must be REVOKE or DISMISS.', 'action');
  if (typeof args.reason !== 'string' || args.reason.trim().length < 5) throw invalid('REASON_REQUIRED', 'Phải nêu căn cứ, lý do (ít nhất 5 ký tự).', 'State the grounds and reasons (5 characters or more).', 'reason');
}

/** Only an administrator re-routes, only an open case, and only to another unit. */
export function validateRerouteRevocation(view: RevocationView, decided: boolean, args: RerouteRevocationArgs): void {
  if (view.status !== 'OPEN' || decided) throw conflict('CASE_CLOSED', 'Vụ việc thu hồi đã được quyết định.', 'The revocation case is already decided.');
  if (!args.actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới ghi nhận sắp xếp tổ chức.', 'Only an administrator records a reorganisation.');
  if (typeof args.successorUnitId !== 'string' || !args.successorUnitId || args.successorUnitId === view.decidingUnitId) {
    throw invalid('NOTHING_TO_REROUTE', 'Đơn vị kế thừa phải khác đơn vị đang có thẩm quyền.', 'The successor must differ from the authority now in charge.', 'successorUnitId');
  }
}
