import { DomainError, conflict, forbidden } from './errors';

/**
 * What a workflow receives in place of a message the product did not make.
 *
 * The payload codec (libs/platform/src/codec) decrypts and authenticates every payload the worker
 * reads. A payload it cannot authenticate (plaintext sent straight to Temporal, a wrong key, a
 * payload captured from another workflow, tampered bytes) is not thrown at the worker, which would
 * fail the workflow task over and over; it is replaced by this marker, so the workflow can refuse
 * an Update, ignore and record a signal, or fail a forged start, and go on.
 */
export const UNAUTHENTICATED = '$unauthenticated';

export type UnauthenticatedReason = 'PLAINTEXT' | 'WRONG_WORKFLOW' | 'UNKNOWN_KEY' | 'FORGED';

export interface UnauthenticatedMessage {
  [UNAUTHENTICATED]: UnauthenticatedReason;
}

export function isUnauthenticated(value: unknown): value is UnauthenticatedMessage {
  return typeof value === 'object' && value !== null && UNAUTHENTICATED in value;
}

export function unauthenticatedError(message: UnauthenticatedMessage): DomainError {
  return forbidden(
    'UNAUTHENTICATED_MESSAGE',
    `Thông điệp không do hệ thống tạo ra (${message[UNAUTHENTICATED]}); đã bị từ chối.`,
    `The message was not made by the product (${message[UNAUTHENTICATED]}); refused.`,
  );
}

/**
 * Every Update the API sends carries when it was made and a one-time nonce, inside the encrypted
 * payload. A workflow accepts it only while fresh and only once, so a message captured from this
 * very workflow's history cannot be sent to it again later.
 */
export interface MessageAuth {
  issuedAt: string;
  nonce: string;
}

export const MESSAGE_FRESHNESS_MS = 5 * 60_000;

export function checkMessageAuth(auth: MessageAuth | undefined, nowMs: number, seen: ReadonlySet<string>): void {
  const issued = auth ? Date.parse(auth.issuedAt) : NaN;
  if (!auth || typeof auth.nonce !== 'string' || auth.nonce.length < 16 || Number.isNaN(issued)) {
    throw forbidden('UNAUTHENTICATED_MESSAGE', 'Thông điệp thiếu thông tin xác thực; đã bị từ chối.', 'The message carries no authentication; refused.');
  }
  if (Math.abs(nowMs - issued) > MESSAGE_FRESHNESS_MS) {
    throw forbidden('STALE_MESSAGE', 'Thông điệp đã quá hạn (có thể bị gửi lại); vui lòng thao tác lại.', 'The message is stale (it may be a replay); please act again.');
  }
  if (seen.has(auth.nonce)) {
    throw conflict('REPLAYED_MESSAGE', 'Thông điệp này đã được xử lý; không nhận lại.', 'This message was already processed; not accepted twice.');
  }
}
