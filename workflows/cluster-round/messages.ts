import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClusterRoundView, CloseRoundArgs, SignPledgeArgs, SubmitScoresArgs } from '@vinhdanh/domain/movement/cluster';

export const submitScoresUpdate = defineUpdate<ClusterRoundView, [SubmitScoresArgs]>('submitScores');
export const signPledgeUpdate = defineUpdate<ClusterRoundView, [SignPledgeArgs]>('signPledge');
export const closeRoundUpdate = defineUpdate<ClusterRoundView, [CloseRoundArgs]>('closeRound');
export const clusterRoundQuery = defineQuery<ClusterRoundView>('clusterRound');
