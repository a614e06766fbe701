import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { RecordEventInput } from '@vinhdanh/domain/ladder/activities';
import type { NominationEvent } from '@vinhdanh/domain/ladder/events';

type History = temporal.api.history.v1.IHistory;

/** Whose history this is: payloads are bound to their workflow, and decoded only for it. */
export interface HistoryOwner {
  namespace: string;
  workflowId: string;
}

export interface RecordedInputs {
  inputs: (RecordEventInput & { historyEventId: number })[];
  /** Scheduled recordEvent inputs that did not authenticate (forged by someone posing as a worker). */
  unauthenticated: number[];
}

/**
 * The domain events as the workflow recorded them: each is the input of a `recordEvent` activity
 * in the Temporal history, so this is the authoritative sequence the read model must agree with.
 * Payloads are encrypted; each is opened with the codec, bound to the history's own workflow.
 */
export async function recordInputsFromHistory(history: History, codec: PayloadCodec, owner: HistoryOwner): Promise<RecordedInputs> {
  const inputs: RecordedInputs['inputs'] = [];
  const unauthenticated: number[] = [];
  for (const e of history.events ?? []) {
    const attrs = e.activityTaskScheduledEventAttributes;
    if (attrs?.activityType?.name !== 'recordEvent') continue;
    const payload = attrs.input?.payloads?.[0];
    if (!payload) continue;
    try {
      const [plain] = await codec.decode([payload as Payload], { type: 'workflow', namespace: owner.namespace, workflowId: owner.workflowId });
      inputs.push({ ...defaultPayloadConverter.fromPayload<RecordEventInput>(plain), historyEventId: Number(e.eventId) });
    } catch {
      unauthenticated.push(Number(e.eventId));
    }
  }
  return { inputs, unauthenticated };
}

export async function eventsFromHistory(history: History, codec: PayloadCodec, owner: HistoryOwner): Promise<{ events: (NominationEvent & { historyEventId: number })[]; unauthenticated: number[] }> {
  const { inputs, unauthenticated } = await recordInputsFromHistory(history, codec, owner);
  return { events: inputs.map((i) => ({ ...i.event, historyEventId: i.historyEventId })), unauthenticated };
}

const PHRASES: Record<string, [string, string]> = {
  NominationSubmitted: ['nộp hồ sơ đề nghị', 'submitted the nomination'],
  EligibilityAssessed: ['đánh giá điều kiện tự động', 'assessed eligibility automatically'],
  ReviewRequested: ['giao nhiệm vụ thẩm định', 'opened the review task'],
  ReviewReminderSent: ['nhắc hạn xử lý', 'sent a deadline reminder'],
  ReviewEscalated: ['chuyển cấp trên do chậm xử lý', 'escalated the overdue task'],
  SupplementRequested: ['yêu cầu bổ sung hồ sơ', 'requested supplements'],
  SupplementProvided: ['nộp bổ sung hồ sơ', 'supplied the documents'],
  ReviewApproved: ['thẩm định đạt', 'approved the review'],
  NominationRejected: ['không chấp thuận', 'rejected the nomination'],
  CouncilVoteRequested: ['chuyển Hội đồng TĐKT xét', 'sent to the council'],
  CouncilResultReceived: ['nhận kết quả Hội đồng', 'received the council result'],
  DecisionRequested: ['trình ký quyết định', 'submitted for decision'],
  DecisionIssued: ['ký quyết định khen thưởng', 'issued the award decision'],
  ProposalForwarded: ['trình cấp trên', 'forwarded the proposal upward'],
  RouteCompleted: ['bổ sung các bước theo quy định mới (công khai, Chủ tịch nước) vào tuyến trình', 'added the steps the new rules require (posting, the President) to the route'],
  NominationWithdrawn: ['rút hồ sơ', 'withdrew the nomination'],
  NominationExpired: ['hết hạn xử lý', 'expired'],
  SessionOpened: ['mở phiên họp Hội đồng', 'opened the council session'],
  ConflictDeclared: ['khai báo xung đột lợi ích', 'declared a conflict of interest'],
  BallotCast: ['bỏ phiếu kín', 'cast a secret ballot'],
  BallotIssued: ['nhận phiếu bầu kín', 'took their secret ballots'],
  RecusalEnforced: ['bị từ chối do xung đột lợi ích', 'was refused for a conflict of interest'],
  ConflictRegistered: ['ghi vào sổ xung đột lợi ích', 'entered a conflict of interest in the register'],
  ConflictWithdrawn: ['rút một mục khỏi sổ xung đột lợi ích', 'withdrew a register entry'],
  UnauthenticatedMessageIgnored: ['bỏ qua một thông điệp không do hệ thống tạo ra', 'ignored a message the product did not make'],
  TallyRecorded: ['kiểm phiếu', 'tallied the ballots'],
  SessionClosed: ['kết thúc phiên họp', 'closed the session'],
};

export function describeEvent(type: string, lang: 'vi' | 'en'): string {
  const phrase = PHRASES[type];
  return phrase ? phrase[lang === 'vi' ? 0 : 1] : type;
}
