import { forbidden, type DomainError } from '../common/errors';

/**
 * Conflicts of interest (xung đột lợi ích) as a rule of the domain: nobody reviews, votes on or
 * decides a nomination when they are its nominee, a registered relative of the nominee, the clerk
 * who submitted it (for the decision), or have declared a conflict on it. The nominee is known by
 * the hashed personal identification number, never by an id someone typed.
 */
export type ConflictGround = 'NOMINEE' | 'RELATIVE' | 'SUBMITTER' | 'DECLARED';
export type ConflictedAction = 'REVIEW' | 'DECIDE' | 'VOTE';

/** What the API knows of the person acting, read fresh for each action. */
export interface ActorConflictFacts {
  personalIdHash?: string;
  /** Personal-id hashes of the relatives in the actor's register entries. */
  relativeHashes?: string[];
  /** Nominations the actor declared a conflict on. */
  declaredNominationIds?: string[];
}

export interface NominationParties {
  nominationId: string;
  nomineePersonalIdHash?: string;
  /** The nominee's account (found by personal id; in old nominations, typed). */
  nomineeAccountUserId?: string;
  submittedByUserId: string;
}

export function conflictGround(actorUserId: string, facts: ActorConflictFacts | undefined, parties: NominationParties, action: ConflictedAction): ConflictGround | undefined {
  const f = facts ?? {};
  if (parties.nomineeAccountUserId === actorUserId) return 'NOMINEE';
  if (f.personalIdHash && f.personalIdHash === parties.nomineePersonalIdHash) return 'NOMINEE';
  if (parties.nomineePersonalIdHash && f.relativeHashes?.includes(parties.nomineePersonalIdHash)) return 'RELATIVE';
  if (action === 'DECIDE' && parties.submittedByUserId === actorUserId) return 'SUBMITTER';
  if (f.declaredNominationIds?.includes(parties.nominationId)) return 'DECLARED';
  return undefined;
}

export const GROUND_TEXT: Record<ConflictGround, { vi: string; en: string }> = {
  NOMINEE: { vi: 'là người được đề nghị', en: 'is the nominee' },
  RELATIVE: { vi: 'có quan hệ gia đình với người được đề nghị (đã đăng ký)', en: 'is a registered relative of the nominee' },
  SUBMITTER: { vi: 'là người lập hồ sơ đề nghị', en: 'submitted the nomination' },
  DECLARED: { vi: 'đã khai báo xung đột lợi ích với hồ sơ này', en: 'declared a conflict of interest on this nomination' },
};

export function conflictOfInterest(ground: ConflictGround, action: ConflictedAction): DomainError {
  const what = { REVIEW: ['thẩm định', 'review'], DECIDE: ['quyết định', 'decide'], VOTE: ['bỏ phiếu cho', 'vote on'] }[action];
  return forbidden(
    'CONFLICT_OF_INTEREST',
    `Bạn không được ${what[0]} hồ sơ này vì ${GROUND_TEXT[ground].vi}; việc từ chối đã được ghi vào nhật ký kiểm toán.`,
    `You may not ${what[1]} this nomination: you ${GROUND_TEXT[ground].en}. The recusal is recorded in the audit trail.`,
  );
}
