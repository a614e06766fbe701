import type { DataSource } from 'typeorm';
import type { RecordPhaseReviewEventInput } from '@vinhdanh/domain/movement/phase-review';
import { recordPhaseReviewStep, reviewClosing } from '@vinhdanh/persistence/read-model/phase-reviews';

/** One step of a phase review or of a unit's report: projected, audited, told. */
export function recordPhaseReviewEventIn(ds: DataSource, input: RecordPhaseReviewEventInput): Promise<void> {
  return recordPhaseReviewStep(ds.manager, input);
}

/** Whether the review's closing is recorded (what a unit's task checks before trusting a close signal). */
export function phaseReviewClosingIn(ds: DataSource, input: { reviewId: string }): Promise<boolean> {
  return reviewClosing(ds.manager, input.reviewId);
}
