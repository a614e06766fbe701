/** The vocabulary of council voting (Hội đồng Thi đua – Khen thưởng), shared by every layer. */
export type CouncilRole = 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER';
export const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'] as const;
export type Choice = (typeof CHOICES)[number];

/** Exact fractions: 2/3 of 9 is 6, never 5.999…  */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * How a council decides on one award. The current decrees leave thresholds open, so a rule is
 * configuration (docs/council-voting.md); the session records the rule it used.
 */
export interface VotingRule {
  ruleKey: string;
  quorum: Fraction;
  threshold: Fraction & { strict: boolean };
  basis: 'ALL_MEMBERS' | 'PRESENT';
  recusalReducesDenominator: boolean;
  abstainCountsAsPresent: boolean;
  secretBallot: boolean;
  citation: { vi: string; en: string; source?: string }[];
}

export interface SessionMember {
  userId: string;
  fullName: string;
  role: CouncilRole;
}

export interface SessionItem {
  nominationId: string;
  workflowId: string;
  awardCode: string;
  nomineeName: string;
  /** The nominee's account (found by personal identification number), recused from voting on them. */
  nomineeUserId?: string;
  ruleKey: string;
}

export interface Conflict {
  userId: string;
  nominationId: string;
  reason: string;
}

export interface ChoiceCounts {
  agree: number;
  disagree: number;
  abstain: number;
}

/**
 * A secret ballot's choice as it travels: one letter, so every ballot has the same length
 * whatever it says (with the codec's padding, ciphertexts are equal in length too).
 */
export const BALLOT_CODE: Record<Choice, 'A' | 'D' | 'N'> = { AGREE: 'A', DISAGREE: 'D', ABSTAIN: 'N' };
export type BallotCode = (typeof BALLOT_CODE)[Choice];
export const CHOICE_OF_CODE: Record<BallotCode, Choice> = { A: 'AGREE', D: 'DISAGREE', N: 'ABSTAIN' };

export function countChoices(choices: Iterable<Choice>): ChoiceCounts {
  const counts = { agree: 0, disagree: 0, abstain: 0 };
  for (const c of choices) {
    if (c === 'AGREE') counts.agree++;
    else if (c === 'DISAGREE') counts.disagree++;
    else if (c === 'ABSTAIN') counts.abstain++;
  }
  return counts;
}
