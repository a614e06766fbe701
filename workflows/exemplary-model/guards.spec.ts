import type { ModelView } from '@vinhdanh/domain/movement/exemplary-model';
import { nextStage } from '@vinhdanh/domain/movement/exemplary-model';
import { refusal as code } from '../../test/support/refusal';
import { validateAdvanceModel, validateLinkAward, validatePublishModel } from './guards';

const staff = (unitId: string, role: 'CLERK' | 'DECISION_MAKER' | 'REVIEWER' = 'CLERK') => ({ userId: `u.${unitId}`, fullName: 'X', unitId, roles: [role] });
const view = (over: Partial<ModelView> = {}): ModelView => ({ modelId: 'm', unitId: 'so-gddt', stage: 'PHAT_HIEN', stages: [], published: false, awards: [], seq: 1, ...over });
const award = { nominationId: 'n1', awardCode: 'GK_DONVI', decisionNumber: '1/QĐ-SGDĐT' };

describe('exemplary model guards', () => {
  it('goes through the four stages in order, each with what was done', () => {
    expect(['PHAT_HIEN', 'BOI_DUONG', 'TONG_KET', 'NHAN_RONG'].map((s) => nextStage(s as never))).toEqual(['BOI_DUONG', 'TONG_KET', 'NHAN_RONG', undefined]);
    expect(code(() => validateAdvanceModel(view(), { note: 'Bồi dưỡng qua tập huấn chuyên đề.', actor: staff('so-gddt') }))).toBe('ACCEPTED');
    expect(code(() => validateAdvanceModel(view({ stage: 'NHAN_RONG' }), { note: 'Thêm một giai đoạn nữa.', actor: staff('so-gddt') }))).toBe('LAST_STAGE');
    expect(code(() => validateAdvanceModel(view(), { note: 'ngắn', actor: staff('so-gddt') }))).toBe('NOTE_REQUIRED');
    expect(code(() => validateAdvanceModel(view(), { note: 'Bồi dưỡng qua tập huấn chuyên đề.', actor: staff('so-yte') }))).toBe('UNIT_STAFF_REQUIRED');
    expect(code(() => validateAdvanceModel(view(), { note: 'Bồi dưỡng qua tập huấn chuyên đề.', actor: staff('so-gddt', 'REVIEWER') }))).toBe('UNIT_STAFF_REQUIRED');
  });

  it('is published by the unit head once summed up, once', () => {
    expect(code(() => validatePublishModel(view({ stage: 'TONG_KET' }), { actor: staff('so-gddt', 'DECISION_MAKER') }))).toBe('ACCEPTED');
    expect(code(() => validatePublishModel(view({ stage: 'BOI_DUONG' }), { actor: staff('so-gddt', 'DECISION_MAKER') }))).toBe('NOT_SUMMED_UP');
    expect(code(() => validatePublishModel(view({ stage: 'TONG_KET' }), { actor: staff('so-gddt') }))).toBe('HEAD_REQUIRED');
    expect(code(() => validatePublishModel(view({ stage: 'NHAN_RONG', published: true }), { actor: staff('so-gddt', 'DECISION_MAKER') }))).toBe('ALREADY_PUBLISHED');
  });

  it('links an award once', () => {
    expect(code(() => validateLinkAward(view(), { award, actor: staff('so-gddt') }))).toBe('ACCEPTED');
    expect(code(() => validateLinkAward(view({ awards: [award] }), { award, actor: staff('so-gddt') }))).toBe('AWARD_ALREADY_LINKED');
    expect(code(() => validateLinkAward(view(), { award, actor: staff('so-yte') }))).toBe('UNIT_STAFF_REQUIRED');
  });
});
