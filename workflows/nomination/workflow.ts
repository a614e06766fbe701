import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { NominationInput, NominationView } from '@vinhdanh/domain/ladder/nomination';
import { guard } from '../guard';
import {
  amendUpdate,
  answerCommentUpdate,
  councilResultSignal,
  decideUpdate,
  publicCommentUpdate,
  rerouteUpdate,
  resubmitUpdate,
  reviewUpdate,
  stateQuery,
  withdrawUpdate,
} from './messages';
import { NominationProcess } from './nomination';

export { POSTING_GATE, PRESIDENT_STEP } from './nomination';

/**
 * One nomination up the ladder. Wiring only, as for the council session: each message to its
 * validator and to the process's handler; the process (nomination.ts) holds the state and the steps.
 */
export async function nominationWorkflow(input: NominationInput): Promise<NominationView> {
  // A start the product did not make (sent straight to Temporal) fails here, before any effect.
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  const p = new NominationProcess(input);
  p.stalls.listen();
  wf.setHandler(stateQuery, () => p.state);
  wf.setHandler(councilResultSignal, (result) => p.onCouncilResult(result));
  wf.setHandler(publicCommentUpdate, (args) => p.receiveComment(args), { validator: (args) => guard(() => p.checkComment(args)) });
  wf.setHandler(answerCommentUpdate, (args) => p.answerComment(args), { validator: (args) => guard(() => p.checkAnswer(args)) });
  wf.setHandler(rerouteUpdate, (args) => p.reroute(args), { validator: (args) => guard(() => p.checkReroute(args)) });
  wf.setHandler(reviewUpdate, (args) => p.act('review', args), { validator: (args) => guard(() => p.checkAction('review', args)) });
  wf.setHandler(resubmitUpdate, (args) => p.act('resubmit', args), { validator: (args) => guard(() => p.checkAction('resubmit', args)) });
  wf.setHandler(decideUpdate, (args) => p.act('decide', args), { validator: (args) => guard(() => p.checkAction('decide', args)) });
  wf.setHandler(withdrawUpdate, (args) => p.act('withdraw', args), { validator: (args) => guard(() => p.checkAction('withdraw', args)) });
  wf.setHandler(amendUpdate, (args) => p.act('amend', args), { validator: (args) => guard(() => p.checkAction('amend', args)) });
  return p.run();
}
