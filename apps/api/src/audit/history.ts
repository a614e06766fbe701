import type { temporal } from '@temporalio/proto';
import type { RecordEventInput } from '@vinhdanh/activities/contracts';
import type { NominationEvent } from '@vinhdanh/workflows/nomination/types';

type History = temporal.api.history.v1.IHistory;

/**
 * The domain events as the workflow recorded them: each is the input of a `recordEvent` activity
 * in the Temporal history, so this is the authoritative sequence the read model must agree with.
 */
export function recordInputsFromHistory(history: History): (RecordEventInput & { historyEventId: number })[] {
  const out: (RecordEventInput & { historyEventId: number })[] = [];
  for (const e of history.events ?? []) {
    const attrs = e.activityTaskScheduledEventAttributes;
    if (attrs?.activityType?.name !== 'recordEvent') continue;
    const data = attrs.input?.payloads?.[0]?.data;
    if (!data) continue;
    out.push({ ...(JSON.parse(Buffer.from(data).toString('utf8')) as RecordEventInput), historyEventId: Number(e.eventId) });
  }
  return out;
}

export function eventsFromHistory(history: History): (NominationEvent & { historyEventId: number })[] {
  return recordInputsFromHistory(history).map((i) => ({ ...i.event, historyEventId: i.historyEventId }));
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
  NominationWithdrawn: ['rút hồ sơ', 'withdrew the nomination'],
  NominationExpired: ['hết hạn xử lý', 'expired'],
  SessionOpened: ['mở phiên họp Hội đồng', 'opened the council session'],
  ConflictDeclared: ['khai báo xung đột lợi ích', 'declared a conflict of interest'],
  BallotCast: ['bỏ phiếu kín', 'cast a secret ballot'],
  TallyRecorded: ['kiểm phiếu', 'tallied the ballots'],
  SessionClosed: ['kết thúc phiên họp', 'closed the session'],
};

export function describeEvent(type: string, lang: 'vi' | 'en'): string {
  const phrase = PHRASES[type];
  return phrase ? phrase[lang === 'vi' ? 0 : 1] : type;
}
