import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import { guard } from '../guard';
import { validateClose, validateConflict, validateOpenBox, validateSealedBallot, validateSecretBallot, validateTakeBallots } from './guards';
import type { CastBallotArgs, CastSecretBallotArgs, CloseSessionArgs, DeclareConflictArgs, OpenBallotBoxArgs, TakeBallotsArgs } from './messages';
import { castBallotUpdate, castSecretBallotUpdate, closeSessionUpdate, declareConflictUpdate, openBallotBoxUpdate, sessionQuery, takeBallotsUpdate } from './messages';
import { CouncilSession } from './session';
import type { CouncilSessionInput, CouncilSessionView } from '@vinhdanh/domain/ladder/council';

/** Inside the workflow sandbox Date is Temporal's deterministic workflow clock. */
const now = (): number => Date.now();

/** Wiring only: each message to its validator and to the session's handler. */
export async function councilSessionWorkflow(input: CouncilSessionInput): Promise<CouncilSessionView> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  const session = new CouncilSession(input);
  const { state } = session;
  session.stalls.listen();
  // A session waiting for its operator takes no ballot and no close (workflows/stall.ts).
  const checked = <A>(check: (args: A) => void) => ({ validator: (args: A) => guard(() => { session.stalls.refuseWhileStalled(); check(args); }) });
  wf.setHandler(sessionQuery, () => session.view());
  wf.setHandler(castBallotUpdate, (args) => session.castSealed(args), checked((args: CastBallotArgs) => validateSealedBallot(input, state, args, now())));
  wf.setHandler(takeBallotsUpdate, (args) => session.takeBallots(args), checked((args: TakeBallotsArgs) => validateTakeBallots(input, state, args, now())));
  wf.setHandler(castSecretBallotUpdate, async (args) => session.castSecret(args), checked((args: CastSecretBallotArgs) => validateSecretBallot(input, state, args, now())));
  wf.setHandler(openBallotBoxUpdate, (args) => session.openBox(args), checked((args: OpenBallotBoxArgs) => validateOpenBox(input, state, args, now())));
  wf.setHandler(declareConflictUpdate, (args) => session.declareConflict(args), checked((args: DeclareConflictArgs) => validateConflict(input, state, args, now())));
  wf.setHandler(closeSessionUpdate, (args) => session.close(args), checked((args: CloseSessionArgs) => validateClose(input, state, args, now())));
  return session.run();
}
