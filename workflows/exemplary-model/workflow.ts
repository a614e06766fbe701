import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { nextStage, type AdvanceModelArgs, type LinkAwardArgs, type ModelActivities, type ModelInput, type ModelView, type PublishModelArgs } from '@vinhdanh/domain/movement/exemplary-model';
import { guard, requireAuthentic } from '../guard';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import { validateAdvanceModel, validateLinkAward, validatePublishModel } from './guards';
import { advanceModelUpdate, linkAwardUpdate, publishModelUpdate } from './messages';

const activities = wf.proxyActivities<ModelActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<ModelActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });

const role = (a: Actor) => (a.roles.includes('DECISION_MAKER') ? 'DECISION_MAKER' : 'CLERK');

/**
 * One exemplary model (điển hình tiên tiến) through its four stages: found, fostered, summed up,
 * replicated; published by the unit head once summed up; linked to the awards it won. It ends once
 * replicated and published.
 */
export async function exemplaryModelWorkflow(input: ModelInput): Promise<ModelView> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  let view: ModelView = { modelId: input.modelId, unitId: input.unitId, stage: 'PHAT_HIEN', stages: [{ stage: 'PHAT_HIEN', note: input.descriptionVi, at: new Date().toISOString(), by: input.openedBy.userId }], published: false, awards: [], seq: 1 };
  const nonces = new Set<string>();
  const stalls = new Stalls('exemplaryModelWorkflow').listen();
  const { recordModelEvent } = stalls.guarding(activities, former);
  const checked = <A>(validate: (args: A) => void) => ({ validator: (args: A) => guard(() => { requireAuthentic(args, Date.now(), nonces); stalls.refuseWhileStalled(); validate(args); }) });
  const step = async (type: 'ModelAdvanced' | 'ModelPublished' | 'ModelAwardLinked', actor: Actor, change: Partial<ModelView>) => {
    view = { ...view, ...change, seq: view.seq + 1 };
    await recordModelEvent({ type, actor: { userId: actor.userId, role: role(actor) }, view });
    return view;
  };
  wf.setHandler(advanceModelUpdate, (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    const stage = nextStage(view.stage)!;
    return step('ModelAdvanced', args.actor, { stage, stages: [...view.stages, { stage, note: args.note, at: new Date().toISOString(), by: args.actor.userId }] });
  }, checked((args: AdvanceModelArgs) => validateAdvanceModel(view, args)));
  wf.setHandler(publishModelUpdate, (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    return step('ModelPublished', args.actor, { published: true });
  }, checked((args: PublishModelArgs) => validatePublishModel(view, args)));
  wf.setHandler(linkAwardUpdate, (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    return step('ModelAwardLinked', args.actor, { awards: [...view.awards, args.award] });
  }, checked((args: LinkAwardArgs) => validateLinkAward(view, args)));

  const { auth: _auth, openedBy, ...model } = input;
  await recordModelEvent({ type: 'ModelRegistered', actor: { userId: openedBy.userId, role: role(openedBy) }, view, model });
  await wf.condition(() => view.stage === 'NHAN_RONG' && view.published);
  await wf.condition(wf.allHandlersFinished);
  return view;
}
