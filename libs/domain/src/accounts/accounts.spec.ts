import { DomainError } from '@vinhdanh/domain/common/errors';
import { checkAccount, checkNotSelf, checkRoles, checkUsername, proposesAndDecides } from './accounts';

const code = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('account rules', () => {
  it('checks roles: known, at least one, none twice', () => {
    expect(checkRoles(['CLERK', 'REVIEWER'])).toEqual(['CLERK', 'REVIEWER']);
    expect(code(() => checkRoles([]))).toBe('ROLES_REQUIRED');
    expect(code(() => checkRoles(['CLERK', 'KING']))).toBe('UNKNOWN_ROLE');
    expect(code(() => checkRoles(['CLERK', 'CLERK']))).toBe('ROLE_REPEATED');
  });

  it('separates proposing from deciding unless an exception of substance is written', () => {
    expect(proposesAndDecides(['CLERK', 'UNIT_HEAD'])).toBe(true);
    expect(proposesAndDecides(['CLERK', 'DECISION_MAKER'])).toBe(true);
    expect(proposesAndDecides(['CLERK', 'REVIEWER'])).toBe(false);
    expect(proposesAndDecides(['DECISION_MAKER', 'UNIT_HEAD'])).toBe(false);
    expect(code(() => checkAccount({ roles: ['CLERK', 'UNIT_HEAD'] }))).toBe('SEPARATION_OF_DUTIES');
    expect(code(() => checkAccount({ roles: ['CLERK', 'UNIT_HEAD'], dutiesException: '   short   ' }))).toBe('SEPARATION_OF_DUTIES');
    expect(checkAccount({ roles: ['CLERK', 'UNIT_HEAD'], dutiesException: 'Đơn vị chỉ có hai cán bộ' })).toEqual(['CLERK', 'UNIT_HEAD']);
  });

  it('keeps administrators out of workflow roles', () => {
    expect(checkAccount({ roles: ['ADMIN'] })).toEqual(['ADMIN']);
    expect(checkAccount({ roles: ['ADMIN', 'AUDITOR'] })).toEqual(['ADMIN', 'AUDITOR']);
    for (const r of ['CLERK', 'REVIEWER', 'DECISION_MAKER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'COUNCIL_SECRETARY']) expect(code(() => checkAccount({ roles: ['ADMIN', r] }))).toBe('ADMIN_WITH_WORKFLOW_ROLE');
  });

  it('gives a scope to auditors and inspectors only', () => {
    expect(checkAccount({ roles: ['AUDITOR'], scopeUnitId: 'ubnd-tinh' })).toEqual(['AUDITOR']);
    expect(checkAccount({ roles: ['INSPECTOR'], scopeUnitId: 'ubnd-tinh' })).toEqual(['INSPECTOR']);
    expect(code(() => checkAccount({ roles: ['REVIEWER'], scopeUnitId: 'ubnd-tinh' }))).toBe('SCOPE_WITHOUT_AUDIT_ROLE');
  });

  it('keeps administrators from changing or switching off themselves', () => {
    expect(code(() => checkNotSelf('a', 'b', 'roles'))).toBe('OK');
    expect(code(() => checkNotSelf('a', 'a', 'roles'))).toBe('SELF_ADMINISTRATION');
    expect(code(() => checkNotSelf('a', 'a', 'deactivate'))).toBe('SELF_ADMINISTRATION');
  });

  it('takes plain lower-case usernames', () => {
    for (const ok of ['vanthu.so-gddt', 'abc', 'a_b-c.d9']) expect(code(() => checkUsername(ok))).toBe('OK');
    for (const bad of ['ab', 'Vanthu', 'văn.thư', '.dot', 'a b c', 'x'.repeat(64)]) expect(code(() => checkUsername(bad))).toBe('BAD_USERNAME');
  });
});
