import { checkMessageAuth, isUnauthenticated, unauthenticatedError } from '@vinhdanh/domain/common/authenticity';
import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { CHOICE_OF_CODE, eligibleMembers, isRecused, quorumMet } from '@vinhdanh/domain/council';
import type { CastBallotArgs, CastSecretBallotArgs, CloseSessionArgs, DeclareConflictArgs, OpenBallotBoxArgs, TakeBallotsArgs } from './messages';
import type { Conflict, CouncilSessionInput } from '@vinhdanh/domain/ladder/council';

/** Validators of the session's Updates: a refused message records nothing. */

export interface SessionState {
  status: 'OPEN' | 'CLOSED';
  conflicts: Conflict[];
  /** SEALED_V1: members who voted. */
  voted: string[];
  /** BLIND_V2: per nomination, who took a ballot and the hash of the blinded token they sent. */
  holders: Record<string, Record<string, string>>;
  /** BLIND_V2: per nomination, ballots counted (taken from the box, or cast straight in by the former path). */
  cast: Record<string, number>;
  receipts: Set<string>;
  nonces: Set<string>;
}

const blind = (input: CouncilSessionInput) => input.scheme === 'BLIND_V2';
const HEX64 = /^[0-9a-f]{64}$/;

function authentic(args: unknown, state: SessionState, nowMs: number, requireAuth: boolean): void {
  if (isUnauthenticated(args)) throw unauthenticatedError(args);
  const auth = (args as { auth?: CastSecretBallotArgs['auth'] }).auth;
  if (requireAuth || auth) checkMessageAuth(auth, nowMs, state.nonces);
}

function requireOpen(state: SessionState): void {
  if (state.status !== 'OPEN') throw conflict('SESSION_CLOSED', 'Phiên họp đã kết thúc; không nhận thêm phiếu.', 'The session is closed; no more ballots.');
}

function requireMember(input: CouncilSessionInput, userId: string) {
  const member = input.members.find((m) => m.userId === userId);
  if (!member) throw forbidden('NOT_A_MEMBER', 'Bạn không phải thành viên Hội đồng của phiên này.', 'You are not a member of this session’s council.');
  return member;
}

function itemOnList(input: CouncilSessionInput, nominationId: string, field: string) {
  const item = input.items.find((i) => i.nominationId === nominationId);
  if (!item) throw invalid('NOT_ON_LIST', `Hồ sơ ${nominationId} không có trong danh sách của phiên.`, `Nomination ${nominationId} is not on this session’s list.`, field);
  return item;
}

/** SEALED_V1 only: a session opened with blind ballots refuses ballots that carry a member's id. */
export function validateSealedBallot(input: CouncilSessionInput, state: SessionState, args: CastBallotArgs, nowMs: number): void {
  authentic(args, state, nowMs, false);
  if (blind(input)) throw invalid('BLIND_BALLOTS_ONLY', 'Phiên này bỏ phiếu kín bằng phiếu ẩn danh.', 'This session takes anonymous ballots only.');
  requireOpen(state);
  requireMember(input, args.actor.userId);
  if (state.voted.includes(args.actor.userId)) throw conflict('ALREADY_VOTED', 'Bạn đã bỏ phiếu trong phiên này.', 'You have already voted in this session.');
  for (const id of args.coverage) {
    const item = itemOnList(input, id, 'coverage');
    if (isRecused(args.actor.userId, item, state.conflicts)) {
      throw forbidden('RECUSED', `Bạn không được bỏ phiếu cho hồ sơ ${item.nomineeName}.`, `You are recused from voting on ${item.nomineeName}.`);
    }
  }
  const required = input.items.filter((i) => !isRecused(args.actor.userId, i, state.conflicts)).map((i) => i.nominationId);
  const missing = required.filter((id) => !args.coverage.includes(id));
  if (missing.length || new Set(args.coverage).size !== args.coverage.length) {
    throw invalid('BALLOT_INCOMPLETE', `Phiếu phải có đúng một lựa chọn cho mỗi hồ sơ (thiếu ${missing.length}).`, `The ballot must choose once for every nomination (${missing.length} missing).`, 'choices');
  }
  if (!args.sealed || args.sealed.length > 65_536) throw invalid('BAD_BALLOT', 'Phiếu không hợp lệ.', 'Malformed ballot.', 'sealed');
}

export function validateTakeBallots(input: CouncilSessionInput, state: SessionState, args: TakeBallotsArgs, nowMs: number): void {
  authentic(args, state, nowMs, true);
  if (!blind(input)) throw invalid('SEALED_SESSION', 'Phiên này dùng phiếu niêm phong kiểu cũ.', 'This session uses the former sealed ballots.');
  requireOpen(state);
  requireMember(input, args.actor.userId);
  if (!Array.isArray(args.requests) || args.requests.length === 0) throw invalid('REQUESTS_REQUIRED', 'Cần ít nhất một phiếu.', 'Ask for at least one ballot.', 'requests');
  const seen = new Set<string>();
  for (const r of args.requests) {
    const item = itemOnList(input, r.nominationId, 'requests');
    if (seen.has(r.nominationId)) throw invalid('DUPLICATE_REQUEST', 'Mỗi hồ sơ chỉ một phiếu.', 'One ballot per nomination.', 'requests');
    seen.add(r.nominationId);
    if (!HEX64.test(r.blindedHash)) throw invalid('BAD_BALLOT', 'Phiếu không hợp lệ.', 'Malformed ballot request.', 'requests');
    if (isRecused(args.actor.userId, item, state.conflicts)) {
      throw forbidden('RECUSED', `Bạn không được bỏ phiếu cho hồ sơ ${item.nomineeName}.`, `You are recused from voting on ${item.nomineeName}.`);
    }
    const held = state.holders[r.nominationId]?.[args.actor.userId];
    if (held !== undefined && held !== r.blindedHash) {
      throw conflict('BALLOT_ALREADY_TAKEN', `Bạn đã nhận phiếu cho hồ sơ ${item.nomineeName}.`, `You already took the ballot for ${item.nomineeName}.`);
    }
  }
}

export function validateSecretBallot(input: CouncilSessionInput, state: SessionState, args: CastSecretBallotArgs, nowMs: number): void {
  authentic(args, state, nowMs, true);
  requireOpen(state);
  itemOnList(input, args.nominationId, 'nominationId');
  if (!HEX64.test(args.receiptHash)) throw invalid('BAD_BALLOT', 'Phiếu không hợp lệ.', 'Malformed ballot.', 'token');
  if (!(args.choice in CHOICE_OF_CODE)) throw invalid('BAD_CHOICE', 'Lựa chọn không hợp lệ.', 'Unknown choice.', 'choice');
  if (state.receipts.has(args.receiptHash)) throw conflict('ALREADY_VOTED', 'Phiếu này đã được bỏ vào hòm phiếu.', 'This ballot is already in the box.');
  // The box never holds more ballots for a nomination than members took: a minted ballot shows.
  const holders = Object.keys(state.holders[args.nominationId] ?? {}).length;
  if ((state.cast[args.nominationId] ?? 0) >= holders) throw conflict('NO_BALLOT_LEFT', 'Số phiếu đã bằng số phiếu phát ra.', 'As many ballots as were handed out are already in the box.');
}

export function validateOpenBox(input: CouncilSessionInput, state: SessionState, args: OpenBallotBoxArgs, nowMs: number): void {
  authentic(args, state, nowMs, true);
  if (!blind(input)) throw invalid('SEALED_SESSION', 'Phiên này dùng phiếu niêm phong kiểu cũ.', 'This session uses the former sealed ballots.');
  requireOpen(state);
}

export function validateConflict(input: CouncilSessionInput, state: SessionState, args: DeclareConflictArgs, nowMs: number): void {
  authentic(args, state, nowMs, blind(input));
  requireOpen(state);
  requireMember(input, args.actor.userId);
  if (state.voted.includes(args.actor.userId)) throw conflict('ALREADY_VOTED', 'Đã bỏ phiếu, không thể khai báo xung đột.', 'Conflicts must be declared before voting.');
  itemOnList(input, args.nominationId, 'nominationId');
  if (state.holders[args.nominationId]?.[args.actor.userId] !== undefined) {
    throw conflict('BALLOT_ALREADY_TAKEN', 'Đã nhận phiếu cho hồ sơ này; khai báo xung đột trước khi nhận phiếu.', 'You already took the ballot for it; declare conflicts before taking ballots.');
  }
  if (!args.reason?.trim()) throw invalid('REASON_REQUIRED', 'Cần nêu lý do.', 'A reason is required.', 'reason');
}

export function validateClose(input: CouncilSessionInput, state: SessionState, args: CloseSessionArgs, nowMs: number): void {
  authentic(args, state, nowMs, blind(input));
  requireOpen(state);
  if (requireMember(input, args.actor.userId).role !== 'SECRETARY') {
    throw forbidden('SECRETARY_ONLY', 'Chỉ thư ký Hội đồng mới được kết thúc phiên.', 'Only the council secretary may close the session.');
  }
  const short = input.items.filter((i) => {
    const eligible = eligibleMembers(i, input.members, state.conflicts).length;
    const counted = blind(input) ? (state.cast[i.nominationId] ?? 0) : eligibleMembers(i, input.members, state.conflicts).filter((m) => state.voted.includes(m.userId)).length;
    return !quorumMet(input.rules[i.ruleKey], input.members.length, eligible, counted);
  });
  if (short.length) {
    throw conflict('NO_QUORUM_YET', `Chưa đủ số thành viên tham gia biểu quyết cho ${short.length} hồ sơ; chưa thể kết thúc sớm.`, `Quorum not yet reached for ${short.length} nomination(s); cannot close early.`);
  }
}
