import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { vietnamDayStartMs, type ApproveRegistrationArgs, type RegistrationActivities, type ReturnRegistrationArgs, type SetEntriesArgs, type SubmitRegistrationArgs, type RegistrationEventType, type RegistrationInput, type RegistrationView } from '@vinhdanh/domain/movement/registration';
import { guard, requireAuthentic } from '../guard';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import { pastDeadline, validateDecideRegistration, validateSetEntries, validateSubmitRegistration } from './guards';
import { approveRegistrationUpdate, registrationQuery, returnRegistrationUpdate, setEntriesUpdate, submitRegistrationUpdate } from './messages';

const activities = wf.proxyActivities<RegistrationActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<RegistrationActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });

const DAY = 86_400_000;

/**
 * One unit's registration for one year of the movement (đăng ký thi đua): the clerk lists the
 * titles the unit and its people aim for, with the unit's pledges, and sends it to the unit head,
 * who approves it or returns it with a reason. Before the deadline the clerks are reminded; past it,
 * a registration is refused or accepted and marked late, as configured. Every step is projected
 * (the read model answers year-end dossiers) and goes on the registration's audit stream. It ends
 * once approved, or when its year is over.
 */
export async function registrationWorkflow(input: RegistrationInput): Promise<RegistrationView> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  let view: RegistrationView = {
    registrationId: input.registrationId, unitId: input.unitId, year: input.year, status: 'OPEN', deadline: input.deadline, lateRule: input.lateRule,
    late: false, entries: [], pledge: '', seq: 0,
  };
  const nonces = new Set<string>();
  const stalls = new Stalls('registrationWorkflow').listen();
  const { recordRegistrationEvent } = stalls.guarding(activities, former);
  const who = (a: Actor, role: string) => ({ userId: a.userId, fullName: a.fullName, role });
  // Each step numbered as it happens, and projected before the Update answers (the caller reads its own write).
  const record = async (type: RegistrationEventType, actor?: ReturnType<typeof who>, data?: Record<string, unknown>) => {
    view = { ...view, seq: view.seq + 1 };
    await recordRegistrationEvent({ type, ...(actor ? { actor } : {}), view, ...(data ? { data } : {}) });
  };
  const checked = <A>(validate: (args: A) => void) => ({
    validator: (args: A) => guard(() => {
      requireAuthentic(args, Date.now(), nonces);
      stalls.refuseWhileStalled();
      validate(args);
    }),
  });
  const remember = (args: { auth?: { nonce: string } }) => { if (args.auth) nonces.add(args.auth.nonce); };

  wf.setHandler(registrationQuery, () => view);
  wf.setHandler(setEntriesUpdate, async (args) => {
    remember(args);
    view = { ...view, entries: args.entries, pledge: args.pledge };
    await record('RegistrationEdited', who(args.actor, 'CLERK'), { entries: args.entries.length });
    return view;
  }, checked((args: SetEntriesArgs) => validateSetEntries(view, args)));
  wf.setHandler(submitRegistrationUpdate, async (args) => {
    remember(args);
    const late = pastDeadline(input, Date.now());
    view = { ...view, status: 'SUBMITTED', late: view.late || late, returnedReason: undefined };
    await record('RegistrationSubmitted', who(args.actor, 'CLERK'), { entries: view.entries.length, late });
    return view;
  }, checked((args: SubmitRegistrationArgs) => validateSubmitRegistration(input, view, args, Date.now())));
  wf.setHandler(approveRegistrationUpdate, async (args) => {
    remember(args);
    view = { ...view, status: 'APPROVED' };
    await record('RegistrationApproved', who(args.actor, 'DECISION_MAKER'), { entries: view.entries.length });
    return view;
  }, checked((args: ApproveRegistrationArgs) => validateDecideRegistration(view, args)));
  wf.setHandler(returnRegistrationUpdate, async (args) => {
    remember(args);
    view = { ...view, status: 'RETURNED', returnedReason: args.reason };
    await record('RegistrationReturned', who(args.actor, 'DECISION_MAKER'), { reason: args.reason });
    return view;
  }, checked((args: ReturnRegistrationArgs) => validateDecideRegistration(view, args)));

  await record('RegistrationOpened', who(input.openedBy, 'CLERK'), { deadline: input.deadline, lateRule: input.lateRule });
  const sent = () => view.status === 'SUBMITTED' || view.status === 'APPROVED';
  const deadlineStart = vietnamDayStartMs(input.deadline);
  const until = (at: number) => Math.max(at - Date.now(), 1);
  // A reminder some days before the deadline, and a notice once it has passed, while nothing was sent.
  if (Date.now() < deadlineStart - input.remindDaysBefore * DAY && !(await wf.condition(sent, until(deadlineStart - input.remindDaysBefore * DAY)))) {
    await record('RegistrationReminded', undefined, { deadline: input.deadline });
  }
  if (!sent() && !(await wf.condition(sent, until(deadlineStart + DAY)))) {
    await record('RegistrationOverdue', undefined, { deadline: input.deadline });
  }
  // Open until approved, or until its year is over.
  await wf.condition(() => view.status === 'APPROVED', until(vietnamDayStartMs(`${input.year + 1}-01-01`)));
  await wf.condition(wf.allHandlersFinished);
  return view;
}
