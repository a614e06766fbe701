import { ActivityFailure, ApplicationFailure, CancelledFailure, TimeoutFailure } from '@temporalio/common';
import { stallFor } from './stall';

const activity = (cause: Error, retryState: ActivityFailure['retryState'] = 'NON_RETRYABLE_FAILURE') => new ActivityFailure('Activity task failed', 'recordEvent', '1', retryState, 'worker', cause);

describe('which activity failures stall the workflow', () => {
  const permanent = ApplicationFailure.create({ message: 'recordEvent: the database refused (22P05)', type: 'PERMANENT_FAULT', nonRetryable: true, details: [{ sqlState: '22P05' }] });

  it('a fault no retry can mend stalls at once, with its SQLSTATE, from a local activity or a regular one', () => {
    for (const err of [permanent, activity(permanent)]) expect(stallFor(err)).toEqual({ kind: 'PERMANENT_FAULT', message: 'recordEvent: the database refused (22P05)', sqlState: '22P05' });
  });

  it('a failure that used up its bounded retries stalls as exhausted', () => {
    const lost = ApplicationFailure.retryable('Connection terminated unexpectedly', 'Error');
    expect(stallFor(lost)).toMatchObject({ kind: 'RETRIES_EXHAUSTED', message: 'Connection terminated unexpectedly' });
    expect(stallFor(activity(lost, 'MAXIMUM_ATTEMPTS_REACHED'))).toMatchObject({ kind: 'RETRIES_EXHAUSTED' });
    expect(stallFor(new TimeoutFailure('timed out', undefined, 'START_TO_CLOSE'))).toMatchObject({ kind: 'RETRIES_EXHAUSTED' });
    expect(stallFor(activity(new TimeoutFailure('timed out', undefined, 'START_TO_CLOSE'), 'TIMEOUT'))).toMatchObject({ kind: 'RETRIES_EXHAUSTED' });
  });

  it('a run that is not the product’s, or a message that is not, still ends the run: it never waits for an operator', () => {
    for (const type of ['FOREIGN_RUN', 'UNAUTHENTICATED_MESSAGE', 'UNAUTHENTICATED_START']) {
      const refused = ApplicationFailure.nonRetryable('refused', type);
      expect(stallFor(refused)).toBeUndefined();
      expect(stallFor(activity(refused))).toBeUndefined();
    }
  });

  it('a cancellation, or an error that is not an activity’s, is not a stall', () => {
    expect(stallFor(new CancelledFailure('cancelled'))).toBeUndefined();
    expect(stallFor(activity(new CancelledFailure('cancelled'), 'CANCEL_REQUESTED'))).toBeUndefined();
    expect(stallFor(new Error('a bug in the workflow'))).toBeUndefined();
  });

  it('cuts a long message short', () => {
    expect(stallFor(ApplicationFailure.retryable('x'.repeat(2000), 'Error'))!.message).toHaveLength(500);
  });
});
