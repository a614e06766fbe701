import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@vinhdanh/domain/common/errors';

/**
 * Runs an Update validator's checks. A domain error crosses to the client as an ApplicationFailure
 * carrying its body, so the API answers with the same code and bilingual reason the workflow gave.
 */
export function guard(check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof DomainError) {
      throw ApplicationFailure.create({ message: err.messageEn, type: err.code, details: [err.toBody()], nonRetryable: true });
    }
    throw err;
  }
}
