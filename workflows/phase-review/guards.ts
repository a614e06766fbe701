import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { REPORT_FIGURES, type CloseReviewArgs, type SubmitReportArgs, type UnitReportInput, type UnitReportStatus } from '@vinhdanh/domain/movement/phase-review';

/** The unit's clerk or head reports, once, whole numbers that add up, before the review closes. */
export function validateSubmitReport(input: UnitReportInput, status: UnitReportStatus, args: SubmitReportArgs): void {
  if (status !== 'OPEN') throw conflict('REPORT_CLOSED', 'Báo cáo của đơn vị đã gửi hoặc đợt sơ kết, tổng kết đã đóng.', 'The unit’s report was sent, or the review is closed.');
  if (args.actor.unitId !== input.unitId || !(args.actor.roles.includes('CLERK') || args.actor.roles.includes('DECISION_MAKER'))) {
    throw forbidden('UNIT_STAFF_REQUIRED', 'Chỉ văn thư hoặc thủ trưởng của đơn vị mới gửi báo cáo của đơn vị.', 'Only the unit’s clerk or head sends its report.');
  }
  for (const k of REPORT_FIGURES) {
    const v = args.figures?.[k];
    if (!Number.isInteger(v) || v < 0 || v > 1_000_000) throw invalid('BAD_FIGURE', 'Số liệu phải là số nguyên không âm.', 'Figures must be whole numbers, not negative.', `figures.${k}`);
  }
  if (args.figures.frontLineCommended > args.figures.individualsCommended) {
    throw invalid('BAD_FIGURE', 'Số người trực tiếp lao động được khen không thể lớn hơn số cá nhân được khen.', 'Front-line individuals commended cannot exceed the individuals commended.', 'figures.frontLineCommended');
  }
  if (typeof args.summary !== 'string' || args.summary.trim().length < 10 || args.summary.length > 50_000) {
    throw invalid('SUMMARY_REQUIRED', 'Cần phần đánh giá kết quả (ít nhất 10 ký tự).', 'The report needs its assessment (10 characters or more).', 'summary');
  }
}

/** Sở Nội vụ (a reviewer of the provincial home-affairs department) closes the review and aggregates. */
export function validateCloseReview(closing: boolean, args: CloseReviewArgs, homeAffairsUnitIds: string[]): void {
  if (closing) throw conflict('REVIEW_CLOSED', 'Đợt sơ kết, tổng kết đã đóng.', 'The review is already closed.');
  if (!args.actor.roles.includes('REVIEWER') || !homeAffairsUnitIds.includes(args.actor.unitId)) {
    throw forbidden('HOME_AFFAIRS_REQUIRED', 'Chỉ Sở Nội vụ (Ban Thi đua - Khen thưởng) mới đóng và tổng hợp đợt sơ kết, tổng kết.', 'Only the Department of Home Affairs closes and aggregates a review.');
  }
}
