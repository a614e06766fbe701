import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@vinhdanh/domain/common/errors';
import { checkMessageAuth, isUnauthenticated, unauthenticatedError, type MessageAuth } from '@vinhdanh/domain/common/authenticity';

/**
 * Runs an Update validator's checks. A domain error crosses to the client as an ApplicationFailure
 * carrying its body, so the API answers with the same code and bilingual reason the workflow gave.
 */
export function guard(check: () => void): void {
  try {
    check();
  } catch (err) {
    throw err instanceof DomainError ? asFailure(err) : err;
  }
}

/** A domain error as the failure an Update answers with: its code, and its body for the API. */
export function asFailure(err: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ message: err.messageEn, type: err.code, details: [err.toBody()], nonRetryable: true });
}

/**
 * A message the product made: its payload decrypted and authenticated (the codec), it is fresh, and
 * its nonce was not seen by this workflow before (a captured message cannot be replayed).
 */
export function requireAuthentic(args: unknown, nowMs: number, nonces: Set<string>): void {
  if (isUnauthenticated(args)) throw unauthenticatedError(args);
  checkMessageAuth((args as { auth?: MessageAuth }).auth, nowMs, nonces);
}
