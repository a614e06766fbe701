import type { MessageAuth } from '../common/authenticity';
import type { Actor, DocumentRef } from '../ladder/nomination';

/**
 * A phase review of a movement (sơ kết, tổng kết): Sở Nội vụ opens it for a phase, every unit gets
 * a report task with a deadline, reminders and escalation, and the reports are aggregated into the
 * provincial report. One parent workflow per review, one child workflow per unit, so a review of
 * hundreds of units keeps every history small.
 */
export type ReviewPhase = 'SO_KET' | 'TONG_KET';

/** The figures a unit reports for the phase. */
export interface ReportFigures {
  /** Collectives the unit commended within its authority during the phase. */
  collectivesCommended: number;
  individualsCommended: number;
  /** Of those individuals, people working directly in production, work or combat (the plan's priority). */
  frontLineCommended: number;
  /** Exemplary models found and fostered (điển hình tiên tiến). */
  modelsFound: number;
  /** Initiatives recognised during the phase. */
  initiatives: number;
}
export const REPORT_FIGURES: (keyof ReportFigures)[] = ['collectivesCommended', 'individualsCommended', 'frontLineCommended', 'modelsFound', 'initiatives'];

export interface PhaseReviewInput {
  reviewId: string;
  movementId: string;
  phase: ReviewPhase;
  titleVi: string;
  /** The last day for units' reports (Vietnam's calendar). */
  deadline: string;
  /** Days after the deadline a report is still taken before the review closes on its own. */
  graceDays: number;
  unitIds: string[];
  openedBy: Actor;
  auth?: MessageAuth;
}

export interface UnitReportInput {
  reviewId: string;
  unitId: string;
  deadline: string;
  graceDays: number;
  auth?: MessageAuth;
}

export type UnitReportStatus = 'OPEN' | 'SUBMITTED' | 'MISSING';

export interface UnitReportResult {
  unitId: string;
  status: Exclude<UnitReportStatus, 'OPEN'>;
  late: boolean;
  figures?: ReportFigures;
}

export interface SubmitReportArgs { figures: ReportFigures; summary: string; documents: DocumentRef[]; actor: Actor; auth?: MessageAuth }
export interface CloseReviewArgs { actor: Actor; auth?: MessageAuth }

export interface ReviewTotals {
  units: number;
  submitted: number;
  late: number;
  missing: number;
  figures: ReportFigures;
}

/** The provincial report: the units' figures added up, and who reported, late or not at all. */
export function aggregateReports(results: UnitReportResult[]): ReviewTotals {
  const figures = Object.fromEntries(REPORT_FIGURES.map((k) => [k, 0])) as unknown as ReportFigures;
  for (const r of results) if (r.figures) for (const k of REPORT_FIGURES) figures[k] += r.figures[k];
  return {
    units: results.length,
    submitted: results.filter((r) => r.status === 'SUBMITTED').length,
    late: results.filter((r) => r.late).length,
    missing: results.filter((r) => r.status === 'MISSING').length,
    figures,
  };
}

export type PhaseReviewEventType = 'PhaseReviewOpened' | 'PhaseReviewClosing' | 'PhaseReviewAggregated' | 'UnitReportOpened' | 'UnitReportReminded' | 'UnitReportOverdue' | 'UnitReportSubmitted' | 'UnitReportMissing';

export interface RecordPhaseReviewEventInput {
  type: PhaseReviewEventType;
  reviewId: string;
  /** The review's own data, when the review is opened. */
  review?: Omit<PhaseReviewInput, 'auth' | 'openedBy'> & { openedBy: string };
  unitId?: string;
  actor?: { userId: string; role: string };
  report?: { figures: ReportFigures; summary: string; documents: DocumentRef[]; late: boolean };
  totals?: ReviewTotals;
}

export interface PhaseReviewActivities {
  recordPhaseReviewEvent(input: RecordPhaseReviewEventInput): Promise<void>;
  /** Whether the review's closing is recorded: a unit's task trusts its close signal only then (a signal can be forged at the frontend). */
  phaseReviewClosing(input: { reviewId: string }): Promise<boolean>;
}

export const PHASE_REVIEW_WORKFLOW_TYPE = 'phaseReviewWorkflow';
export const phaseReviewWorkflowId = (reviewId: string) => `phase-review-${reviewId}`;
export const unitReportWorkflowId = (reviewId: string, unitId: string) => `phase-review-${reviewId}-unit-${unitId}`;
