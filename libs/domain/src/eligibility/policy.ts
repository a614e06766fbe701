import { awardDefinition, isAwardCode } from '../catalogue/catalogue';
import type { EligibilityPolicy, Fraction } from './types';

export function defaultEligibilityPolicy(): EligibilityPolicy {
  return {
    ttldttLdttShare: { numerator: 7, denominator: 10 },
    ttldxsLdttShare: { numerator: 7, denominator: 10 },
    giayKhenMinRating: 'HTTNV',
    recruitedMinMonths: 6,
    bkTtgWindowAfterPrerequisite: false,
    registrationRequiredFor: [],
  };
}

/** ceil(n · p/q) with integers only: 70 % of 10 is exactly 7. */
export function ceilShare(members: number, share: Fraction): number {
  return Math.floor((members * share.numerator + share.denominator - 1) / share.denominator);
}

/** The problems of an ELIGIBILITY_POLICY override, each naming its key: unknown keys and bad values alike. */
export function validateEligibilityPolicy(overrides: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const defaults = defaultEligibilityPolicy();
  const fraction = (v: unknown) => {
    const f = v as Fraction;
    return typeof f === 'object' && f !== null && Number.isInteger(f.numerator) && Number.isInteger(f.denominator) && f.denominator > 0 && f.numerator >= 0 && f.numerator <= f.denominator;
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in defaults)) {
      problems.push(`ELIGIBILITY_POLICY: unknown key "${key}" (known: ${Object.keys(defaults).join(', ')})`);
      continue;
    }
    const ok = {
      ttldttLdttShare: fraction(value),
      ttldxsLdttShare: fraction(value),
      giayKhenMinRating: value === 'HTXSNV' || value === 'HTTNV',
      recruitedMinMonths: Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12,
      bkTtgWindowAfterPrerequisite: typeof value === 'boolean',
      registrationRequiredFor: Array.isArray(value) && value.every((c) => typeof c === 'string' && isAwardCode(c) && awardDefinition(c, '2025-12-31').kind === 'TITLE'),
    }[key as keyof EligibilityPolicy];
    if (!ok) {
      const expected = {
        ttldttLdttShare: 'a fraction {"numerator":n,"denominator":d} between 0 and 1',
        ttldxsLdttShare: 'a fraction {"numerator":n,"denominator":d} between 0 and 1',
        giayKhenMinRating: '"HTXSNV" or "HTTNV"',
        recruitedMinMonths: 'a whole number of months from 1 to 12',
        bkTtgWindowAfterPrerequisite: 'true or false',
        registrationRequiredFor: 'a list of title codes, e.g. ["CSTDCS","LDTT"]',
      }[key as keyof EligibilityPolicy];
      problems.push(`ELIGIBILITY_POLICY: ${key}=${JSON.stringify(value)} must be ${expected}`);
    }
  }
  return problems;
}
