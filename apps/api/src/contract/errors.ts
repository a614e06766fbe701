/**
 * Every error code the API can answer, sorted. `error-codes.spec.ts` scans the source for the codes
 * actually raised and fails when this list and the source disagree, so the published list is whole.
 */
export const ERROR_CODES = [
  'ALREADY_ANSWERED', 'ALREADY_CEASED', 'ALREADY_CLOSED', 'ALREADY_IN_SESSION', 'ALREADY_REVOKED',
  'ALREADY_VOTED', 'ANSWER_REQUIRED', 'AUDITOR_ONLY', 'AWARD_NOT_IN_FORCE', 'BAD_ACTION', 'BAD_BALLOT',
  'BAD_BATCH', 'BAD_CHOICE', 'BAD_COMMENT', 'BAD_COMMENT_ID', 'BAD_CREDENTIALS', 'BAD_DATE', 'BAD_DEADLINE',
  'BAD_ID', 'BAD_IDEMPOTENCY_KEY', 'BAD_PERIOD', 'BAD_PERSONAL_ID', 'BAD_RECEIPT', 'BAD_SHA256', 'BAD_YEAR',
  'BALLOT_ALREADY_TAKEN', 'BALLOT_INCOMPLETE', 'BALLOT_NOT_SIGNED', 'BLIND_BALLOTS_ONLY', 'BUSY',
  'CASE_CLOSED', 'CASE_NOT_FOUND', 'CASE_OPEN', 'CLERK_OF_UNIT_REQUIRED', 'CONCURRENT_ACTION',
  'CONFLICT_NOT_FOUND', 'CONFLICT_OF_INTEREST', 'COUNCIL_NOT_FOUND', 'COUNT_EXCEEDS_MEMBERS',
  'DEADLINE_PASSED', 'DECISION_NOT_FOUND', 'DOCUMENT_NOT_AVAILABLE', 'DOCUMENT_NOT_FOUND',
  'DUPLICATE_COMMENT', 'DUPLICATE_REQUEST', 'FILE_EMPTY', 'FILE_REQUIRED', 'FILE_TYPE',
  'IDEMPOTENCY_KEY_REUSED', 'INTERNAL', 'ITEMS_REQUIRED', 'JSON_TOO_DEEP', 'JUSTIFICATION_REQUIRED',
  'MALFORMED_REQUEST', 'NAME_CONFUSABLE', 'NAME_REQUIRED', 'NOMINATION_NOT_FOUND', 'NOMINATION_REQUIRED',
  'NOMINEE_KEPT_ELSEWHERE', 'NOMINEE_NOT_FOUND', 'NOTE_REQUIRED', 'NOTHING_TO_REROUTE', 'NOT_AT_THIS_STEP',
  'NOT_A_COLLECTIVE', 'NOT_A_MEMBER', 'NOT_FOUND', 'NOT_GRASSROOTS', 'NOT_ON_LIST', 'NOT_POSTED',
  'NOT_THE_AUTHORITY', 'NOT_WAITING', 'NO_BALLOT_LEFT', 'NO_CATALOGUE', 'NO_DECISION', 'NO_QUORUM_YET',
  'NO_SUCH_COMMENT', 'OPERATORS_ONLY', 'OWN_OR_UNIT_HEAD', 'PAYLOAD_TOO_LARGE', 'PERIOD_REQUIRED',
  'PERSONAL_ID_MISMATCH', 'PERSONAL_ID_NOT_FOR_COLLECTIVE', 'PERSONAL_ID_REQUIRED', 'POSTHUMOUS_NOT_ALLOWED',
  'POSTING_CLOSED', 'POSTING_IN_PROGRESS', 'REASON_REQUIRED', 'RECUSED', 'REGISTER_ENTRY_NOT_FOUND',
  'RELATIVE_REQUIRED', 'REPLAYED_MESSAGE', 'REQUESTS_REQUIRED', 'ROLE_REQUIRED', 'ROUTE_INCOMPLETE',
  'ROUTE_NOT_FOUND', 'SEALED_SESSION', 'SECRETARY_ONLY', 'SELF_SUCCESSION', 'SESSION_CLOSED',
  'SESSION_NOT_FOUND', 'SIMPLIFIED_NOT_ALLOWED', 'SPAM_SUSPECTED', 'STALE_MESSAGE', 'SUCCESSION_NOT_YET',
  'SUCCESSOR_CEASED', 'SUCCESSOR_MISMATCH', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_COMMENTS', 'TOO_MANY_LINKS',
  'UNAUTHENTICATED', 'UNAUTHENTICATED_MESSAGE', 'UNAVAILABLE', 'UNIT_CEASED', 'UNIT_NOT_FOUND',
  'UNKNOWN_AWARD', 'UNKNOWN_MOVEMENT', 'UNKNOWN_SUCCESSOR', 'UNKNOWN_UNIT', 'USER_NOT_FOUND',
  'VALIDATION_FAILED', 'WRONG_RECIPIENT', 'WRONG_STATE', 'WRONG_UNIT',
] as const;

/** What a status means to a caller, for the responses every operation lists. */
export const ERROR_STATUS: Record<number, { vi: string; en: string }> = {
  400: { vi: 'Yêu cầu không hợp lệ (xem code, field)', en: 'Invalid request (see code, field)' },
  401: { vi: 'Chưa đăng nhập hoặc phiên đã hết hạn', en: 'Not signed in, or the session expired' },
  403: { vi: 'Không có quyền thực hiện thao tác này', en: 'Not allowed to do this' },
  404: { vi: 'Không tìm thấy, hoặc nằm ngoài phạm vi của người dùng', en: 'Not found, or outside the caller’s scope' },
  413: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  409: { vi: 'Mâu thuẫn với trạng thái hiện tại', en: 'Conflicts with the current state' },
  422: { vi: 'Đúng cú pháp nhưng mâu thuẫn với điều đã ghi nhận (ví dụ Idempotency-Key dùng lại)', en: 'Well formed, but contradicts what is recorded (a reused Idempotency-Key, say)' },
  429: { vi: 'Quá nhiều lần thử; chờ theo Retry-After', en: 'Too many attempts; wait as Retry-After says' },
  503: { vi: 'Tạm thời không sẵn sàng; gửi lại sau Retry-After (nếu có)', en: 'Temporarily unavailable; send again after Retry-After (if given)' },
};

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A failure the API has no code of its own for, named after its status.
 * @pattern ^HTTP_[0-9]{3}$
 */
export type HttpStatusCode = string;

/**
 * One error body for every failure, from a validator in the API or in a workflow alike.
 * @example {"code":"WRONG_STATE","kind":"CONFLICT","messageVi":"Hồ sơ không ở bước này.","messageEn":"The nomination is not at this step."}
 */
export interface ApiError {
  /** Stable, machine-readable reason. */
  code: ErrorCode | HttpStatusCode;
  /** The class of failure; it decides the HTTP status. */
  kind: 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL';
  /** Lý do, bằng tiếng Việt. */
  messageVi: string;
  /** The reason, in English. */
  messageEn: string;
  /** The request field (or header) at fault. */
  field?: string;
  /** Every field at fault, when a body fails validation. */
  fields?: { field: string; constraint?: string; messageVi: string; messageEn: string }[];
  /** Also sent as the Retry-After header. */
  retryAfterSeconds?: number;
}
