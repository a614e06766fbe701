import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { rankCluster, type ClusterActivities, type ClusterRoundInput, type ClusterRoundView, type CloseRoundArgs, type ScoreSheet, type SignPledgeArgs, type SubmitScoresArgs } from '@vinhdanh/domain/movement/cluster';
import { guard, requireAuthentic } from '../guard';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import { validateCloseRound, validateSignPledge, validateSubmitScores } from './guards';
import { closeRoundUpdate, clusterRoundQuery, signPledgeUpdate, submitScoresUpdate } from './messages';

const activities = wf.proxyActivities<ClusterActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<ClusterActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });

/**
 * One year of an emulation cluster or block (cụm, khối thi đua): the members' heads sign the year's
 * pledge (giao ước thi đua); at year end every member's head scores the
 * members against the cluster's criteria (a sheet may be replaced until the close); the year's
 * leading unit closes the scoring once all are in; the ranking, computed here from the sheets the
 * history holds, proposes the awards within the quotas. Every step is audited.
 */
export async function clusterRoundWorkflow(input: ClusterRoundInput): Promise<ClusterRoundView> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  let view: ClusterRoundView = { roundId: input.roundId, clusterId: input.cluster.id, year: input.year, status: 'SCORING', leaderUnitId: input.leaderUnitId, deputyUnitId: input.deputyUnitId, scoredBy: [], pledgeSignedBy: [], ranking: null, seq: 0 };
  const sheets: Record<string, ScoreSheet> = {};
  const nonces = new Set<string>();
  const stalls = new Stalls('clusterRoundWorkflow').listen();
  const { recordClusterEvent } = stalls.guarding(activities, former);
  const who = (a: Actor) => ({ userId: a.userId, fullName: a.fullName, unitId: a.unitId });
  const checked = <A>(validate: (args: A) => void) => ({ validator: (args: A) => guard(() => { requireAuthentic(args, Date.now(), nonces); stalls.refuseWhileStalled(); validate(args); }) });

  wf.setHandler(clusterRoundQuery, () => view);
  wf.setHandler(submitScoresUpdate, async (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    sheets[args.actor.unitId] = args.sheet;
    view = { ...view, scoredBy: [...new Set([...view.scoredBy, args.actor.unitId])], seq: view.seq + 1 };
    await recordClusterEvent({ type: 'ClusterScoresSubmitted', actor: who(args.actor), view, sheet: { unitId: args.actor.unitId, scores: args.sheet } });
    return view;
  }, checked((args: SubmitScoresArgs) => validateSubmitScores(input, view, args)));
  wf.setHandler(signPledgeUpdate, async (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    view = { ...view, pledgeSignedBy: [...view.pledgeSignedBy, args.actor.unitId], seq: view.seq + 1 };
    await recordClusterEvent({ type: 'ClusterPledgeSigned', actor: who(args.actor), view });
    return view;
  }, checked((args: SignPledgeArgs) => validateSignPledge(input, view, args)));
  wf.setHandler(closeRoundUpdate, async (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    view = { ...view, status: 'CLOSED', ranking: rankCluster(input.cluster, sheets), seq: view.seq + 1 };
    await recordClusterEvent({ type: 'ClusterRoundClosed', actor: who(args.actor), view });
    return view;
  }, checked((args: CloseRoundArgs) => validateCloseRound(input, view, args)));

  view = { ...view, seq: 1 };
  await recordClusterEvent({ type: 'ClusterRoundOpened', actor: who(input.openedBy), view });
  await wf.condition(() => view.status === 'CLOSED');
  await wf.condition(wf.allHandlersFinished);
  return view;
}
