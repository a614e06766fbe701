import type { DataSource } from 'typeorm';
import type { RecordRegistrationEventInput } from '@vinhdanh/domain/movement/registration';
import { Context } from '@temporalio/activity';
import { notifyUnit } from '@vinhdanh/persistence/read-model/outbox';
import { recordRegistrationStep } from '@vinhdanh/persistence/read-model/registrations';

/**
 * One step of a registration: projected and audited (idempotently, by the workflow's numbering), and
 * for the steps people must act on, an in-app notice to them: the head when it is sent, the clerks
 * when it is returned, approved, due soon or overdue.
 */
export async function recordRegistrationEventIn(ds: DataSource, input: RecordRegistrationEventInput): Promise<void> {
  const v = input.view;
  // The id the workflow runs under (keyed, or the former unit-and-year id of one opened before).
  const workflowId = Context.current().info.workflowExecution?.workflowId;
  if (!workflowId) throw new Error('a registration step is recorded by its workflow');
  await recordRegistrationStep(ds.manager, { workflowId, type: input.type, actor: input.actor, view: v, data: input.data });
  const notice = NOTICES[input.type]?.(v);
  if (notice) await notifyUnit(ds.manager, { unitId: v.unitId, key: `registration:${v.registrationId}:${v.seq}`, kind: input.type, ...notice });
}

type Notice = { roles: string[]; subjectVi: string; subjectEn: string; bodyVi: string; bodyEn: string };
const NOTICES: Partial<Record<RecordRegistrationEventInput['type'], (v: RecordRegistrationEventInput['view']) => Notice>> = {
  RegistrationSubmitted: (v) => ({ roles: ['DECISION_MAKER'], subjectVi: `Đăng ký thi đua năm ${v.year} chờ duyệt`, subjectEn: `Registration for ${v.year} awaits approval`, bodyVi: `Văn thư đã gửi đăng ký thi đua năm ${v.year} (${v.entries.length} danh hiệu)${v.late ? ', sau hạn' : ''}. Mở “Đăng ký thi đua” để duyệt.`, bodyEn: `The clerk sent the registration for ${v.year} (${v.entries.length} titles)${v.late ? ', after the deadline' : ''}. Open “Registration” to approve it.` }),
  RegistrationReturned: (v) => ({ roles: ['CLERK'], subjectVi: `Đăng ký thi đua năm ${v.year} bị trả lại`, subjectEn: `Registration for ${v.year} returned`, bodyVi: `Thủ trưởng trả lại: ${v.returnedReason ?? ''}`, bodyEn: `Returned by the head: ${v.returnedReason ?? ''}` }),
  RegistrationApproved: (v) => ({ roles: ['CLERK'], subjectVi: `Đăng ký thi đua năm ${v.year} đã được duyệt`, subjectEn: `Registration for ${v.year} approved`, bodyVi: `Thủ trưởng đã duyệt ${v.entries.length} danh hiệu đăng ký.`, bodyEn: `The head approved ${v.entries.length} registered titles.` }),
  RegistrationReminded: (v) => ({ roles: ['CLERK'], subjectVi: `Sắp hết hạn đăng ký thi đua năm ${v.year}`, subjectEn: `Registration for ${v.year} due soon`, bodyVi: `Hạn gửi đăng ký thi đua là ngày ${v.deadline}.`, bodyEn: `The registration is due on ${v.deadline}.` }),
  RegistrationOverdue: (v) => ({ roles: ['CLERK', 'DECISION_MAKER'], subjectVi: `Quá hạn đăng ký thi đua năm ${v.year}`, subjectEn: `Registration for ${v.year} overdue`, bodyVi: `Đơn vị chưa gửi đăng ký thi đua; hạn là ngày ${v.deadline}${v.lateRule === 'REFUSE' ? ' và đăng ký muộn không được nhận' : '; đăng ký muộn sẽ được ghi là muộn'}.`, bodyEn: `The unit has not sent its registration; it was due on ${v.deadline}${v.lateRule === 'REFUSE' ? ' and a late one is not accepted' : '; a late one is marked late'}.` }),
};
