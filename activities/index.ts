import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { EligibilityPolicy } from '@vinhdanh/domain/eligibility';
import type { BenchActivities, CouncilActivities, NominationActivities } from './contracts';
import { recordEventIn } from './nomination/record-event';
import { issueDecisionIn } from './nomination/issue-decision';
import { appraiseIn } from './nomination/appraise';
import { deliverIn, type Mailer } from './notifications/deliver';
import { recordCouncilEventIn, tallyCouncilSessionIn, tallySecretBallotsIn } from './council/session-activities';

export interface ActivityDeps {
  dataSource: DataSource;
  mailer?: Mailer;
  ballotKey: Buffer;
  eligibilityPolicy?: Partial<EligibilityPolicy>;
  emailLeaseMs?: number;
}

/** Activities close over their dependencies; the worker gets those from a NestJS context. */
export function createActivities({ dataSource, mailer, ballotKey, eligibilityPolicy, emailLeaseMs = 60_000 }: ActivityDeps): NominationActivities & CouncilActivities & BenchActivities {
  return refusingUnauthenticated({
    benchNoop: async (input) => input,
    recordCouncilEvent: (input) => recordCouncilEventIn(dataSource, input),
    tallyCouncilSession: (input) => tallyCouncilSessionIn(dataSource, ballotKey, input),
    tallySecretBallots: (input) => tallySecretBallotsIn(dataSource, input),
    recordEvent: (input) => recordEventIn(dataSource.manager, input, mailer !== undefined),
    appraise: (input) => appraiseIn(dataSource, input, eligibilityPolicy),
    issueDecision: (input) => issueDecisionIn(dataSource, input),
    deliverNotifications: (input) => deliverIn(dataSource, mailer, input, emailLeaseMs),
  });
}

/**
 * An activity whose input did not authenticate (someone posing as a worker scheduled it with a
 * forged or captured payload) fails without retrying and without touching anything.
 */
function refusingUnauthenticated<T extends Record<string, (input: never) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      async (input: never) => {
        const received: unknown = input;
        if (isUnauthenticated(received)) throw ApplicationFailure.nonRetryable(`${name}: unauthenticated input (${received.$unauthenticated})`, 'UNAUTHENTICATED_MESSAGE');
        return fn(input);
      },
    ]),
  ) as T;
}

export type { Mailer } from './notifications/deliver';
