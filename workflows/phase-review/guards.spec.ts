import { refusal as code } from '../../test/support/refusal';
import { validateCloseReview, validateSubmitReport } from './guards';

const staff = (unitId: string, role: 'CLERK' | 'DECISION_MAKER' | 'REVIEWER' = 'CLERK') => ({ userId: `u.${unitId}`, fullName: 'X', unitId, roles: [role] });
const input = { reviewId: 'r', unitId: 'so-gddt', deadline: '2025-10-31', graceDays: 30 };
const figures = { collectivesCommended: 2, individualsCommended: 10, frontLineCommended: 6, modelsFound: 1, initiatives: 3 };

describe('phase review guards', () => {
  it('takes the unit’s report from its clerk or head, once, with whole figures that add up and an assessment', () => {
    const args = { figures, summary: 'Đánh giá kết quả giai đoạn 2020–2023.', documents: [] };
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, actor: staff('so-gddt') }))).toBe('ACCEPTED');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, actor: staff('so-gddt', 'DECISION_MAKER') }))).toBe('ACCEPTED');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, actor: staff('so-yte') }))).toBe('UNIT_STAFF_REQUIRED');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, actor: staff('so-gddt', 'REVIEWER') }))).toBe('UNIT_STAFF_REQUIRED');
    expect(code(() => validateSubmitReport(input, 'SUBMITTED', { ...args, actor: staff('so-gddt') }))).toBe('REPORT_CLOSED');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, figures: { ...figures, modelsFound: -1 }, actor: staff('so-gddt') }))).toBe('BAD_FIGURE');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, figures: { ...figures, frontLineCommended: 11 }, actor: staff('so-gddt') }))).toBe('BAD_FIGURE');
    expect(code(() => validateSubmitReport(input, 'OPEN', { ...args, summary: 'ngắn', actor: staff('so-gddt') }))).toBe('SUMMARY_REQUIRED');
  });

  it('lets Home Affairs alone close, once', () => {
    expect(code(() => validateCloseReview(false, { actor: staff('so-noi-vu', 'REVIEWER') }, ['so-noi-vu']))).toBe('ACCEPTED');
    expect(code(() => validateCloseReview(false, { actor: staff('so-gddt', 'REVIEWER') }, ['so-noi-vu']))).toBe('HOME_AFFAIRS_REQUIRED');
    expect(code(() => validateCloseReview(true, { actor: staff('so-noi-vu', 'REVIEWER') }, ['so-noi-vu']))).toBe('REVIEW_CLOSED');
  });
});
