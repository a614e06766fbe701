import type { DataSource } from 'typeorm';
import type { EligibilityPolicy } from '@vinhdanh/domain/eligibility';
import type { BenchActivities, CouncilActivities, NominationActivities } from './contracts';
import { recordEventIn } from './nomination/record-event';
import { issueDecisionIn } from './nomination/issue-decision';
import { appraiseIn } from './nomination/appraise';
import { deliverIn, type Mailer } from './notifications/deliver';
import { recordCouncilEventIn, tallyCouncilSessionIn } from './council/session-activities';

export interface ActivityDeps {
  dataSource: DataSource;
  mailer?: Mailer;
  ballotKey: Buffer;
  eligibilityPolicy?: Partial<EligibilityPolicy>;
}

/** Activities close over their dependencies; the worker gets those from a NestJS context. */
export function createActivities({ dataSource, mailer, ballotKey, eligibilityPolicy }: ActivityDeps): NominationActivities & CouncilActivities & BenchActivities {
  return {
    benchNoop: async (input) => input,
    recordCouncilEvent: (input) => recordCouncilEventIn(dataSource, input),
    tallyCouncilSession: (input) => tallyCouncilSessionIn(dataSource, ballotKey, input),
    recordEvent: (input) => recordEventIn(dataSource.manager, input, mailer !== undefined),
    appraise: (input) => appraiseIn(dataSource, input, eligibilityPolicy),
    issueDecision: (input) => issueDecisionIn(dataSource, input),
    deliverNotifications: (input) => deliverIn(dataSource, mailer, input),
  };
}

export type { Mailer } from './notifications/deliver';
