import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import { aggregateReports, unitReportWorkflowId, vietnamDayStartMs, type PhaseReviewActivities, type PhaseReviewInput, type SubmitReportArgs, type UnitReportInput, type UnitReportResult, type UnitReportStatus, type CloseReviewArgs } from '@vinhdanh/domain/movement';
import { guard, requireAuthentic } from '../guard';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import { validateCloseReview, validateSubmitReport } from './guards';
import { closeReportSignal, closeReviewUpdate, submitReportUpdate } from './messages';

const activities = wf.proxyActivities<PhaseReviewActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<PhaseReviewActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });

/*
 * Changes to running workflows, each behind `patched()` (docs/audit.md).
 *
 * The review counts as closing only once its closing is recorded: the units' tasks ask the record
 * before they believe a close signal (a signal from the frontend is not authenticated), so a
 * signal sent before the record would be disbelieved and leave that task open for ever.
 */
export const CLOSING_RECORDED_FIRST = 'phase-review-closing-recorded-first';

const DAY = 86_400_000;
const until = (at: number) => Math.max(at - Date.now(), 1);

/**
 * A phase review (sơ kết, tổng kết): one child workflow per unit holds that unit's report task, so
 * the review's own history grows by a handful of events per unit, whatever the unit's reminders and
 * corrections. The review closes when Sở Nội vụ says so, or on its own once the grace after the
 * deadline has run; it then tells the units' tasks, waits for their outcomes, and aggregates.
 */
export async function phaseReviewWorkflow(input: PhaseReviewInput): Promise<ReturnType<typeof aggregateReports>> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  const nonces = new Set<string>();
  const stalls = new Stalls('phaseReviewWorkflow').listen();
  const { recordPhaseReviewEvent } = stalls.guarding(activities, former);
  let closeAsked = false; // an authentic close was accepted; refuses a second
  let closing = false; // ... and is recorded: the units' tasks may now be told
  const homeAffairs = [input.openedBy.unitId];
  wf.setHandler(closeReviewUpdate, async (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    closeAsked = true;
    const recordedFirst = wf.patched(CLOSING_RECORDED_FIRST);
    if (!recordedFirst) closing = true;
    await recordPhaseReviewEvent({ type: 'PhaseReviewClosing', reviewId: input.reviewId, actor: { userId: args.actor.userId, role: 'REVIEWER' } });
    closing = true;
    return { reviewId: input.reviewId, closing };
  }, { validator: (args: CloseReviewArgs) => guard(() => { requireAuthentic(args, Date.now(), nonces); stalls.refuseWhileStalled(); validateCloseReview(closeAsked, args, homeAffairs); }) });

  const { auth: _auth, openedBy, ...review } = input;
  await recordPhaseReviewEvent({ type: 'PhaseReviewOpened', reviewId: input.reviewId, review: { ...review, openedBy: openedBy.userId }, actor: { userId: openedBy.userId, role: 'REVIEWER' } });
  const children = await Promise.all(input.unitIds.map((unitId) => wf.startChild(unitReportWorkflow, {
    workflowId: unitReportWorkflowId(input.reviewId, unitId),
    args: [{ reviewId: input.reviewId, unitId, deadline: input.deadline, graceDays: input.graceDays }],
  })));
  const closeAt = vietnamDayStartMs(input.deadline) + (input.graceDays + 1) * DAY;
  if (!(await wf.condition(() => closeAsked, until(closeAt)))) {
    closeAsked = true;
    await recordPhaseReviewEvent({ type: 'PhaseReviewClosing', reviewId: input.reviewId });
    closing = true;
  }
  await wf.condition(() => closing); // a close accepted by the Update is recorded by it
  const results: UnitReportResult[] = await Promise.all(children.map(async (child) => {
    await child.signal(closeReportSignal).catch(() => undefined); // a task already finished needs no telling
    return child.result();
  }));
  const totals = aggregateReports(results);
  await recordPhaseReviewEvent({ type: 'PhaseReviewAggregated', reviewId: input.reviewId, totals });
  await wf.condition(wf.allHandlersFinished);
  return totals;
}

/**
 * One unit's report task in a review: reminded three days before the deadline, escalated to the
 * head on the day after, taken late until the review closes; then missing if never sent.
 */
export async function unitReportWorkflow(input: UnitReportInput): Promise<UnitReportResult> {
  if (isUnauthenticated(input)) throw ApplicationFailure.nonRetryable('The workflow input did not authenticate', 'UNAUTHENTICATED_START');
  const nonces = new Set<string>();
  const stalls = new Stalls('unitReportWorkflow').listen();
  const { recordPhaseReviewEvent, phaseReviewClosing } = stalls.guarding(activities, former);
  let status: UnitReportStatus = 'OPEN';
  let result: UnitReportResult | undefined;
  let closeAsked = false;
  const deadlineStart = vietnamDayStartMs(input.deadline);
  const pastDeadline = () => Date.now() >= deadlineStart + DAY;
  wf.setHandler(submitReportUpdate, async (args) => {
    if (args.auth) nonces.add(args.auth.nonce);
    const late = pastDeadline();
    status = 'SUBMITTED';
    result = { unitId: input.unitId, status: 'SUBMITTED', late, figures: args.figures };
    await recordPhaseReviewEvent({ type: 'UnitReportSubmitted', reviewId: input.reviewId, unitId: input.unitId, actor: { userId: args.actor.userId, role: args.actor.roles.includes('DECISION_MAKER') ? 'DECISION_MAKER' : 'CLERK' }, report: { figures: args.figures, summary: args.summary, documents: args.documents, late } });
    return { unitId: input.unitId, status, late };
  }, { validator: (args: SubmitReportArgs) => guard(() => { requireAuthentic(args, Date.now(), nonces); stalls.refuseWhileStalled(); validateSubmitReport(input, status, args); }) });
  wf.setHandler(closeReportSignal, () => { closeAsked = true; });

  await recordPhaseReviewEvent({ type: 'UnitReportOpened', reviewId: input.reviewId, unitId: input.unitId });
  const sent = () => status !== 'OPEN';
  const remindAt = deadlineStart - 3 * DAY;
  if (Date.now() < remindAt && !(await wf.condition(() => sent() || closeAsked, until(remindAt)))) {
    await recordPhaseReviewEvent({ type: 'UnitReportReminded', reviewId: input.reviewId, unitId: input.unitId });
  }
  if (!sent() && !closeAsked && !(await wf.condition(() => sent() || closeAsked, until(deadlineStart + DAY)))) {
    await recordPhaseReviewEvent({ type: 'UnitReportOverdue', reviewId: input.reviewId, unitId: input.unitId });
  }
  // Open until sent, or until the review closes: a close signal counts only if the review's closing is recorded.
  for (;;) {
    await wf.condition(() => sent() || closeAsked);
    if (sent()) break;
    if (await phaseReviewClosing({ reviewId: input.reviewId })) break;
    closeAsked = false;
  }
  if (!result) {
    status = 'MISSING';
    result = { unitId: input.unitId, status: 'MISSING', late: false };
    await recordPhaseReviewEvent({ type: 'UnitReportMissing', reviewId: input.reviewId, unitId: input.unitId });
  }
  await wf.condition(wf.allHandlersFinished);
  return result;
}
