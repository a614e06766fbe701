import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import type { CastBallotArgs, CloseSessionArgs, DeclareConflictArgs } from './messages';
import { isRecused, quorumReached } from './quorum';
import type { Conflict, CouncilSessionInput } from './types';

/** Validators of the council session's Updates: a refused ballot records nothing. */

interface Live {
  status: 'OPEN' | 'CLOSED';
  voted: string[];
  conflicts: Conflict[];
}

function requireOpen(live: Live): void {
  if (live.status !== 'OPEN') throw conflict('SESSION_CLOSED', 'Phiên họp đã kết thúc; không nhận thêm phiếu.', 'The session is closed; no more ballots.');
}

function requireMember(input: CouncilSessionInput, userId: string) {
  const member = input.members.find((m) => m.userId === userId);
  if (!member) throw forbidden('NOT_A_MEMBER', 'Bạn không phải thành viên Hội đồng của phiên này.', 'You are not a member of this session’s council.');
  return member;
}

export function validateBallot(input: CouncilSessionInput, live: Live, args: CastBallotArgs): void {
  requireOpen(live);
  requireMember(input, args.actor.userId);
  if (live.voted.includes(args.actor.userId)) throw conflict('ALREADY_VOTED', 'Bạn đã bỏ phiếu trong phiên này.', 'You have already voted in this session.');
  const onList = new Set(input.items.map((i) => i.nominationId));
  for (const id of args.coverage) {
    if (!onList.has(id)) throw invalid('NOT_ON_LIST', `Hồ sơ ${id} không có trong danh sách của phiên.`, `Nomination ${id} is not on this session’s list.`, 'coverage');
    const item = input.items.find((i) => i.nominationId === id)!;
    if (isRecused(args.actor.userId, item, live.conflicts)) {
      throw forbidden('RECUSED', `Bạn không được bỏ phiếu cho hồ sơ ${item.nomineeName} (đã tự rút do xung đột lợi ích hoặc là người được đề nghị).`, `You are recused from voting on ${item.nomineeName}.`);
    }
  }
  const required = input.items.filter((i) => !isRecused(args.actor.userId, i, live.conflicts)).map((i) => i.nominationId);
  const missing = required.filter((id) => !args.coverage.includes(id));
  if (missing.length || new Set(args.coverage).size !== args.coverage.length) {
    throw invalid('BALLOT_INCOMPLETE', `Phiếu phải có đúng một lựa chọn cho mỗi hồ sơ (thiếu ${missing.length}).`, `The ballot must choose once for every nomination (${missing.length} missing).`, 'choices');
  }
  if (!args.sealed || args.sealed.length > 65_536) throw invalid('BAD_BALLOT', 'Phiếu không hợp lệ.', 'Malformed ballot.', 'sealed');
}

export function validateConflict(input: CouncilSessionInput, live: Live, args: DeclareConflictArgs): void {
  requireOpen(live);
  requireMember(input, args.actor.userId);
  if (live.voted.includes(args.actor.userId)) throw conflict('ALREADY_VOTED', 'Đã bỏ phiếu, không thể khai báo xung đột.', 'Conflicts must be declared before voting.');
  if (!input.items.some((i) => i.nominationId === args.nominationId)) throw invalid('NOT_ON_LIST', 'Hồ sơ không có trong danh sách.', 'Nomination not on the list.', 'nominationId');
  if (!args.reason?.trim()) throw invalid('REASON_REQUIRED', 'Cần nêu lý do.', 'A reason is required.', 'reason');
}

export function validateClose(input: CouncilSessionInput, live: Live, args: CloseSessionArgs): void {
  requireOpen(live);
  if (requireMember(input, args.actor.userId).role !== 'SECRETARY') {
    throw forbidden('SECRETARY_ONLY', 'Chỉ thư ký Hội đồng mới được kết thúc phiên.', 'Only the council secretary may close the session.');
  }
  const short = input.items.filter((i) => !quorumReached(i, input.rules[i.ruleKey], input.members, live.conflicts, live.voted));
  if (short.length) {
    throw conflict('NO_QUORUM_YET', `Chưa đủ số thành viên tham gia biểu quyết cho ${short.length} hồ sơ; chưa thể kết thúc sớm.`, `Quorum not yet reached for ${short.length} nomination(s); cannot close early.`);
  }
}
