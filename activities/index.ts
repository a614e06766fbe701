import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { EligibilityPolicy } from '@vinhdanh/domain/eligibility';
import { DEFAULT_BASE_SALARY, type BaseSalaryStep } from '@vinhdanh/domain/decisions';
import { DEFAULT_CALENDAR } from '@vinhdanh/domain/common/working-days';
import type { BenchActivities, CouncilActivities, NominationActivities, RevocationActivities } from '@vinhdanh/domain/ladder/activities';
import { issueRevocationIn, recordRevocationEventIn } from './revocation/revocation';
import { recordRegistrationEventIn } from './registration/registration';
import { recordClusterEventIn } from './cluster/cluster';
import { phaseReviewClosingIn, recordPhaseReviewEventIn } from './phase-review/phase-review';
import { recordModelEventIn } from './exemplary-model/model';
import type { ModelActivities } from '@vinhdanh/domain/movement/exemplary-model';
import type { PhaseReviewActivities } from '@vinhdanh/domain/movement/phase-review';
import type { ClusterActivities } from '@vinhdanh/domain/movement/cluster';
import type { RegistrationActivities } from '@vinhdanh/domain/movement/registration';
import { ForeignRunError, recordEventIn } from '@vinhdanh/persistence/projection/nomination-projection';
import { issueDecisionIn } from './nomination/issue-decision';
import { appraiseIn } from './nomination/appraise';
import { planPostingIn, type PostingClock } from './nomination/posting';
import { legacyStepsIn } from './nomination/legacy-steps';
import { submitProposalIn } from './nomination/submit-proposal';
import { deliverIn } from './notifications/deliver';
import type { Mailer } from '@vinhdanh/platform/mailer';
import { openBallotBoxIn, recordCouncilEventIn, tallyCouncilSessionIn, tallySecretBallotsIn } from './council/session-activities';
import type { RecordResumeInput, RecordStallInput, StallActivities } from '@vinhdanh/domain/engine/stalls';
import { recordResume, recordStall } from '@vinhdanh/persistence/archive/engine-stalls';
import { permanentFault } from './faults';

export interface ActivityDeps {
  dataSource: DataSource;
  mailer?: Mailer;
  ballotKey: Buffer;
  eligibilityPolicy?: Partial<EligibilityPolicy>;
  emailLeaseMs?: number;
  /** Lương cơ sở by date (BASE_SALARY), for each recipient's bonus. */
  baseSalary?: BaseSalaryStep[];
  /** Working calendar (HOLIDAYS) and, in development, a short posting. */
  postingClock?: PostingClock;
  /** Signs the projection's notifications to the API (updateNoticeKeys' first). */
  noticeKey?: Buffer;
}

/** Activities close over their dependencies; the worker gets those from a NestJS context. */
export function createActivities({ dataSource, mailer, ballotKey, eligibilityPolicy, emailLeaseMs = 60_000, baseSalary = DEFAULT_BASE_SALARY, postingClock = { calendar: DEFAULT_CALENDAR }, noticeKey }: ActivityDeps): NominationActivities & CouncilActivities & RevocationActivities & RegistrationActivities & ClusterActivities & PhaseReviewActivities & ModelActivities & StallActivities & BenchActivities {
  return guarded({
    benchNoop: async (input) => input,
    recordCouncilEvent: (input) => recordCouncilEventIn(dataSource, input),
    tallyCouncilSession: (input) => tallyCouncilSessionIn(dataSource, ballotKey, input),
    tallySecretBallots: (input) => tallySecretBallotsIn(dataSource, input),
    openBallotBox: (input) => openBallotBoxIn(dataSource, input),
    // The run is the activity's own: the row names the run that really submitted the dossier.
    recordEvent: async (input) => {
      const result = await recordEventIn(dataSource.manager, input, mailer !== undefined, Context.current().info.workflowExecution?.runId, noticeKey).catch((err) => {
        // Never retried: a foreign run fails at its first event instead of trying forever.
        if (err instanceof ForeignRunError) throw ApplicationFailure.nonRetryable(err.message, 'FOREIGN_RUN');
        throw err;
      });
      return Context.current().info.isLocal ? { ...result, recorded: input } : result;
    },
    appraise: (input) => appraiseIn(dataSource, input, eligibilityPolicy),
    issueDecision: (input) => issueDecisionIn(dataSource, input, baseSalary),
    planPosting: (input) => planPostingIn(dataSource, input, postingClock),
    legacySteps: (input) => legacyStepsIn(dataSource, input),
    submitProposal: (input) => submitProposalIn(dataSource, input),
    recordRevocationEvent: (input) => recordRevocationEventIn(dataSource, input),
    issueRevocation: (input) => issueRevocationIn(dataSource, input),
    recordRegistrationEvent: (input) => recordRegistrationEventIn(dataSource, input),
    recordClusterEvent: (input) => recordClusterEventIn(dataSource, input),
    recordPhaseReviewEvent: (input) => recordPhaseReviewEventIn(dataSource, input),
    phaseReviewClosing: (input) => phaseReviewClosingIn(dataSource, input),
    recordModelEvent: (input) => recordModelEventIn(dataSource, input),
    deliverNotifications: (input) => deliverIn(dataSource, mailer, input, emailLeaseMs),
    recordStall: async (input: RecordStallInput) => {
      await recordStall(dataSource.manager, { ...input, runId: Context.current().info.workflowExecution?.runId ?? 'unknown' });
    },
    recordResume: (input: RecordResumeInput) => recordResume(dataSource.manager, input),
  });
}

/**
 * Every activity, guarded at its edge. One whose input did not authenticate (someone posing as a
 * worker scheduled it with a forged or captured payload) fails without retrying and without
 * touching anything. One the database refused for a reason no retry can mend (`permanentFault`)
 * fails at once, so its workflow stalls for an operator (workflows/stall.ts) instead of retrying.
 */
function guarded<T extends Record<string, (input: never) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      async (input: never) => {
        const received: unknown = input;
        if (isUnauthenticated(received)) throw ApplicationFailure.nonRetryable(`${name}: unauthenticated input (${received.$unauthenticated})`, 'UNAUTHENTICATED_MESSAGE');
        try {
          return await fn(input);
        } catch (err) {
          throw permanentFault(name, err) ?? err;
        }
      },
    ]),
  ) as T;
}

export type { Mailer } from '@vinhdanh/platform/mailer';
