import type { PhaseReviewRow, UnitReportRow } from '@vinhdanh/persistence/read-model/phase-reviews';

/** The phase-review endpoints' bodies. */

export interface PhaseReviewList {
  items: PhaseReviewRow[];
}

/** A review with the units' reports the reader may see: every unit for Sở Nội vụ and inspectors, one's own unit otherwise. */
export interface PhaseReviewDetail extends PhaseReviewRow {
  units: UnitReportRow[];
}
