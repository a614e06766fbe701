import { conflict, invalid } from '@vinhdanh/domain/common/errors';
import type { CouncilRole } from './types';

/**
 * Who sits on a council, and when (docs/council-voting.md, "Membership"). A session takes the
 * members of the day it opens, so appointments and ends of term are dated and never rewrite a day
 * already past: who could vote in a session held yesterday stays as it was.
 */
export const COUNCIL_ROLES: readonly CouncilRole[] = ['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'];
/** Roles one person holds at a time in a council: one chair, one secretary. */
const SINGLE: readonly CouncilRole[] = ['CHAIR', 'SECRETARY'];

export interface Term {
  userId: string;
  role: CouncilRole;
  fromDate: string;
  toDate: string | null;
}

const current = (t: Term, on: string) => t.fromDate <= on && (t.toDate === null || t.toDate >= on);

/** A calendar day as the terms hold it, YYYY-MM-DD: the comparisons here are on these strings. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks an appointment from `fromDate` against the terms recorded; `today` is Vietnam's date. */
export function checkAppointment(terms: Term[], a: { userId: string; role: string; fromDate: string }, today: string): CouncilRole {
  if (!DAY.test(a.fromDate)) throw invalid('BAD_DATE', 'Ngày phải viết YYYY-MM-DD.', 'A day is written YYYY-MM-DD.', 'fromDate');
  if (!(COUNCIL_ROLES as readonly string[]).includes(a.role)) {
    throw invalid('UNKNOWN_COUNCIL_ROLE', `Vai trò trong Hội đồng không có: ${a.role}.`, `No such council role: ${a.role}.`, 'role');
  }
  if (a.fromDate < today) throw invalid('DATE_IN_THE_PAST', 'Ngày bắt đầu không được trước hôm nay: thành phần các phiên đã họp không đổi.', 'The first day may not be before today: who sat in past sessions does not change.', 'fromDate');
  const role = a.role as CouncilRole;
  // Overlapping terms of the same person, or a second holder of a single role on any day of the new term.
  const overlaps = (t: Term) => t.toDate === null || t.toDate >= a.fromDate;
  if (terms.some((t) => t.userId === a.userId && overlaps(t))) throw conflict('ALREADY_MEMBER', 'Người này đang (hoặc sẽ) là thành viên Hội đồng; kết thúc nhiệm kỳ cũ trước.', 'This person is (or will be) a member already; end that term first.');
  if (SINGLE.includes(role) && terms.some((t) => t.role === role && overlaps(t))) {
    throw conflict('COUNCIL_ROLE_HELD', `Hội đồng đã có ${role === 'CHAIR' ? 'Chủ tịch' : 'Thư ký'}; kết thúc nhiệm kỳ của người đang giữ trước.`, `The council already has a ${role === 'CHAIR' ? 'chair' : 'secretary'}; end that term first.`);
  }
  return role;
}

/** Checks the end of a member's term: the last day they sit, not before yesterday (today's sessions may have begun with them). */
export function checkEndOfTerm(terms: Term[], userId: string, lastDay: string, today: string): Term {
  if (!DAY.test(lastDay)) throw invalid('BAD_DATE', 'Ngày phải viết YYYY-MM-DD.', 'A day is written YYYY-MM-DD.', 'lastDay');
  const open = terms.find((t) => t.userId === userId && (t.toDate === null || t.toDate >= today));
  if (!open) throw conflict('NOT_A_MEMBER', 'Người này không đang là thành viên Hội đồng.', 'This person is not a member of the council.');
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (lastDay < yesterday) throw invalid('DATE_IN_THE_PAST', 'Ngày cuối không được trước hôm qua: thành phần các phiên đã họp không đổi.', 'The last day may not be before yesterday: who sat in past sessions does not change.', 'lastDay');
  if (open.toDate !== null && lastDay > open.toDate) {
    throw invalid('TERM_ALREADY_ENDS', `Nhiệm kỳ đã định kết thúc ngày ${open.toDate}; không kéo dài bằng cách này — bổ nhiệm nhiệm kỳ mới.`, `The term already ends on ${open.toDate}; it is not lengthened this way: appoint a new term.`, 'lastDay');
  }
  if (lastDay < open.fromDate && !(lastDay === yesterday && open.fromDate === today)) {
    throw invalid('END_BEFORE_START', 'Ngày cuối trước ngày bắt đầu nhiệm kỳ.', 'The last day is before the term began.', 'lastDay');
  }
  return open;
}

export const isCurrentMember = (terms: Term[], userId: string, on: string): boolean => terms.some((t) => t.userId === userId && current(t, on));
