import type { RecipientKind, Rating } from '../common/levels';
import type { AwardCode, Citation, CriterionDefinition } from '../catalogue/types';

export interface NomineeRecord {
  kind: RecipientKind;
  ratings: { year: number; rating: Rating | string }[];
  /** Awards; a revoked one is not in the record the engine reads. */
  awards: { code: AwardCode | string; year: number; decisionNumber?: string; /** The issuing authority: a number is only unique with it. */ issuer?: string; decidedOn?: string; source: 'REGISTER' | 'MANUAL'; achievementRef?: string; basis?: 'REGULAR' | 'SUDDEN' | 'THEMATIC' }[];
  initiatives: { year: number; level: 'GRASSROOTS' | 'PROVINCE' | 'NATIONAL' | string; kind: 'INITIATIVE' | 'SCIENCE_TECH' | 'COMBAT_INGENUITY' | string; title: string }[];
  disciplines: { from: string; to?: string; level: 'KHIEN_TRACH' | 'CANH_CAO' | 'HIGHER' | string; underReview?: boolean }[];
  recruitedOn?: string;
  collective?: { year: number; members: number; membersCompletingTasks?: number; ldttCount?: number; cstdcsCount?: number; membersDisciplinedWarningOrAbove?: number; /** Whether it led its cluster or block that year, and who organised it. */ clusterLedBy?: ClusterOrganiser | 'NONE' }[];
  /** Years a collective led an emulation cluster or block, and who organised it. */
  clusterLeadership?: { year: number; organisedBy: ClusterOrganiser }[];
  /** Titles registered for, with the registration approved by the unit head (đăng ký thi đua). */
  registrations?: { year: number; code: string; late: boolean }[];
}

/** Who organises an emulation cluster or block (cụm, khối thi đua). */
export type ClusterOrganiser = 'PROVINCE' | 'MINISTRY' | 'CENTRAL';
export const CLUSTER_ORGANISERS: readonly ClusterOrganiser[] = ['PROVINCE', 'MINISTRY', 'CENTRAL'];

export type Outcome = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'CANNOT_DECIDE' | 'REVIEWER_JUDGES';
export type CriterionOutcome = 'MET' | 'NOT_MET' | 'UNKNOWN' | 'REVIEWER_JUDGES';

export interface CriterionResult {
  id: string;
  outcome: CriterionOutcome;
  judgedBy: CriterionDefinition['judgedBy'];
  oneOf?: CriterionDefinition['oneOf'];
  descriptionVi: string;
  descriptionEn: string;
  reasonVi: string;
  reasonEn: string;
  facts: Record<string, unknown>;
  citation: Citation[];
}

/** An alternative group of the law ("one of"): the options, and the one that is met. */
export interface GroupResult {
  group: string;
  outcome: CriterionOutcome;
  options: { option: string; label: { vi: string; en: string }; outcome: CriterionOutcome; criteria: string[] }[];
  met?: string;
}

export interface EligibilityResult {
  award: AwardCode;
  outcome: Outcome;
  catalogueVersion: string;
  proposalYear: number;
  criteria: CriterionResult[];
  groups: GroupResult[];
  guards: CriterionResult[];
  /** The alternative the engine found met, in both languages (e.g. "Điều 74(1)(d) titles"). */
  alternativeMet?: { vi: string; en: string };
  /** Criteria left to the reviewer's written judgement, by id. */
  reviewerJudges: string[];
  summaryVi: string;
  summaryEn: string;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * Figures the sources leave uncertain, and choices they leave open, as configuration with
 * documented defaults (docs/eligibility.md). Validated at start (validateEligibilityPolicy).
 */
export interface EligibilityPolicy {
  /** TTLĐTT: share of members who are LĐTT (Art 28(1) as quoted; primary text not verified). */
  ttldttLdttShare: Fraction;
  /** TTLĐXS: share of members who are LĐTT (Art 27(1)). */
  ttldxsLdttShare: Fraction;
  /** Giấy khen: minimum yearly rating (criteria delegated to provinces, Art 75(2)). */
  giayKhenMinRating: 'HTXSNV' | 'HTTNV';
  /** LĐTT: not for people recruited less than this many months before year end (Circular 01/2024). */
  recruitedMinMonths: number;
  /** Must the BK_TTG five-year run start after the provincial Bằng khen? (the text does not say; default no). */
  bkTtgWindowAfterPrerequisite: boolean;
  /** Titles judged only for nominees who registered for them that year (đăng ký thi đua); none by default. */
  registrationRequiredFor: string[];
}

export interface EvaluationRequest {
  award: AwardCode;
  record: NomineeRecord;
  proposalYear: number;
  achievementPeriod: { from: string; to: string };
  achievementRef?: string;
  simplifiedProcedureCase?: number;
  posthumous?: boolean;
  asOf: string;
  policy?: Partial<EligibilityPolicy>;
}
