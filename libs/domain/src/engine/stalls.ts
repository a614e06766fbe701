import { conflict, DomainError } from '../common/errors';

/**
 * A step that cannot succeed (docs/operations.md, "Stalled steps"). No activity retries forever:
 * a fault that retrying cannot mend fails at once, a transient one is retried for about a quarter
 * of an hour, and then the workflow stops at that step instead of failing or spinning. It stays
 * open, tells the product and the auditor why, refuses new actions with a reason, and waits for an
 * operator to mend the cause and resume it — the step then runs again, from where it stopped.
 */

/** Why a step stalled: a fault no retry can mend, or a transient one that outlasted its retries. */
export const STALL_KINDS = ['PERMANENT_FAULT', 'RETRIES_EXHAUSTED'] as const;
export type StallKind = (typeof STALL_KINDS)[number];

/** The failure type an activity gives a fault that retrying cannot mend. */
export const PERMANENT_FAULT = 'PERMANENT_FAULT';

export const STALL_TEXT: Record<StallKind, { vi: string; en: string }> = {
  PERMANENT_FAULT: {
    vi: 'Một bước của quy trình không thể ghi nhận do lỗi dữ liệu hoặc cấu hình; quy trình tạm dừng chờ quản trị viên khắc phục và cho chạy tiếp',
    en: 'A step of the workflow could not be recorded because of a data or configuration fault; the workflow is paused until an administrator mends it and resumes it',
  },
  RETRIES_EXHAUSTED: {
    vi: 'Một bước của quy trình thất bại liên tục (hệ thống phụ trợ không phản hồi); quy trình tạm dừng chờ quản trị viên cho chạy tiếp',
    en: 'A step of the workflow kept failing (a backing service did not answer); the workflow is paused until an administrator resumes it',
  },
};

/** A stalled step, as the workflow's Query, the read model and the operator's list show it. */
export interface StallView {
  /** The activity that stalled (recordEvent, issueDecision, …). */
  step: string;
  kind: StallKind;
  /** The fault's own message, cut short (it never carries a payload). */
  message: string;
  /** PostgreSQL's SQLSTATE, when the database refused. */
  sqlState?: string;
  since: string;
}

/** What a workflow asks to put its stall on the record. */
export interface RecordStallInput {
  workflowId: string;
  workflowType: string;
  stall: StallView;
}

/** What a workflow asks to put an operator's resume on the record, before its steps run again. */
export interface RecordResumeInput {
  workflowId: string;
  userId: string;
  steps: string[];
  at: string;
}

export interface StallActivities {
  recordStall(input: RecordStallInput): Promise<void>;
  recordResume(input: RecordResumeInput): Promise<void>;
}

/** The operator's order to run a stalled workflow's steps again. */
export interface ResumeStalledArgs {
  actor: { userId: string; fullName: string };
  auth?: import('../common/authenticity').MessageAuth;
}

/**
 * SQLSTATE classes no retry can mend: data exceptions (22: text jsonb refuses, a value out of
 * range), integrity violations (23) except a unique violation (23505), which a concurrent writer
 * causes and a retry resolves, and syntax or access rule violations (42: a missing column, a
 * revoked privilege) that only an operator can mend. Everything else (connection loss, deadlock,
 * serialization failure, a server shutting down) is transient.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function isPermanentSqlState(sqlState: string | undefined): boolean {
  if (typeof sqlState !== 'string' || sqlState.length !== 5) return false;
  if (sqlState === '23505') return false;
  return ['22', '23', '42'].includes(sqlState.slice(0, 2));
}

/** The refusal of an action while its workflow is stalled. */
export const workflowStalled = () =>
  conflict(
    'WORKFLOW_STALLED',
    'Quy trình của hồ sơ này đang tạm dừng vì một bước không ghi nhận được; quản trị viên đã được báo để khắc phục. Vui lòng thử lại sau.',
    'This record’s workflow is paused because a step could not be recorded; the administrators have been told. Please try again later.',
  );

/** The answer to an action the workflow took just before a step stalled: not lost, only late. */
export const stalledAfterAccepting = () =>
  new DomainError({
    code: 'ACCEPTED_BUT_STALLED',
    kind: 'UNAVAILABLE',
    messageVi: 'Thao tác đã được tiếp nhận nhưng chưa ghi nhận xong vì quy trình tạm dừng; thao tác sẽ hoàn tất khi quản trị viên cho quy trình chạy tiếp. Không cần gửi lại.',
    messageEn: 'The action was taken but not yet recorded because the workflow is paused; it completes when an administrator resumes the workflow. Do not send it again.',
  });

export const notStalled = () =>
  conflict('NOT_STALLED', 'Quy trình này không tạm dừng; không có gì để cho chạy tiếp.', 'This workflow is not stalled; there is nothing to resume.');
