import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@vinhdanh/domain/common/errors';
import type { CouncilActivities } from '@vinhdanh/activities/contracts';
import { councilResultSignal } from '../nomination/messages';
import { validateBallot, validateClose, validateConflict } from './guards';
import { castBallotUpdate, closeSessionUpdate, declareConflictUpdate, sessionQuery } from './messages';
import { itemTurnout, quorumReached } from './quorum';
import type { Conflict, CouncilSessionInput, CouncilSessionView, ItemResult } from './types';

const { recordCouncilEvent, tallyCouncilSession } = wf.proxyActivities<CouncilActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function guard(check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof DomainError) throw ApplicationFailure.create({ message: err.messageEn, type: err.code, details: [err.toBody()], nonRetryable: true });
    throw err;
  }
}

/**
 * One council meeting (phiên họp Hội đồng TĐKT): members cast one secret ballot covering every
 * nomination on the list; the session closes at its deadline, when every eligible member has
 * voted, or early by the secretary once quorum holds; the tally moves each nomination on.
 */
export async function councilSessionWorkflow(input: CouncilSessionInput): Promise<CouncilSessionView> {
  let status: 'OPEN' | 'CLOSED' = 'OPEN';
  let closeRequested = false;
  let closedReason: CouncilSessionView['closedReason'];
  let results: ItemResult[] | undefined;
  /** Ballot and conflict handlers still recording their projection. */
  let recording = 0;
  const voted: string[] = [];
  const sealed: string[] = [];
  const conflicts: Conflict[] = [...input.conflicts];
  const live = () => ({ status, voted, conflicts });

  const view = (): CouncilSessionView => ({
    sessionId: input.sessionId,
    councilId: input.councilId,
    status,
    deadline: input.deadline,
    closedReason,
    membersTotal: input.members.length,
    votedUserIds: [...voted],
    conflicts: [...conflicts],
    items: input.items.map((i) => ({
      nominationId: i.nominationId,
      awardCode: i.awardCode,
      nomineeName: i.nomineeName,
      ruleKey: i.ruleKey,
      ...itemTurnout(i, input.members, conflicts, voted),
      quorumReached: quorumReached(i, input.rules[i.ruleKey], input.members, conflicts, voted),
    })),
    results,
  });

  wf.setHandler(sessionQuery, view);
  wf.setHandler(
    castBallotUpdate,
    async (args) => {
      voted.push(args.actor.userId);
      sealed.push(args.sealed);
      recording++;
      await recordCouncilEvent({ sessionId: input.sessionId, type: 'BallotCast', actorId: args.actor.userId, view: view() });
      recording--;
      return view();
    },
    { validator: (args) => guard(() => validateBallot(input, live(), args)) },
  );
  wf.setHandler(
    declareConflictUpdate,
    async (args) => {
      conflicts.push({ userId: args.actor.userId, nominationId: args.nominationId, reason: args.reason });
      recording++;
      await recordCouncilEvent({ sessionId: input.sessionId, type: 'ConflictDeclared', actorId: args.actor.userId, view: view(), data: { nominationId: args.nominationId, reason: args.reason } });
      recording--;
      return view();
    },
    { validator: (args) => guard(() => validateConflict(input, live(), args)) },
  );
  wf.setHandler(
    closeSessionUpdate,
    async () => {
      closeRequested = true;
      await wf.condition(() => results !== undefined);
      return view();
    },
    { validator: (args) => guard(() => validateClose(input, live(), args)) },
  );

  await recordCouncilEvent({ sessionId: input.sessionId, type: 'SessionOpened', actorId: input.openedBy.userId, view: view() });

  const allVoted = () => input.items.every((i) => {
    const t = itemTurnout(i, input.members, conflicts, voted);
    return t.voted === t.eligible;
  });
  const remaining = Date.parse(input.deadline) - Date.now();
  const ended = await wf.condition(() => closeRequested || allVoted(), Math.max(1, remaining));
  closedReason = !ended ? 'DEADLINE' : closeRequested ? 'CLOSED_BY_SECRETARY' : 'ALL_VOTED';
  status = 'CLOSED';
  // Let ballots accepted just before closing finish recording their voter rows. (Not
  // allHandlersFinished: the secretary's close handler is itself waiting for the results.)
  await wf.condition(() => recording === 0);

  const tallied = await tallyCouncilSession({ input, sealed, voted, conflicts, closedReason });
  results = tallied.results;
  for (const r of results) {
    try {
      await wf.getExternalWorkflowHandle(r.workflowId).signal(councilResultSignal, {
        sessionId: input.sessionId,
        councilId: input.councilId,
        result: r.result,
        reasonVi: r.reasonVi,
        reasonEn: r.reasonEn,
        ruleKey: r.ruleKey,
        tallyRef: r.tallyRef,
      });
    } catch {
      // The nomination ended meanwhile (withdrawn or expired): its tally stays on record.
    }
  }
  await recordCouncilEvent({ sessionId: input.sessionId, type: 'SessionClosed', view: view(), data: { closedReason } });
  return view();
}
