import { refusal as code } from '../../test/support/refusal';
import type { RegistrationInput, RegistrationView } from '@vinhdanh/domain/movement/registration';
import { MAX_ENTRIES, pastDeadline, validateDecideRegistration, validateSetEntries, validateSubmitRegistration } from './guards';

const clerk = { userId: 'vanthu.so-gddt', fullName: 'Văn thư', unitId: 'so-gddt', roles: ['CLERK' as const] };
const head = { userId: 'thutruong.so-gddt', fullName: 'Thủ trưởng', unitId: 'so-gddt', roles: ['DECISION_MAKER' as const] };
const input: RegistrationInput = { registrationId: 'r', unitId: 'so-gddt', year: 2026, deadline: '2026-03-31', remindDaysBefore: 7, lateRule: 'FLAG', openedBy: clerk };
const view = (over: Partial<RegistrationView> = {}): RegistrationView => ({ registrationId: 'r', unitId: 'so-gddt', year: 2026, status: 'OPEN', deadline: '2026-03-31', lateRule: 'FLAG', late: false, entries: [], pledge: '', seq: 1, ...over });
const entry = (over: Record<string, unknown> = {}) => ({ kind: 'INDIVIDUAL' as const, name: 'Ngô Thị Lan', awardCode: 'CSTDCS', nomineeKey: 'pid:1', ...over });

describe('registration guards', () => {
  it('lets the unit’s clerk set titles, not another unit’s, not once sent', () => {
    expect(code(() => validateSetEntries(view(), { entries: [entry()], pledge: 'Giao ước', actor: clerk }))).toBe('ACCEPTED');
    expect(code(() => validateSetEntries(view(), { entries: [], pledge: '', actor: { ...clerk, unitId: 'so-yte' } }))).toBe('CLERK_REQUIRED');
    expect(code(() => validateSetEntries(view({ status: 'SUBMITTED' }), { entries: [], pledge: '', actor: clerk }))).toBe('REGISTRATION_LOCKED');
    expect(code(() => validateSetEntries(view({ status: 'RETURNED' }), { entries: [entry()], pledge: '', actor: clerk }))).toBe('ACCEPTED');
  });

  it('registers titles only, to the right kind of recipient, once per nominee and title', () => {
    expect(code(() => validateSetEntries(view(), { entries: [entry({ awardCode: 'BK_TINH' })], pledge: '', actor: clerk }))).toBe('NOT_A_TITLE');
    expect(code(() => validateSetEntries(view(), { entries: [entry({ awardCode: 'NOPE' })], pledge: '', actor: clerk }))).toBe('UNKNOWN_AWARD');
    expect(code(() => validateSetEntries(view(), { entries: [entry({ awardCode: 'TTLDTT' })], pledge: '', actor: clerk }))).toBe('WRONG_RECIPIENT');
    expect(code(() => validateSetEntries(view(), { entries: [entry(), entry()], pledge: '', actor: clerk }))).toBe('DUPLICATE_ENTRY');
    expect(code(() => validateSetEntries(view(), { entries: Array.from({ length: MAX_ENTRIES + 1 }, () => entry()), pledge: '', actor: clerk }))).toBe('TOO_MANY_ENTRIES');
    expect(code(() => validateSetEntries(view(), { entries: [], pledge: 'x'.repeat(20_001), actor: clerk }))).toBe('BAD_PLEDGE');
  });

  it('sends a non-empty registration; after the deadline, refused or accepted as the rule says', () => {
    const before = Date.parse('2026-03-31T23:00:00+07:00');
    const after = Date.parse('2026-04-01T00:00:00+07:00');
    expect([pastDeadline(input, before), pastDeadline(input, after)]).toEqual([false, true]);
    expect(code(() => validateSubmitRegistration(input, view(), { actor: clerk }, before))).toBe('REGISTRATION_EMPTY');
    expect(code(() => validateSubmitRegistration(input, view({ entries: [entry()] }), { actor: clerk }, after))).toBe('ACCEPTED');
    expect(code(() => validateSubmitRegistration({ ...input, lateRule: 'REFUSE' }, view({ entries: [entry()] }), { actor: clerk }, after))).toBe('REGISTRATION_CLOSED');
    expect(code(() => validateSubmitRegistration(input, view({ entries: [entry()], status: 'SUBMITTED' }), { actor: clerk }, before))).toBe('REGISTRATION_LOCKED');
    expect(code(() => validateSubmitRegistration(input, view({ entries: [entry()] }), { actor: head }, before))).toBe('CLERK_REQUIRED');
  });

  it('lets the unit head alone approve or return what was sent, a return with its reason', () => {
    expect(code(() => validateDecideRegistration(view({ status: 'SUBMITTED' }), { actor: head }))).toBe('ACCEPTED');
    expect(code(() => validateDecideRegistration(view({ status: 'SUBMITTED' }), { actor: clerk }))).toBe('HEAD_REQUIRED');
    expect(code(() => validateDecideRegistration(view({ status: 'SUBMITTED' }), { actor: { ...head, unitId: 'so-yte' } }))).toBe('HEAD_REQUIRED');
    expect(code(() => validateDecideRegistration(view(), { actor: head }))).toBe('NOT_SUBMITTED');
    expect(code(() => validateDecideRegistration(view({ status: 'SUBMITTED' }), { actor: head, reason: 'ngắn' }))).toBe('REASON_REQUIRED');
    expect(code(() => validateDecideRegistration(view({ status: 'SUBMITTED' }), { actor: head, reason: 'Thiếu giao ước của tổ chuyên môn' }))).toBe('ACCEPTED');
  });
});
