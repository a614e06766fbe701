import type { RevocationInput, RevocationView } from '@vinhdanh/domain/ladder/revocation';
import { refusal } from '../../test/support/refusal';
import { validateDecideRevocation, validateRerouteRevocation } from './guards';

const input = { caseId: 'c1', decidingUnitId: 'ubnd-tinh', nomineeAccountUserId: 'recipient' } as RevocationInput;
const open: RevocationView = { caseId: 'c1', status: 'OPEN', decidingUnitId: 'ubnd-tinh' };
const chairman = { userId: 'chutich', fullName: 'Chủ tịch', unitId: 'ubnd-tinh', roles: ['DECISION_MAKER' as const] };
const decide = (view: RevocationView, args: object) => refusal(() => validateDecideRevocation(input, view, { actor: chairman, action: 'REVOKE', reason: 'Kê khai gian dối thành tích', ...args } as never));

describe('deciding a revocation', () => {
  it('the authority that decided the award revokes or dismisses, with its grounds', () => {
    expect(decide(open, {})).toBe('ACCEPTED');
    expect(decide(open, { action: 'DISMISS' })).toBe('ACCEPTED');
  });
  it('refuses another authority, the recipient, a decided case, an unknown action and a missing reason', () => {
    expect(decide(open, { actor: { ...chairman, unitId: 'so-gddt' } })).toBe('NOT_THE_AUTHORITY');
    expect(decide(open, { actor: { ...chairman, roles: ['REVIEWER'] } })).toBe('NOT_THE_AUTHORITY');
    expect(decide(open, { actor: { ...chairman, userId: 'recipient' } })).toBe('CONFLICT_OF_INTEREST');
    expect(decide({ ...open, status: 'REVOKED' }, {})).toBe('CASE_CLOSED');
    expect(decide(open, { action: 'PARDON' })).toBe('BAD_ACTION');
    expect(decide(open, { reason: 'x' })).toBe('REASON_REQUIRED');
  });
});

describe('handing a case to a successor authority', () => {
  const admin = { userId: 'quantri', fullName: 'Quản trị', unitId: 'ubnd-tinh', roles: ['ADMIN' as const] };
  const reroute = (view: RevocationView, decided: boolean, args: object) =>
    refusal(() => validateRerouteRevocation(view, decided, { actor: admin, successorUnitId: 'ubnd-tinh-moi', reasonVi: 'Sáp nhập', reasonEn: 'Merger', ...args } as never));

  it('an administrator moves an open case to another unit', () => {
    expect(reroute(open, false, {})).toBe('ACCEPTED');
  });
  it('refuses a decided case (or one being decided), anyone but an administrator, and a move to the same unit', () => {
    expect(reroute({ ...open, status: 'DISMISSED' }, false, {})).toBe('CASE_CLOSED');
    expect(reroute(open, true, {})).toBe('CASE_CLOSED');
    expect(reroute(open, false, { actor: chairman })).toBe('ROLE_REQUIRED');
    expect(reroute(open, false, { successorUnitId: 'ubnd-tinh' })).toBe('NOTHING_TO_REROUTE');
  });
});
