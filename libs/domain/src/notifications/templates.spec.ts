import type { NominationEvent } from '../ladder/events';
import type { NominationView, OpenTask } from '../ladder/nomination';
import { planNotification } from './templates';

const ctx = { nomineeName: 'Trần Thị Bích Ngọc', awardNameVi: 'Giấy khen', awardNameEn: 'Certificate of Merit', submittingUnitId: 'so-gddt' };
const task: OpenTask = { key: 'UNIT:REVIEW:0', kind: 'REVIEW', level: 'UNIT', unitId: 'so-gddt', role: 'REVIEWER', dueAt: '2025-12-20T10:00:00.000Z' };
const view = (t?: OpenTask): NominationView => ({ nominationId: 'n1', status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW', lastSeq: 3, task: t });
const event = <E extends NominationEvent>(e: Omit<E, 'seq' | 'level' | 'at'>): NominationEvent => ({ seq: 3, level: 'UNIT', at: '2025-12-01T00:00:00.000Z', ...e }) as NominationEvent;

describe('notification templates', () => {
  it('a new task goes to the task’s unit and role, in Vietnamese with the deadline and in English', () => {
    const plan = planNotification(event({ type: 'ReviewRequested', data: { task } }), view(task), ctx)!;
    expect(plan.kind).toBe('TASK_ASSIGNED');
    expect(plan.recipients).toEqual([{ unitId: 'so-gddt', role: 'REVIEWER' }]);
    expect(plan.subjectVi).toBe('Nhiệm vụ mới: Trần Thị Bích Ngọc — Giấy khen');
    expect(plan.bodyVi).toContain('thẩm định');
    expect(plan.bodyVi).toContain('hạn 2025-12-20T10:00:00.000Z');
    expect(plan.subjectEn).toBe('New task: Trần Thị Bích Ngọc — Certificate of Merit');
  });

  it('a task event without an open task (it closed meanwhile) notifies nobody', () => {
    expect(planNotification(event({ type: 'DecisionRequested', data: { task } }), view(undefined), ctx)).toBeUndefined();
  });

  it('supplements go to the submitting unit’s clerks with the list and the deadline', () => {
    const plan = planNotification(event({ type: 'SupplementRequested', data: { items: ['Biên bản họp', 'Báo cáo'], deadline: '2025-12-10', task } }), view(task), ctx)!;
    expect(plan.recipients).toEqual([{ unitId: 'so-gddt', role: 'CLERK' }]);
    expect(plan.bodyVi).toBe('Cần bổ sung: Biên bản họp; Báo cáo. Hạn: 2025-12-10.');
    expect(plan.bodyEn).toBe('Please supply: Biên bản họp; Báo cáo. Deadline: 2025-12-10.');
  });

  it('a reminder goes to the task’s assignee; an escalation to the head of the unit it names', () => {
    expect(planNotification(event({ type: 'ReviewReminderSent', data: { task, dueAt: task.dueAt } }), view(task), ctx)!.recipients).toEqual([{ unitId: 'so-gddt', role: 'REVIEWER' }]);
    const escalation = planNotification(event({ type: 'ReviewEscalated', data: { task, toUnitId: 'so-gddt', toRole: 'UNIT_HEAD' } }), view(task), ctx)!;
    expect(escalation).toMatchObject({ kind: 'ESCALATION', recipients: [{ unitId: 'so-gddt', role: 'UNIT_HEAD' }] });
  });

  it('the decision and the endings tell the clerk, with the number or the reason', () => {
    const decided = planNotification(event({ type: 'DecisionIssued', data: { decisionId: 'd', number: '12/QĐ-SGDĐT', issuedOn: '2025-12-15' } }), view(), ctx)!;
    expect(decided.bodyVi).toBe('Quyết định số 12/QĐ-SGDĐT ngày 2025-12-15.');
    // With its issuer, the number identifies the decision (numbers repeat across issuers).
    const named = planNotification(event({ type: 'DecisionIssued', data: { decisionId: 'd', number: '1/QĐ-UBND', issuedOn: '2026-01-10', issuerNameVi: 'UBND tỉnh Lâm Đồng', issuerNameEn: "Lâm Đồng Provincial People's Committee" } }), view(), ctx)!;
    expect([named.bodyVi, named.bodyEn]).toEqual(['Quyết định số 1/QĐ-UBND ngày 2026-01-10 của UBND tỉnh Lâm Đồng.', "Decision No. 1/QĐ-UBND of 2026-01-10, issued by Lâm Đồng Provincial People's Committee."]);
    const rejected = planNotification(event({ type: 'NominationRejected', reason: 'Không đủ minh chứng', data: {} }), view(), ctx)!;
    expect(rejected).toMatchObject({ kind: 'REJECTED', subjectVi: 'Hồ sơ không được chấp thuận: Trần Thị Bích Ngọc — Giấy khen', bodyEn: 'Reason: Không đủ minh chứng' });
    expect(planNotification(event({ type: 'NominationExpired', reason: 'Quá hạn', data: {} }), view(), ctx)!.kind).toBe('EXPIRED');
  });

  it('a public comment asks the reviewer holding the posting task to answer it', () => {
    const posting: OpenTask = { ...task, kind: 'POSTING' };
    const plan = planNotification(event({ type: 'PublicCommentReceived', data: { commentId: 'PROVINCE-1', text: 't', authorName: null, level: 'PROVINCE' } }), view(posting), ctx)!;
    expect(plan).toMatchObject({ kind: 'PUBLIC_COMMENT', recipients: [{ unitId: 'so-gddt', role: 'REVIEWER' }] });
    expect(plan.bodyVi).toContain('PROVINCE-1');
  });

  it('facts nobody waits on notify nobody', () => {
    for (const e of [
      event({ type: 'ReviewApproved', data: { justification: null } }),
      event({ type: 'NominationWithdrawn', data: {} }),
      event({ type: 'ProposalForwarded', data: { from: 'UNIT', to: 'PROVINCE' } }),
    ]) {
      expect(planNotification(e, view(task), ctx)).toBeUndefined();
    }
  });
});
