import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CloseReviewArgs, SubmitReportArgs, UnitReportStatus } from '@vinhdanh/domain/movement/phase-review';

export const submitReportUpdate = defineUpdate<{ unitId: string; status: UnitReportStatus; late: boolean }, [SubmitReportArgs]>('submitReport');
export const closeReviewUpdate = defineUpdate<{ reviewId: string; closing: boolean }, [CloseReviewArgs]>('closeReview');
/** From the review to its units' tasks: the review closes, a report not sent is missing. */
export const closeReportSignal = defineSignal('closeReport');
