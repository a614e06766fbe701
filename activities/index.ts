import type { DataSource } from 'typeorm';
import type { NominationActivities } from './contracts';
import { recordEventIn } from './nomination/record-event';
import { issueDecisionIn } from './nomination/issue-decision';
import { appraiseIn } from './nomination/appraise';
import { deliverIn, type Mailer } from './notifications/deliver';

export interface ActivityDeps {
  dataSource: DataSource;
  mailer?: Mailer;
}

/** Activities close over their dependencies; the worker gets those from a NestJS context. */
export function createActivities({ dataSource, mailer }: ActivityDeps): NominationActivities {
  return {
    recordEvent: (input) => recordEventIn(dataSource, input),
    appraise: (input) => appraiseIn(dataSource, input),
    issueDecision: (input) => issueDecisionIn(dataSource, input),
    deliverNotifications: (input) => deliverIn(dataSource, mailer, input),
  };
}

export type { Mailer } from './notifications/deliver';
