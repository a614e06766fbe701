import { awardDefinition, isAwardCode } from '@vinhdanh/domain/catalogue';
import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { vietnamDayStartMs, type ApproveRegistrationArgs, type RegistrationInput, type RegistrationView, type ReturnRegistrationArgs, type SetEntriesArgs, type SubmitRegistrationArgs } from '@vinhdanh/domain/movement/registration';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';

/** Entries a registration may hold: a list a unit keeps, not a register of the province. */
export const MAX_ENTRIES = 2000;

const clerkOfUnit = (view: RegistrationView, actor: Actor) => actor.roles.includes('CLERK') && actor.unitId === view.unitId;

/** Only the unit's clerks edit it, and only before it is sent (or once returned). */
export function validateSetEntries(view: RegistrationView, args: SetEntriesArgs): void {
  if (!clerkOfUnit(view, args.actor)) throw forbidden('CLERK_REQUIRED', 'Chỉ văn thư của đơn vị mới lập đăng ký thi đua.', 'Only a clerk of the unit prepares its registration.');
  if (view.status === 'SUBMITTED' || view.status === 'APPROVED') throw conflict('REGISTRATION_LOCKED', 'Đăng ký đã gửi thủ trưởng; chỉ sửa được khi bị trả lại.', 'The registration was sent to the head; it can change only once returned.');
  if (!Array.isArray(args.entries) || args.entries.length > MAX_ENTRIES) throw invalid('TOO_MANY_ENTRIES', `Tối đa ${MAX_ENTRIES} dòng đăng ký.`, `${MAX_ENTRIES} entries at most.`, 'entries');
  if (typeof args.pledge !== 'string' || args.pledge.length > 20_000) throw invalid('BAD_PLEDGE', 'Nội dung giao ước quá dài (tối đa 20.000 ký tự).', 'The pledge is too long (20,000 characters at most).', 'pledge');
  const seen = new Set<string>();
  args.entries.forEach((e, i) => {
    if (!isAwardCode(e.awardCode)) throw invalid('UNKNOWN_AWARD', `Không có danh hiệu ${e.awardCode}.`, `Unknown title ${e.awardCode}.`, `entries.${i}.awardCode`);
    const award = awardDefinition(e.awardCode, `${view.year}-12-31`);
    if (award.kind !== 'TITLE') throw invalid('NOT_A_TITLE', `${award.nameVi} là hình thức khen thưởng, không đăng ký thi đua.`, `${award.nameEn} is a form of commendation; only titles are registered.`, `entries.${i}.awardCode`);
    if (!award.recipientKinds.includes(e.kind)) throw invalid('WRONG_RECIPIENT', `${award.nameVi} không tặng cho đối tượng này.`, `${award.nameEn} is not given to this kind of recipient.`, `entries.${i}.kind`);
    const key = `${e.nomineeKey}|${e.awardCode}`;
    if (seen.has(key)) throw invalid('DUPLICATE_ENTRY', `Dòng ${i + 1}: đã đăng ký danh hiệu này cho người (tập thể) này.`, `Entry ${i + 1}: this title is already registered for this nominee.`, `entries.${i}`);
    seen.add(key);
  });
}

/** The unit's clerk sends it to the head; after the deadline, as the configured rule says. */
export function validateSubmitRegistration(input: RegistrationInput, view: RegistrationView, args: SubmitRegistrationArgs, nowMs: number): void {
  if (!clerkOfUnit(view, args.actor)) throw forbidden('CLERK_REQUIRED', 'Chỉ văn thư của đơn vị mới gửi đăng ký thi đua.', 'Only a clerk of the unit sends its registration.');
  if (view.status === 'SUBMITTED' || view.status === 'APPROVED') throw conflict('REGISTRATION_LOCKED', 'Đăng ký đã được gửi.', 'The registration was already sent.');
  if (!view.entries.length) throw invalid('REGISTRATION_EMPTY', 'Đăng ký chưa có danh hiệu nào.', 'The registration has no title yet.', 'entries');
  if (input.lateRule === 'REFUSE' && pastDeadline(input, nowMs)) {
    throw conflict('REGISTRATION_CLOSED', `Đã hết hạn đăng ký thi đua (${input.deadline}).`, `The registration deadline (${input.deadline}) has passed.`);
  }
}

/** The unit head approves, or returns it with a reason; only what was sent. */
export function validateDecideRegistration(view: RegistrationView, args: ApproveRegistrationArgs | ReturnRegistrationArgs): void {
  if (!args.actor.roles.includes('DECISION_MAKER') || args.actor.unitId !== view.unitId) throw forbidden('HEAD_REQUIRED', 'Chỉ thủ trưởng đơn vị mới duyệt đăng ký thi đua.', 'Only the head of the unit approves its registration.');
  if (view.status !== 'SUBMITTED') throw conflict('NOT_SUBMITTED', 'Đăng ký chưa được gửi để duyệt.', 'The registration has not been sent for approval.');
  if ('reason' in args && (typeof args.reason !== 'string' || args.reason.trim().length < 5)) throw invalid('REASON_REQUIRED', 'Phải nêu lý do trả lại (ít nhất 5 ký tự).', 'Give the reason for returning it (5 characters or more).', 'reason');
}

/** After the deadline day has ended, in Vietnam. */
export function pastDeadline(input: Pick<RegistrationInput, 'deadline'>, nowMs: number): boolean {
  return nowMs >= vietnamDayStartMs(input.deadline) + 86_400_000;
}
