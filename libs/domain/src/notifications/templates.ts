import type { NominationView } from '@vinhdanh/domain/ladder/nomination';
import type { NominationEvent } from '@vinhdanh/domain/ladder/events';
import { unhandledEvent } from '@vinhdanh/domain/ladder/events';

/** Who should hear about an event, and what they read (Vietnamese first, English alongside). */
export interface NotificationPlan {
  kind: string;
  recipients: { unitId: string; role: string }[];
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
  /** One notice per nomination, recipient and clock hour: the first of the hour stands for the rest (a digest). */
  digestPerHour?: boolean;
}

interface Context {
  nomineeName: string;
  awardNameVi: string;
  awardNameEn: string;
  submittingUnitId: string;
}

export function planNotification(event: NominationEvent, view: NominationView, ctx: Context): NotificationPlan | undefined {
  const who = `${ctx.nomineeName} — ${ctx.awardNameVi}`;
  const whoEn = `${ctx.nomineeName} — ${ctx.awardNameEn}`;
  const task = view.task;
  const clerk = [{ unitId: ctx.submittingUnitId, role: 'CLERK' }];
  switch (event.type) {
    case 'ReviewRequested':
    case 'DecisionRequested':
    case 'CouncilVoteRequested':
    case 'PublicPostingStarted':
    case 'NominationRerouted':
      if (!task) return undefined;
      return {
        kind: 'TASK_ASSIGNED',
        recipients: [{ unitId: task.unitId, role: task.role }],
        subjectVi: `Nhiệm vụ mới: ${who}`,
        subjectEn: `New task: ${whoEn}`,
        bodyVi: `Hồ sơ đề nghị ${who} đang chờ ${taskVi(task.kind)} ở cấp ${event.level}${task.dueAt ? `, hạn ${task.dueAt}` : ''}.`,
        bodyEn: `The nomination ${whoEn} awaits ${task.kind.toLowerCase()} at ${event.level} level${task.dueAt ? `, due ${task.dueAt}` : ''}.`,
      };
    case 'SupplementRequested': {
      const items = (event.data.items ?? []).join('; ');
      return {
        kind: 'SUPPLEMENT_REQUESTED',
        recipients: clerk,
        subjectVi: `Yêu cầu bổ sung hồ sơ: ${who}`,
        subjectEn: `Supplements requested: ${whoEn}`,
        bodyVi: `Cần bổ sung: ${items}. Hạn: ${event.data.deadline}.`,
        bodyEn: `Please supply: ${items}. Deadline: ${event.data.deadline}.`,
      };
    }
    case 'ReviewReminderSent': {
      const t = event.data.task;
      return {
        kind: 'REMINDER',
        recipients: [{ unitId: t.unitId, role: t.role }],
        subjectVi: `Nhắc hạn: ${who}`,
        subjectEn: `Reminder: ${whoEn}`,
        bodyVi: `Nhiệm vụ ${taskVi(t.kind)} sắp đến hạn ${event.data.dueAt}.`,
        bodyEn: `The ${t.kind.toLowerCase()} task is due ${event.data.dueAt}.`,
      };
    }
    case 'ReviewEscalated':
      return {
        kind: 'ESCALATION',
        recipients: [{ unitId: event.data.toUnitId, role: 'UNIT_HEAD' }],
        subjectVi: `Chuyển cấp trên: ${who} chưa được thẩm định`,
        subjectEn: `Escalation: ${whoEn} not yet reviewed`,
        bodyVi: `Hồ sơ ${who} đã quá thời gian xử lý bình thường ở cấp ${event.level}.`,
        bodyEn: `The nomination ${whoEn} is overdue for review at ${event.level} level.`,
      };
    case 'PublicCommentReceived':
      if (!task) return undefined;
      return {
        kind: 'PUBLIC_COMMENT',
        recipients: [{ unitId: task.unitId, role: task.role }],
        subjectVi: `Ý kiến nhân dân cần trả lời: ${who}`,
        subjectEn: `A public comment to answer: ${whoEn}`,
        bodyVi: `Hồ sơ ${who} nhận được ý kiến ${event.data.commentId} trong thời gian công khai; các ý kiến đến sau trong cùng giờ không báo riêng, hãy xem mục “Ý kiến nhân dân” của hồ sơ. Hội đồng chỉ xét sau khi mọi ý kiến được trả lời.`,
        bodyEn: `The nomination ${whoEn} received comment ${event.data.commentId} during its posting; comments arriving later in the same hour are not notified one by one: see the dossier's public comments. The council waits until every comment is answered.`,
        digestPerHour: true,
      };
    case 'DecisionIssued':
      return {
        kind: 'DECISION',
        recipients: clerk,
        subjectVi: `Đã có quyết định khen thưởng: ${who}`,
        subjectEn: `Award decision issued: ${whoEn}`,
        // A number is unique only with its issuer: every commune and the province have a 1/QĐ-UBND.
        bodyVi: `Quyết định số ${event.data.number} ngày ${event.data.issuedOn}${event.data.issuerNameVi ? ` của ${event.data.issuerNameVi}` : ''}.`,
        bodyEn: `Decision No. ${event.data.number} of ${event.data.issuedOn}${event.data.issuerNameEn ? `, issued by ${event.data.issuerNameEn}` : ''}.`,
      };
    case 'NominationRejected':
    case 'NominationExpired':
      return {
        kind: event.type === 'NominationRejected' ? 'REJECTED' : 'EXPIRED',
        recipients: clerk,
        subjectVi: `${event.type === 'NominationRejected' ? 'Hồ sơ không được chấp thuận' : 'Hồ sơ quá hạn'}: ${who}`,
        subjectEn: `${event.type === 'NominationRejected' ? 'Nomination rejected' : 'Nomination expired'}: ${whoEn}`,
        bodyVi: `Lý do: ${event.reason ?? ''}`,
        bodyEn: `Reason: ${event.reason ?? ''}`,
      };
    case 'NominationSubmitted':
    case 'EligibilityAssessed':
    case 'SupplementProvided':
    case 'ReviewApproved':
    case 'CouncilResultReceived':
    case 'ProposalForwarded':
    case 'NominationWithdrawn':
    case 'UnauthenticatedMessageIgnored':
    case 'PublicCommentAnswered':
    case 'PublicPostingEnded':
    case 'ProposalSubmitted':
    case 'RouteCompleted':
    case 'DossierAmended':
      return undefined; // nobody waits on these: the next task's event tells whoever must act
    default:
      return unhandledEvent(event);
  }
}

function taskVi(kind: string): string {
  return { REVIEW: 'thẩm định', SUPPLEMENT: 'bổ sung hồ sơ', DECISION: 'ký quyết định', COUNCIL: 'Hội đồng xét', POSTING: 'công khai và trả lời ý kiến', PROPOSAL: 'trình Chủ tịch nước' }[kind] ?? kind;
}
