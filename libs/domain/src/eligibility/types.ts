import type { RecipientKind, Rating } from '../common/levels';
import type { AwardCode, Citation } from '../catalogue/types';

export interface NomineeRecord {
  kind: RecipientKind;
  ratings: { year: number; rating: Rating | string }[];
  awards: { code: AwardCode | string; year: number; decisionNumber?: string; decidedOn?: string; source: 'REGISTER' | 'MANUAL'; achievementRef?: string; basis?: 'REGULAR' | 'SUDDEN' | 'THEMATIC' }[];
  initiatives: { year: number; level: 'GRASSROOTS' | 'PROVINCE' | 'NATIONAL' | string; kind: 'INITIATIVE' | 'SCIENCE_TECH' | 'COMBAT_INGENUITY' | string; title: string }[];
  disciplines: { from: string; to?: string; level: 'KHIEN_TRACH' | 'CANH_CAO' | 'HIGHER' | string; underReview?: boolean }[];
  recruitedOn?: string;
  collective?: { year: number; members: number; membersCompletingTasks?: number; ldttCount?: number; cstdcsCount?: number; membersDisciplinedWarningOrAbove?: number }[];
}

export type Outcome = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'CANNOT_DECIDE';
export type CriterionOutcome = 'MET' | 'NOT_MET' | 'UNKNOWN';

export interface CriterionResult {
  id: string;
  outcome: CriterionOutcome;
  descriptionVi: string;
  descriptionEn: string;
  reasonVi: string;
  reasonEn: string;
  facts: Record<string, unknown>;
  citation: Citation[];
  alternative?: string;
}

export interface EligibilityResult {
  award: AwardCode;
  outcome: Outcome;
  catalogueVersion: string;
  proposalYear: number;
  criteria: CriterionResult[];
  guards: CriterionResult[];
  alternativeMet?: string;
  summaryVi: string;
  summaryEn: string;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * Figures law.md marks UNCERTAIN, and choices it leaves open, as configuration with documented
 * defaults (docs/eligibility.md).
 */
export interface EligibilityPolicy {
  /** TTLĐTT: share of members who are LĐTT (Art 28(1) per S18/S19; UNCERTAIN). */
  ttldttLdttShare: Fraction;
  /** TTLĐXS: share of members who are LĐTT (Art 27(1), S17). */
  ttldxsLdttShare: Fraction;
  /** Giấy khen: minimum yearly rating (criteria delegated to provinces, Art 75(2)). */
  giayKhenMinRating: 'HTXSNV' | 'HTTNV';
  /** LĐTT: not for people recruited less than this many months before year end (Circular 01/2024). */
  recruitedMinMonths: number;
  /** Open question 7: must the BK_TTG 5-year window start after the Bằng khen tỉnh? (default: no). */
  bkTtgWindowAfterPrerequisite: boolean;
}

export interface EvaluationRequest {
  award: AwardCode;
  record: NomineeRecord;
  proposalYear: number;
  achievementPeriod: { from: string; to: string };
  achievementRef?: string;
  simplifiedProcedureCase?: number;
  asOf: string;
  policy?: Partial<EligibilityPolicy>;
}
