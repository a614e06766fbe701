import type { Interruption } from '@vinhdanh/domain/engine/interruptions';
import type { StallKind } from '@vinhdanh/domain/engine/stalls';
import type { InboxTask, NominationStatus } from '@vinhdanh/domain/ladder';
import type { DomainErrorBody } from '@vinhdanh/domain/common/errors';
import type { Level } from '@vinhdanh/domain/common/levels';
import type { RecordedStep } from '@vinhdanh/domain/ladder/events';
import type { AwardingDecision, NominationRecord, NotificationRow, TaskRow } from '@vinhdanh/persistence/read-model/nominations';

/** The bodies the nominations endpoints answer; the OpenAPI document's schemas are generated from these. */

export interface SubmitResult {
  /** The nomination's id, derived from the dossier: the same dossier submitted twice has the same id. */
  id: string;
  /** The readable number in the unit's series for the year (`HS-2025-000123`): the same dossier keeps it. */
  dossierNumber: string;
  nomineeId: string;
  workflowId: string;
  /** True when this dossier had already been submitted (answered 200 instead of 201; nothing new started). */
  duplicate: boolean;
  status: NominationStatus;
}

/** A nomination with everything a reader in scope may see: its steps, tasks, decision and proposal. */
/** A person's statement that the nominee who bears their name is not them. */
export interface NamesakeDeclared {
  nominationId: string;
  declared: true;
}

export interface NominationDetail extends NominationRecord {
  /** Every step recorded, oldest first, as the workflow's events projected them. */
  steps: RecordedStep[];
  tasks: TaskRow[];
  decision: AwardingDecision | null;
  /** The Government's proposal to the President (tờ trình), once submitted. */
  proposal: { number: string; submittedOn: string } | null;
  /** The nominee's record (`GET /nominees/{id}/record`), kept by the submitting unit. */
  nomineeId: string | null;
  /** The same award given to this nominee the year before, if any: a warning for the reviewer. */
  sameAwardYearBefore: { year: number; decisionNumber: string } | null;
  /** Whether the nominee registered this title for the year (đăng ký thi đua), and how that registration stands. */
  registration: { registrationId: string; status: 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'; late: boolean } | null;
  /**
   * The nomination's workflow was stopped at the engine (terminated, cancelled, reset…) rather than
   * by anyone's action in Vinh Danh: it will not move on by itself; the operators must restore it (docs/audit.md).
   */
  engineInterruption: { finding: Interruption; closedAt: string; messageVi: string; messageEn: string } | null;
  /** A step of its workflow that could not succeed and waits for an administrator (docs/operations.md). */
  engineStall: { step: string; kind: StallKind; since: string; messageVi: string; messageEn: string } | null;
  /** The nominee bears the reader's name: whether the reader has declared it is not them (asked before they review, decide or vote). */
  namesakeOfReader: { declared: boolean } | null;
}

/** One page of nominations, newest first. */
export interface NominationPage {
  page: number;
  pageSize: number;
  /** Matching nominations in all pages. */
  total: number;
  items: NominationRecord[];
}

export interface Inbox {
  page: number;
  pageSize: number;
  /** Tasks matching the filters, over all pages. */
  total: number;
  /** Of those, how many are overdue. */
  overdue: number;
  items: InboxTask[];
}

export interface Notifications {
  items: NotificationRow[];
}

export type BatchReviewItem =
  | { nominationId: string; ok: true; status: NominationStatus; level: Level }
  | { nominationId: string; ok: false; error: DomainErrorBody };

export interface BatchReviewResult {
  /** Derived from the caller and the list: the same list sent again repeats nothing. */
  batchKey: string;
  results: BatchReviewItem[];
}
