import { conflict, type DomainError } from '../common/errors';
import { nameKey } from '../common/identity';

/**
 * A nominee who bears the actor's own name. Conflicts of interest are found by the hashed personal
 * identification number, so a number typed wrong (by mistake or on purpose) hides the nominee's
 * account: a head could confer an award on himself, a member vote on herself. Accounts carry no
 * year of birth, so the name alone flags (more people than the year would, never fewer), and the
 * actor must say, on the record, that the nominee is not them before they review, decide or take a
 * ballot; if it is them, they stand aside like any nominee.
 */
export function isNamesake(actorFullName: string, nominee: { kind?: string; name: string }): boolean {
  return (nominee.kind ?? 'INDIVIDUAL') !== 'COLLECTIVE' && nameKey(actorFullName) === nameKey(nominee.name);
}

export function namesakeDeclarationRequired(nomineeName: string): DomainError {
  return conflict(
    'NAMESAKE_DECLARATION_REQUIRED',
    `Người được đề nghị “${nomineeName}” trùng họ tên với bạn. Nếu đó không phải là bạn, hãy xác nhận “Tôi không phải người được đề nghị” trên hồ sơ rồi làm lại; nếu là bạn, bạn không được xử lý hồ sơ này.`,
    `The nominee “${nomineeName}” bears your name. If it is not you, confirm “I am not the nominee” on the dossier and try again; if it is you, you may not act on this nomination.`,
  );
}
