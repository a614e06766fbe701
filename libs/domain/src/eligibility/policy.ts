import type { EligibilityPolicy } from './types';

export function defaultEligibilityPolicy(): EligibilityPolicy {
  return {
    ttldttLdttShare: { numerator: 7, denominator: 10 },
    ttldxsLdttShare: { numerator: 7, denominator: 10 },
    giayKhenMinRating: 'HTTNV',
    recruitedMinMonths: 6,
    bkTtgWindowAfterPrerequisite: false,
  };
}

/** ceil(n · p/q) with integers only: 70 % of 10 is exactly 7. */
export function ceilShare(members: number, share: { numerator: number; denominator: number }): number {
  return Math.floor((members * share.numerator + share.denominator - 1) / share.denominator);
}
