import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { RevocationActivities } from '@vinhdanh/domain/ladder/activities';
import { guard, requireAuthentic } from '../guard';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import { validateDecideRevocation, validateRerouteRevocation } from './guards';
import { decideRevocationUpdate, rerouteRevocationUpdate, revocationQuery } from './messages';
import type { DecideRevocationArgs, RevocationInput, RevocationView } from '@vinhdanh/domain/ladder/revocation';

const outcomeOf = (d: DecideRevocationArgs) => (d.action === 'REVOKE' ? 'REVOKED' : 'DISMISSED');

const activities = wf.proxyActivities<RevocationActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<RevocationActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });

/**
 * One revocation case (thu hồi): an inspector opens it with grounds and evidence; the authority
 * that decided the award revokes it or dismisses the case. Every step goes into the case's audit
 * stream; revoking issues a decision in the authority's series and takes the award off the
 * register, the public page and the recipient's record.
 */
export async function revocationWorkflow(input: RevocationInput): Promise<RevocationView> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  let view: RevocationView = { caseId: input.caseId, status: 'OPEN', decidingUnitId: input.decidingUnitId };
  const nonces = new Set<string>();
  const stalls = new Stalls('revocationWorkflow').listen();
  const { recordRevocationEvent, issueRevocation } = stalls.guarding(activities, former);
  let decision: DecideRevocationArgs | undefined;
  let answered = false;
  wf.setHandler(revocationQuery, () => view);
  wf.setHandler(
    decideRevocationUpdate,
    async (args) => {
      if (args.auth) nonces.add(args.auth.nonce);
      decision = args;
      await wf.condition(() => answered);
      return view;
    },
    {
      validator: (args) =>
        guard(() => {
          requireAuthentic(args, Date.now(), nonces);
          stalls.refuseWhileStalled();
          // A second decision while the first is being carried out is as late as one after it.
          validateDecideRevocation(input, decision ? { ...view, status: outcomeOf(decision) } : view, args);
        }),
    },
  );

  const actor = (a: RevocationInput['openedBy'], role: string) => ({ userId: a.userId, fullName: a.fullName, role });
  // The authority ceased in a reorganisation: its successor decides (audited, with the reason).
  wf.setHandler(
    rerouteRevocationUpdate,
    async (args) => {
      if (args.auth) nonces.add(args.auth.nonce);
      const from = view.decidingUnitId;
      view = { ...view, decidingUnitId: args.successorUnitId };
      await recordRevocationEvent({ caseId: input.caseId, type: 'RevocationRerouted', actor: actor(args.actor, 'ADMIN'), status: 'OPEN', data: { from, to: args.successorUnitId, reasonVi: args.reasonVi, reasonEn: args.reasonEn } });
      return view;
    },
    { validator: (args) => guard(() => {
      requireAuthentic(args, Date.now(), nonces);
      stalls.refuseWhileStalled();
      validateRerouteRevocation(view, decision !== undefined, args);
    }) },
  );
  await recordRevocationEvent({ caseId: input.caseId, type: 'RevocationOpened', actor: actor(input.openedBy, 'INSPECTOR'), status: 'OPEN', data: { ground: input.ground, statement: input.statement, evidence: input.evidence, registerId: input.registerId, decisionNumber: input.decisionNumber, decidingUnitId: input.decidingUnitId } });
  await wf.condition(() => decision !== undefined);
  const { action, reason, actor: decider } = decision!;
  if (action === 'REVOKE') {
    const revocation = await issueRevocation({ caseId: input.caseId, registerId: input.registerId, issuerUnitId: view.decidingUnitId, signer: decider, reason });
    view = { ...view, status: 'REVOKED', revocationDecision: revocation, reason };
    await recordRevocationEvent({ caseId: input.caseId, type: 'AwardRevoked', actor: actor(decider, 'DECISION_MAKER'), status: 'REVOKED', data: { reason, revocationDecision: revocation } });
  } else {
    view = { ...view, status: 'DISMISSED', reason };
    await recordRevocationEvent({ caseId: input.caseId, type: 'RevocationDismissed', actor: actor(decider, 'DECISION_MAKER'), status: 'DISMISSED', data: { reason } });
  }
  answered = true;
  return view;
}
