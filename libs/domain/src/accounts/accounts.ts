import { invalid, forbidden } from '@vinhdanh/domain/common/errors';
import { ROLES, type Role } from '@vinhdanh/domain/ladder/nomination';

/**
 * The rules an account must keep, whoever edits it (docs/accounts.md). Pure: the API applies them
 * before anything is written, and the tests read them without a database.
 */

/** Usernames are the account's id for ever (acts stay attributed to it), so they are plain and lower-case. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,62}$/;

/** Whoever proposes (the clerk who files the dossier) … */
export const PROPOSING_ROLES: readonly Role[] = ['CLERK'];
/** … must not also decide for the same unit: commendation must be accurate, public, transparent and fair (Law 06/2022 Art 5(2)), and the plan asks for inspection against abuse. Separation of duties is our reading of both, not a rule the Law states in these words. */
export const DECIDING_ROLES: readonly Role[] = ['DECISION_MAKER', 'UNIT_HEAD'];
/** Roles that act in workflows: an administrator holds none of them, so administering accounts never becomes acting in a nomination or a council. */
export const WORKFLOW_ROLES: readonly Role[] = ['CLERK', 'REVIEWER', 'DECISION_MAKER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'COUNCIL_SECRETARY'];
/** Only auditors and inspectors read across units; the scope is theirs alone. */
export const SCOPED_ROLES: readonly Role[] = ['AUDITOR', 'INSPECTOR'];

/** How long a one-time link stays usable: an invitation a few days, a reset one day. */
export const LINK_LIFETIME_HOURS = { INVITE: 72, RESET: 24 } as const;
export type LinkPurpose = keyof typeof LINK_LIFETIME_HOURS;

export interface AccountShape {
  roles: string[];
  scopeUnitId?: string | null;
  /** Why this person may both propose and decide for their unit; audited with the account. */
  dutiesException?: string | null;
}

/** The roles as given, checked: known codes, at least one, none twice. */
export function checkRoles(roles: string[]): Role[] {
  if (!roles.length) throw invalid('ROLES_REQUIRED', 'Tài khoản cần ít nhất một vai trò.', 'An account needs at least one role.', 'roles');
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw invalid('UNKNOWN_ROLE', `Vai trò không có: ${unknown.join(', ')}.`, `Unknown role: ${unknown.join(', ')}.`, 'roles');
  if (new Set(roles).size !== roles.length) throw invalid('ROLE_REPEATED', 'Một vai trò được ghi hai lần.', 'A role is listed twice.', 'roles');
  return roles as Role[];
}

/** Whether the roles let one person both propose and decide for their unit. */
export function proposesAndDecides(roles: readonly string[]): boolean {
  return roles.some((r) => PROPOSING_ROLES.includes(r as Role)) && roles.some((r) => DECIDING_ROLES.includes(r as Role));
}

/**
 * An account's shape, checked: roles, the auditor's scope, and separation of duties, which only an
 * explicit written exception (audited) may set aside.
 */
export function checkAccount(a: AccountShape): Role[] {
  const roles = checkRoles(a.roles);
  if (roles.includes('ADMIN') && roles.some((r) => WORKFLOW_ROLES.includes(r))) {
    throw invalid('ADMIN_WITH_WORKFLOW_ROLE', 'Quản trị hệ thống không kiêm vai trò xử lý hồ sơ hay Hội đồng; hãy dùng hai tài khoản.', 'An administrator holds no role that acts on dossiers or in councils; use two accounts.', 'roles');
  }
  if (a.scopeUnitId && !roles.some((r) => SCOPED_ROLES.includes(r))) {
    throw invalid('SCOPE_WITHOUT_AUDIT_ROLE', 'Chỉ kiểm soát viên, thanh tra mới có phạm vi.', 'Only auditors and inspectors have a scope.', 'scopeUnitId');
  }
  if (proposesAndDecides(roles) && !(a.dutiesException && a.dutiesException.trim().length >= 10)) {
    throw invalid(
      'SEPARATION_OF_DUTIES',
      'Một người không được vừa lập hồ sơ đề nghị vừa quyết định khen thưởng cho cùng đơn vị; nếu bắt buộc, ghi rõ lý do ngoại lệ (ít nhất 10 ký tự).',
      'One person may not both propose and decide for the same unit; if it cannot be avoided, state the exception (at least 10 characters).',
      'dutiesException',
    );
  }
  return roles;
}

/** An administrator does not widen their own powers or switch themselves off: another administrator does. */
export function checkNotSelf(actorId: string, accountId: string, what: 'roles' | 'deactivate'): void {
  if (actorId !== accountId) return;
  throw what === 'roles'
    ? forbidden('SELF_ADMINISTRATION', 'Quản trị không tự đổi vai trò, đơn vị, phạm vi của mình; việc này do một quản trị khác làm.', 'Administrators do not change their own roles, unit or scope; another administrator does.')
    : forbidden('SELF_ADMINISTRATION', 'Quản trị không tự vô hiệu hóa tài khoản của mình.', 'Administrators do not deactivate their own account.');
}

export function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw invalid('BAD_USERNAME', 'Tên đăng nhập gồm 3–63 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.', 'A username is 3–63 characters: lower-case letters without diacritics, digits, dot, hyphen, underscore.', 'username');
  }
}
