import { DomainError } from '@vinhdanh/domain/common/errors';
import { checkAppointment, checkEndOfTerm, isCurrentMember, type Term } from './membership';

const code = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('council membership', () => {
  const today = '2026-12-08';
  const terms: Term[] = [
    { userId: 'chair', role: 'CHAIR', fromDate: '2024-01-01', toDate: null },
    { userId: 'sec', role: 'SECRETARY', fromDate: '2024-01-01', toDate: '2026-12-31' },
    { userId: 'm1', role: 'MEMBER', fromDate: '2024-01-01', toDate: '2025-12-31' },
  ];

  it('appoints from today on, one chair and one secretary at a time, one term per person at a time', () => {
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'MEMBER', fromDate: today }, today))).toBe('OK');
    expect(code(() => checkAppointment(terms, { userId: 'm1', role: 'MEMBER', fromDate: today }, today))).toBe('OK'); // past term ended
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'KING', fromDate: today }, today))).toBe('UNKNOWN_COUNCIL_ROLE');
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'MEMBER', fromDate: '2026-12-07' }, today))).toBe('DATE_IN_THE_PAST');
    expect(code(() => checkAppointment(terms, { userId: 'chair', role: 'MEMBER', fromDate: today }, today))).toBe('ALREADY_MEMBER');
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'CHAIR', fromDate: today }, today))).toBe('COUNCIL_ROLE_HELD');
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'SECRETARY', fromDate: '2026-12-31' }, today))).toBe('COUNCIL_ROLE_HELD');
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'SECRETARY', fromDate: '2027-01-01' }, today))).toBe('OK');
    expect(code(() => checkAppointment(terms, { userId: 'new', role: 'VICE_CHAIR', fromDate: today }, today))).toBe('OK');
  });

  it('ends a term no earlier than yesterday and not before it began', () => {
    expect(checkEndOfTerm(terms, 'chair', '2026-12-07', today).userId).toBe('chair');
    expect(code(() => checkEndOfTerm(terms, 'chair', '2026-12-06', today))).toBe('DATE_IN_THE_PAST');
    expect(code(() => checkEndOfTerm(terms, 'm1', today, today))).toBe('NOT_A_MEMBER');
    const starting: Term[] = [{ userId: 'x', role: 'MEMBER', fromDate: '2026-12-20', toDate: null }];
    expect(code(() => checkEndOfTerm(starting, 'x', '2026-12-10', today))).toBe('END_BEFORE_START');
    expect(code(() => checkEndOfTerm([{ userId: 'y', role: 'MEMBER', fromDate: today, toDate: null }], 'y', '2026-12-07', today))).toBe('OK');
  });

  it('takes days only as YYYY-MM-DD, and never lengthens a term by ending it', () => {
    for (const bad of ['20261208', '2026-342', '2027', '2026-12', '2026-W50', '2026-12-20T00:00:00Z']) {
      expect(code(() => checkAppointment(terms, { userId: 'new', role: 'MEMBER', fromDate: bad }, today))).toBe('BAD_DATE');
      expect(code(() => checkEndOfTerm(terms, 'chair', bad, today))).toBe('BAD_DATE');
    }
    expect(code(() => checkEndOfTerm(terms, 'sec', '2027-12-31', today))).toBe('TERM_ALREADY_ENDS');
    expect(code(() => checkEndOfTerm(terms, 'sec', '2026-12-20', today))).toBe('OK');
  });

  it('knows who sits on a day', () => {
    expect(isCurrentMember(terms, 'sec', today)).toBe(true);
    expect(isCurrentMember(terms, 'm1', today)).toBe(false);
    expect(isCurrentMember(terms, 'sec', '2027-01-01')).toBe(false);
  });
});
