import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { RecordEventInput, RecordEventResult } from '@vinhdanh/domain/ladder/activities';
import type { NominationEvent } from '@vinhdanh/domain/ladder/events';

type History = temporal.api.history.v1.IHistory;

/** Whose history this is: payloads are bound to their workflow, and decoded only for it. */
export interface HistoryOwner {
  namespace: string;
  workflowId: string;
}

export interface RecordedInputs {
  inputs: (RecordEventInput & { historyEventId: number })[];
  /** History events holding a recordEvent that did not authenticate (forged by someone posing as a worker). */
  unauthenticated: number[];
}

/** The marker the SDK records for a local activity: its type in `data` (plain JSON), its result in `result`. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/**
 * Where a history keeps one recordEvent: the input of a scheduled activity (workflows before
 * LOCAL_RECORD, and their steps before it), or the result of a local activity's marker, which
 * echoes the input it committed (after).
 */
function recordEventPayload(e: temporal.api.history.v1.IHistoryEvent): { payload?: Payload; local: boolean } | undefined {
  const scheduled = e.activityTaskScheduledEventAttributes;
  if (scheduled) return scheduled.activityType?.name === 'recordEvent' ? { payload: scheduled.input?.payloads?.[0] as Payload | undefined, local: false } : undefined;
  const marker = e.markerRecordedEventAttributes;
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const data = marker.details?.data?.payloads?.[0]?.data;
  if (!data) return undefined;
  let type: unknown;
  try {
    type = (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: unknown }).activity_type;
  } catch {
    return undefined;
  }
  if (type !== 'recordEvent') return undefined;
  return { payload: marker.details?.result?.payloads?.[0] as Payload | undefined, local: true };
}

/**
 * The domain events as the workflow recorded them: each is a `recordEvent` in the Temporal
 * history (see recordEventPayload), so this is the authoritative sequence the read model must
 * agree with. Payloads are encrypted; each is opened with the codec, bound to the history's own
 * workflow, and one that does not open is counted, never read.
 */
export async function recordInputsFromHistory(history: History, codec: PayloadCodec, owner: HistoryOwner): Promise<RecordedInputs> {
  const inputs: RecordedInputs['inputs'] = [];
  const unauthenticated: number[] = [];
  for (const e of history.events ?? []) {
    const found = recordEventPayload(e);
    if (!found?.payload) continue;
    try {
      const [plain] = await codec.decode([found.payload], { type: 'workflow', namespace: owner.namespace, workflowId: owner.workflowId });
      const value = defaultPayloadConverter.fromPayload<RecordEventInput | RecordEventResult>(plain);
      const input = found.local ? (value as RecordEventResult).recorded : (value as RecordEventInput);
      if (!input?.event) throw new Error('no recorded event');
      inputs.push({ ...input, historyEventId: Number(e.eventId) });
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
  DossierAmended: ['sửa hồ sơ trước khi thẩm định', 'corrected the dossier before its review'],
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
  MembersReminded: ['nhắc các thành viên chưa bỏ phiếu', 'reminded the members who had not voted'],
};

export function describeEvent(type: string, lang: 'vi' | 'en'): string {
  const phrase = PHRASES[type];
  return phrase ? phrase[lang === 'vi' ? 0 : 1] : type;
}
