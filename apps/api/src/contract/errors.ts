import codes from './error-codes.generated.json';

/**
 * Every error code the API can answer, sorted: written by `npm run api:generate` from a scan of the
 * source for the codes actually raised (error-code-scan.ts), and published as the enum of
 * `ApiError.code`. `npm run api:check` fails when the list and the source disagree.
 */
export const ERROR_CODES: readonly string[] = codes;

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

/**
 * One error body for every failure, from a validator in the API or in a workflow alike.
 * @example {"code":"WRONG_STATE","kind":"CONFLICT","messageVi":"Hồ sơ không ở bước này.","messageEn":"The nomination is not at this step."}
 */
export interface ApiError {
  /** Stable, machine-readable reason: one of the listed codes, or HTTP_nnn for a failure the API has no code of its own for. */
  code: string;
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
