import * as wf from '@temporalio/workflow';
import { DomainError } from '@vinhdanh/domain/common/errors';
import { requireAuthentic } from '../guard';
import { isUnauthenticated, type MessageAuth } from '@vinhdanh/domain/common/authenticity';
import type { NominationActivities } from '@vinhdanh/domain/ladder/activities';
import { SA_LEVEL, SA_STATUS } from '@vinhdanh/domain/ladder/search-attributes';
import { nextMilestone, planDeadlines, type Milestone } from './deadlines';
import { validateAmend, validateAnswerComment, validateDecide, validatePublicComment, validateReroute, validateResubmit, validateReview, validateWithdraw } from './guards';
import type { AmendArgs, AnswerCommentArgs, CouncilResult, DossierChanges, DecideArgs, PublicCommentArgs, RerouteArgs, ResubmitArgs, ReviewArgs, WithdrawArgs } from './messages';
import { commentKey, PostingState } from './posting';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import type { Actor, NominationInput, NominationStatus, NominationView, OpenTask, PostingRule, Role, RouteStep } from '@vinhdanh/domain/ladder/nomination';
import { isCouncilResult, type EventType, type NominationEvent, type NominationEventData } from '@vinhdanh/domain/ladder/events';

// Short: these are single database transactions, and an activity lost with a crashed worker is
// retried only once its start-to-close timeout has passed. Retries are bounded (workflows/stall.ts).
const remote = wf.proxyActivities<NominationActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const formerRemote = wf.proxyActivities<NominationActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });
// The short transactions on every nomination's path (projecting an event, appraising, issuing the
// decision) as local activities: each runs inside the workflow task, so it costs one history event
// (a marker) instead of six (the activity's three and a workflow task's three), and an Update is
// answered without a round trip through the task queue. A worker lost in the middle of one is
// replaced when the workflow task times out, and the transaction runs again, as an activity's
// retry would: each is idempotent.
const local = wf.proxyLocalActivities<NominationActivities>({ startToCloseTimeout: '10 seconds', retry: BOUNDED_RETRY });
const formerLocal = wf.proxyLocalActivities<NominationActivities>({ startToCloseTimeout: '10 seconds', retry: FORMER_RETRY });
// Delivery may wait on an SMTP server for a long time; it must never hold the nomination back.
// Each attempt is short so one lost with a crashed worker is retried soon; claims stop double sends.
const { deliverNotifications } = wf.proxyActivities<NominationActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 50 },
});

/** The actions of the single lane, one at a time (see `act`). */
export type Action = (
  | { kind: 'review'; args: ReviewArgs }
  | { kind: 'resubmit'; args: ResubmitArgs }
  | { kind: 'decide'; args: DecideArgs }
  | { kind: 'withdraw'; args: WithdrawArgs }
  | { kind: 'amend'; args: AmendArgs }
) & { updateId?: string };

/*
 * Changes to running workflows, each behind `patched()` (docs/audit.md). A history recorded before
 * a change replays without it; a workflow that was running when it shipped takes it from its next step on.
 */

/** The posting period gates the council (Decree 98 Art 46(2); Decree 152 Art 44(2)). */
export const POSTING_GATE = 'law-2025-posting-gate';
/** State awards go from the Government's proposal to the President (Law Art 83(2)). */
export const PRESIDENT_STEP = 'law-2025-president-step';
/**
 * The steps added to a legacy route are recorded as an event, so the read model's route — which
 * decides who may read the dossier, the President's Office among them — follows the workflow's.
 */
export const ROUTE_COMPLETED_EVENT = 'route-completed-event';
/**
 * recordEvent, appraise and issueDecision run as local activities (see `local`); the history keeps
 * each event in its marker's result.
 */
export const LOCAL_TRANSACTIONS = 'local-short-transactions';

const CLOSED = 'CLOSED' as const;
type Closed = typeof CLOSED;

/** Inside the workflow sandbox Date is Temporal's deterministic workflow clock. */
const now = (): number => Date.now();
const iso = (ms: number): string => new Date(ms).toISOString();
const DAY_MS = 86_400_000;

export class NominationProcess {
  /** The input with its route as it stands now: a reorganisation re-routes rungs not yet passed. */
  private readonly input: NominationInput;
  private view: NominationView;
  /** What the state Query answers. */
  get state(): NominationView {
    return this.view;
  }
  private posting?: PostingState;
  /** Index of the rung being worked on. */
  private stepIndex = 0;
  private legacyCompleted = false;
  private reroutes = 0;
  private pending?: Action;
  /** Set while an accepted action is being processed: a second one gets 409, not a double effect. */
  private busy = false;
  private actionUpdateId?: string;
  private processed = 0;
  /** The state as projected by the last acknowledged action: what its Update answers. */
  private answered?: NominationView;
  private accepted = 0;
  private readonly councilResults: CouncilResult[] = [];
  /** Sessions whose result arrived: a repeated result (a replayed signal) is ignored. */
  private readonly councilSessions = new Set<string>();
  /** Nonces of accepted Updates: a captured message cannot be accepted twice. */
  private readonly nonces = new Set<string>();
  private readonly deliveries: Promise<unknown>[] = [];

  /** Steps that could not succeed, waiting for an operator (workflows/stall.ts). */
  readonly stalls = new Stalls('nominationWorkflow');
  private readonly remote = this.stalls.guarding(remote, formerRemote);
  private readonly local = this.stalls.guarding(local, formerLocal);

  constructor(input: NominationInput) {
    this.input = { ...input, route: input.route.map((s) => ({ ...s })) };
    this.view = { nominationId: input.nominationId, status: 'IN_REVIEW', level: input.route[0].level, step: 'SUBMITTED', lastSeq: 0 };
  }

  // ── the messages it accepts (wired in workflow.ts) ─────────────────────────────────────

  /**
   * The single action lane: review, resubmit, decide, withdraw. An accepted action waits for the
   * main loop to take it, and is answered once its events are projected (read-your-writes).
   */
  async act<K extends Action['kind']>(kind: K, args: Extract<Action, { kind: K }>['args']): Promise<NominationView> {
    this.remember(args);
    this.busy = true;
    const ticket = ++this.accepted;
    // Recorded with the resulting event, so the API can answer a retried request after the fact.
    this.pending = { kind, args, updateId: wf.currentUpdateInfo()?.id } as Action;
    // Answer once the action's events are projected, so the caller reads its own write; or, if a
    // step stalls first, say so now: the action is taken and completes when the step is resumed.
    await wf.condition(() => this.processed >= ticket || this.stalls.stalled);
    if (this.processed < ticket) throw this.stalls.acceptedButStalled();
    return this.answered ?? this.view;
  }

  /** An action is refused while another is being processed (409), then by its own rules. */
  checkAction<K extends Action['kind']>(kind: K, args: Extract<Action, { kind: K }>['args']): void {
    this.requireAuthentic(args);
    if (this.busy) {
      throw new DomainError({
        code: 'CONCURRENT_ACTION',
        kind: 'CONFLICT',
        messageVi: 'Một thao tác khác trên hồ sơ này đang được xử lý; vui lòng tải lại.',
        messageEn: 'Another action on this nomination is being processed; reload and retry.',
      });
    }
    const check = { review: validateReview, resubmit: validateResubmit, decide: validateDecide, withdraw: validateWithdraw, amend: validateAmend }[kind] as (input: NominationInput, view: NominationView, a: typeof args) => void;
    check(this.input, this.view, args);
  }

  /*
   * Messages outside the single action lane: public comments during a posting, the reviewer's
   * answers, and a re-routing ordered after a reorganisation. Each is checked by its validator
   * (rejected ones leave no trace) and recorded as an event.
   */

  async receiveComment(args: PublicCommentArgs): Promise<{ commentId: string; receivedAt: string }> {
    this.remember(args);
    const posting = this.posting!;
    const id = `${posting.level}-${posting.comments.length + 1}`;
    posting.comments.push({ id, key: commentKey(args.text), answered: false });
    this.view = { ...this.view, posting: posting.view() };
    const receivedAt = iso(now());
    await this.emit('PublicCommentReceived', undefined, { data: { commentId: id, text: args.text, authorName: args.authorName ?? null, level: posting.level } });
    return { commentId: id, receivedAt };
  }

  checkComment(args: PublicCommentArgs): void {
    this.requireAuthentic(args);
    validatePublicComment(this.posting, args, now());
  }

  async answerComment(args: AnswerCommentArgs): Promise<NominationView> {
    this.remember(args);
    const posting = this.posting!;
    posting.comments.find((c) => c.id === args.commentId)!.answered = true;
    this.view = { ...this.view, posting: posting.view() };
    await this.emit('PublicCommentAnswered', this.actorOf(args.actor, 'REVIEWER'), { reason: args.answer, data: { commentId: args.commentId, answer: args.answer, updateId: wf.currentUpdateInfo()?.id ?? null } });
    return this.view;
  }

  checkAnswer(args: AnswerCommentArgs): void {
    this.requireAuthentic(args);
    validateAnswerComment(this.input, this.posting, args);
  }

  async reroute(args: RerouteArgs): Promise<{ route: RouteStep[]; changed: boolean }> {
    this.remember(args);
    const map = (id: string) => args.units[id] ?? id;
    const before = JSON.stringify(this.input.route);
    for (const step of this.input.route.slice(this.stepIndex)) {
      step.reviewUnitId = map(step.reviewUnitId);
      step.decisionUnitId = map(step.decisionUnitId);
      if (step.council) step.council = { ...step.council, councilId: args.councils[step.council.councilId] ?? step.council.councilId };
      if (step.president) step.president = { proposerUnitId: map(step.president.proposerUnitId), officeUnitId: map(step.president.officeUnitId), presidentUnitId: map(step.president.presidentUnitId) };
    }
    this.input.unitId = map(this.input.unitId);
    if (this.posting) this.posting.reviewUnitId = map(this.posting.reviewUnitId);
    const changed = before !== JSON.stringify(this.input.route) || (this.view.task !== undefined && args.units[this.view.task.unitId] !== undefined);
    if (this.view.task && args.units[this.view.task.unitId]) {
      // A new task key: the inbox closes the ceased unit's task and opens the successor's.
      this.view = { ...this.view, task: { ...this.view.task, unitId: map(this.view.task.unitId), key: `${this.view.task.key}:r${++this.reroutes}` } };
    }
    await this.emit('NominationRerouted', this.actorOf(args.actor, 'ADMIN'), {
      reason: `${args.reasonVi} / ${args.reasonEn}`,
      data: { units: args.units, councils: args.councils, unitId: this.input.unitId, route: this.input.route, changed },
    });
    return { route: this.input.route, changed };
  }

  checkReroute(args: RerouteArgs): void {
    this.requireAuthentic(args);
    validateReroute(this.view, args);
  }

  private requireAuthentic(args: unknown): void {
    requireAuthentic(args, now(), this.nonces);
    this.stalls.refuseWhileStalled();
  }

  /** An accepted message's nonce: the same captured message cannot be accepted twice. */
  private remember(args: { auth?: MessageAuth }): void {
    if (args.auth) this.nonces.add(args.auth.nonce);
  }

  async run(): Promise<NominationView> {
    await this.emit('NominationSubmitted', this.actorOf(this.input.submittedBy, 'CLERK'), {
      data: { input: this.input },
      rule: `catalogue ${this.input.catalogueVersion}`,
    });
    for (let i = 0; i < this.input.route.length; i++) {
      this.stepIndex = i;
      const step = this.input.route[i];
      if ((await this.reviewAt(step)) === CLOSED) break;
      if ((await this.postingGate(step)) === CLOSED) break;
      if (step.council && (await this.councilAt(step)) === CLOSED) break;
      if (step.level === this.input.decidingLevel) {
        await this.decideAt(step);
        break;
      }
      const next = this.input.route[i + 1];
      await this.emit('ProposalForwarded', undefined, { data: { from: step.level, to: next.level } });
    }
    await Promise.allSettled(this.deliveries);
    return this.view;
  }

  // ── the three steps of a level ────────────────────────────────────────────────────────────

  private async reviewAt(step: RouteStep): Promise<'APPROVED' | Closed> {
    this.view = { ...this.view, level: step.level };
    const result = await (wf.patched(LOCAL_TRANSACTIONS) ? this.local.appraise : this.remote.appraise)({ nominationId: this.input.nominationId });
    const { outcome, catalogueVersion, summaryVi, summaryEn } = result;
    this.view = { ...this.view, eligibility: { outcome, catalogueVersion, summaryVi, summaryEn } };
    await this.emit('EligibilityAssessed', undefined, { data: { ...result }, rule: `catalogue ${result.catalogueVersion}` });
    for (let round = 0; ; round++) {
      const task = this.openTask('REVIEW', step.level, step.reviewUnitId, 'REVIEWER', this.input.policy.reviewDeadlineMs, round);
      this.setStatus('IN_REVIEW', 'REVIEW', task);
      await this.emit('ReviewRequested', undefined, { data: { task } });
      const action = await this.awaitAction(task, this.input.policy.reviewDeadlineMs, step, 'POLICY_REVIEW_DEADLINE');
      if (action === CLOSED) return CLOSED;
      if (action.kind !== 'review') throw new Error(`unexpected ${action.kind}`);
      const { args } = action;
      const actor = this.actorOf(args.actor, 'REVIEWER');
      if (args.action === 'APPROVE') {
        await this.emit('ReviewApproved', actor, { reason: args.justification, data: { justification: args.justification ?? null, eligibility: this.view.eligibility?.outcome } }, true);
        return 'APPROVED';
      }
      if (args.action === 'REJECT') {
        await this.close('REJECTED', 'NominationRejected', actor, args.reason!);
        return CLOSED;
      }
      if ((await this.supplementRound(step, args, round + 1)) === CLOSED) return CLOSED;
    }
  }

  private async supplementRound(step: RouteStep, args: ReviewArgs, round: number): Promise<'RESUBMITTED' | Closed> {
    const deadlineMs = args.deadlineDays ? args.deadlineDays * DAY_MS : this.input.policy.supplementDeadlineMs;
    const task = this.openTask('SUPPLEMENT', step.level, this.input.unitId, 'CLERK', deadlineMs, round);
    this.view = { ...this.view, supplement: { items: args.items!, deadline: task.dueAt!, round } };
    this.setStatus('SUPPLEMENT_REQUESTED', 'SUPPLEMENT', task);
    await this.emit('SupplementRequested', this.actorOf(args.actor, 'REVIEWER'), { reason: args.reason, data: { items: args.items, deadline: task.dueAt, task } }, true);
    const action = await this.awaitAction(task, deadlineMs, step, 'POLICY_SUPPLEMENT_DEADLINE');
    if (action === CLOSED) return CLOSED;
    if (action.kind !== 'resubmit') throw new Error(`unexpected ${action.kind}`);
    this.view = { ...this.view, supplement: undefined };
    const { changes } = action.args;
    if (changes) this.applyChanges(changes);
    await this.emit('SupplementProvided', this.actorOf(action.args.actor, 'CLERK'), { reason: action.args.note, data: { documents: action.args.documents, ...(changes ? { changes } : {}) } }, true);
    return 'RESUBMITTED';
  }

  /** Extension point for council voting: a council session signals its result here. */
  private async councilAt(step: RouteStep): Promise<'PASSED' | Closed> {
    // Read through `step` each time: a reorganisation may hand the rung to a successor's council.
    const council = () => step.council!;
    const task = this.openTask('COUNCIL', step.level, step.reviewUnitId, 'COUNCIL_SECRETARY', undefined, 0);
    this.setStatus('AWAITING_COUNCIL', 'COUNCIL', task);
    await this.emit('CouncilVoteRequested', undefined, { data: { councilId: council().councilId, ruleKey: council().ruleKey, task }, rule: council().ruleKey });
    for (;;) {
      await wf.condition(() => this.pending !== undefined || this.councilResults.some((r) => r.councilId === council().councilId));
      if (this.pending) {
        // Only a withdrawal can be accepted while waiting for a council.
        await this.withdraw(this.takePending().args as WithdrawArgs);
        return CLOSED;
      }
      const index = this.councilResults.findIndex((r) => r.councilId === council().councilId);
      const [result] = this.councilResults.splice(index, 1);
      const reason = `${result.reasonVi} / ${result.reasonEn}`;
      await this.emit('CouncilResultReceived', undefined, { reason, rule: result.ruleKey, data: { ...result } });
      if (result.result === 'PASSED') return 'PASSED';
      if (result.result === 'FAILED') {
        await this.close('REJECTED', 'NominationRejected', undefined, reason, result.ruleKey);
        return CLOSED;
      }
      // NO_QUORUM: the nomination stays on the council's list for its next session.
    }
  }

  private async decideAt(step: RouteStep): Promise<void> {
    if (step.president && wf.patched(PRESIDENT_STEP)) {
      await this.presidentDecides(step, step.president);
      return;
    }
    const task = this.openTask('DECISION', step.level, step.decisionUnitId, 'DECISION_MAKER', this.input.policy.decisionDeadlineMs, 0);
    this.setStatus('AWAITING_DECISION', 'DECISION', task);
    await this.emit('DecisionRequested', undefined, { data: { task }, rule: `catalogue ${this.input.catalogueVersion}` });
    const action = await this.awaitAction(task, this.input.policy.decisionDeadlineMs, step, 'POLICY_DECISION_DEADLINE');
    if (action === CLOSED) return;
    if (action.kind !== 'decide') throw new Error(`unexpected ${action.kind}`);
    await this.confer(step.decisionUnitId, action.args);
  }

  /** CONFER issues the decision in the issuer's series; REFUSE closes the nomination. */
  private async confer(issuerUnitId: string, args: DecideArgs): Promise<void> {
    const actor = this.actorOf(args.actor, 'DECISION_MAKER');
    if (args.action === 'REFUSE') {
      await this.close('REJECTED', 'NominationRejected', actor, args.reason!);
      return;
    }
    const decision = await (wf.patched(LOCAL_TRANSACTIONS) ? this.local.issueDecision : this.remote.issueDecision)({
      nominationId: this.input.nominationId,
      batchKey: args.batchKey ?? `nomination-${this.input.nominationId}`,
      issuerUnitId,
      signer: args.actor,
      awardCode: this.input.awardCode,
      awardNameVi: this.input.awardNameVi,
      year: this.input.year,
      titleVi: args.titleVi,
    });
    this.view = { ...this.view, decision, task: undefined, status: 'AWARDED', step: 'DONE' };
    this.upsertSearch();
    await this.emit('DecisionIssued', actor, { data: { ...decision }, rule: `catalogue ${this.input.catalogueVersion}` }, true);
  }

  /**
   * Orders and State honorary titles (Law Art 83(2)): the Government proposes to the President
   * (tờ trình), the President's Office reviews the proposal, the President decides (QĐ-CTN).
   */
  private async presidentDecides(step: RouteStep, units: NonNullable<RouteStep['president']>): Promise<void> {
    const deadline = this.input.policy.decisionDeadlineMs;
    const proposeTask = this.openTask('PROPOSAL', step.level, units.proposerUnitId, 'DECISION_MAKER', deadline, 0);
    this.setStatus('AWAITING_DECISION', 'PRESIDENT_PROPOSAL', proposeTask);
    await this.emit('DecisionRequested', undefined, { data: { task: proposeTask, proposal: true }, rule: 'Luật TĐKT Điều 83(2)' });
    const proposed = await this.awaitAction(proposeTask, deadline, step, 'POLICY_DECISION_DEADLINE');
    if (proposed === CLOSED) return;
    if (proposed.kind !== 'decide') throw new Error(`unexpected ${proposed.kind}`);
    const proposer = this.actorOf(proposed.args.actor, 'DECISION_MAKER');
    if (proposed.args.action === 'REFUSE') {
      await this.close('REJECTED', 'NominationRejected', proposer, proposed.args.reason!);
      return;
    }
    const proposal = await this.remote.submitProposal({ nominationId: this.input.nominationId, issuerUnitId: units.proposerUnitId, signer: proposed.args.actor });
    this.view = { ...this.view, proposal };
    await this.emit('ProposalSubmitted', proposer, { data: { ...proposal, toUnitId: units.presidentUnitId }, rule: 'Luật TĐKT Điều 83(2)' }, true);

    const reviewTask = this.openTask('REVIEW', step.level, units.officeUnitId, 'REVIEWER', this.input.policy.reviewDeadlineMs, 0, 'OFFICE');
    this.setStatus('IN_REVIEW', 'PRESIDENT_OFFICE_REVIEW', reviewTask);
    await this.emit('ReviewRequested', undefined, { data: { task: reviewTask } });
    const reviewed = await this.awaitAction(reviewTask, this.input.policy.reviewDeadlineMs, { ...step, reviewUnitId: units.officeUnitId }, 'POLICY_REVIEW_DEADLINE');
    if (reviewed === CLOSED) return;
    if (reviewed.kind !== 'review') throw new Error(`unexpected ${reviewed.kind}`);
    const reviewer = this.actorOf(reviewed.args.actor, 'REVIEWER');
    if (reviewed.args.action === 'REJECT') {
      await this.close('REJECTED', 'NominationRejected', reviewer, reviewed.args.reason!);
      return;
    }
    await this.emit('ReviewApproved', reviewer, { reason: reviewed.args.justification, data: { justification: reviewed.args.justification ?? null, office: true } }, true);

    const decideTask = this.openTask('DECISION', step.level, units.presidentUnitId, 'DECISION_MAKER', deadline, 0, 'PRESIDENT');
    this.setStatus('AWAITING_DECISION', 'PRESIDENT_DECISION', decideTask);
    await this.emit('DecisionRequested', undefined, { data: { task: decideTask }, rule: 'Luật TĐKT Điều 83(2)' });
    const decided = await this.awaitAction(decideTask, deadline, step, 'POLICY_DECISION_DEADLINE');
    if (decided === CLOSED) return;
    if (decided.kind !== 'decide') throw new Error(`unexpected ${decided.kind}`);
    await this.confer(units.presidentUnitId, decided.args);
  }

  // ── public posting and comments ─────────────────────────────────────────────────────────

  /** After the review at a level: the posting period must run, and every comment be answered. */
  private async postingGate(step: RouteStep): Promise<void | Closed> {
    if (!wf.patched(POSTING_GATE)) return;
    await this.completeLegacySteps();
    if (!step.posting) return;
    return this.postingAt(step, step.posting);
  }

  /** A route recorded before the 2025 steps existed gets them once, from the catalogue and the org. */
  private async completeLegacySteps(): Promise<void> {
    if (this.input.routeVersion === 2 || this.legacyCompleted) return;
    this.legacyCompleted = true;
    const { steps } = await this.remote.legacySteps({ nominationId: this.input.nominationId });
    const added: string[] = [];
    for (const extra of steps) {
      const step = this.input.route.find((s) => s.level === extra.level);
      if (!step) continue;
      if (extra.posting && !step.posting) {
        step.posting = extra.posting;
        added.push(`${step.level}:POSTING`);
      }
      if (extra.president && !step.president) {
        step.president = extra.president;
        added.push(`${step.level}:PRESIDENT`);
      }
    }
    if (added.length && wf.patched(ROUTE_COMPLETED_EVENT)) {
      await this.emit('RouteCompleted', undefined, { data: { route: this.input.route, added }, rule: 'Luật TĐKT 06/2022/QH15; Nghị định 152/2025/NĐ-CP' });
    }
  }

  private async postingAt(step: RouteStep, rule: PostingRule): Promise<void | Closed> {
    const period = await this.remote.planPosting({ nominationId: this.input.nominationId, level: step.level, rule });
    const posting = new PostingState(step.level, rule.kind, step.reviewUnitId, period.from, period.until, Date.parse(period.untilAt));
    this.posting = posting;
    let elapsed = false;
    // Not awaited: comments and a withdrawal may come while the period runs.
    void wf.sleep(Math.max(1, posting.untilMs - now())).then(() => {
      elapsed = true;
    });
    const task = this.openTask('POSTING', step.level, step.reviewUnitId, 'REVIEWER', undefined, 0);
    this.view = { ...this.view, posting: posting.view() };
    this.setStatus('PUBLIC_POSTING', 'POSTING', { ...task, dueAt: period.untilAt });
    const citation = rule.citation.map((c) => [c.instrument, c.article && `Điều ${c.article}${c.clause ? `(${c.clause})` : ''}`].filter(Boolean).join(' ')).join('; ');
    await this.emit('PublicPostingStarted', undefined, { data: { ...period, kind: rule.kind, days: rule.days, unit: rule.unit, citation: rule.citation }, rule: citation });
    await wf.condition(() => this.pending !== undefined || (elapsed && posting.unanswered() === 0));
    if (this.pending) {
      // Only a withdrawal can be accepted during the posting.
      await this.withdraw(this.takePending().args as WithdrawArgs);
      return CLOSED;
    }
    posting.ended = true;
    this.view = { ...this.view, posting: posting.view() };
    await this.emit('PublicPostingEnded', undefined, { data: { comments: posting.comments.length, answered: posting.comments.length - posting.unanswered() }, rule: citation });
  }

  /**
   * A council session's result. One the product did not make is recorded and ignored; so is a
   * second result from the same session (a replayed signal).
   */
  async onCouncilResult(result: CouncilResult): Promise<void> {
    if (isUnauthenticated(result)) {
      await this.emit('UnauthenticatedMessageIgnored', undefined, { reason: `councilResult: ${result.$unauthenticated}`, data: { message: 'councilResult', reason: result.$unauthenticated } });
      return;
    }
    // Authentic payloads come only from the product; a signal with no payload at all never went
    // through the codec. Reading it would throw and fail the workflow task on every retry.
    if (!isCouncilResult(result)) {
      await this.emit('UnauthenticatedMessageIgnored', undefined, { reason: 'councilResult: MALFORMED', data: { message: 'councilResult', reason: 'MALFORMED' } });
      return;
    }
    const key = `${result.councilId}/${result.sessionId}`;
    if (this.councilSessions.has(key)) return;
    this.councilSessions.add(key);
    this.councilResults.push(result);
  }

  // ── waiting, deadlines, closing ──────────────────────────────────────────────────────────

  /** Waits for the task's action or a withdrawal, sending reminders and escalations on the way. */
  private async awaitAction(task: OpenTask, deadlineMs: number, step: RouteStep, policyKey: string): Promise<Action | Closed> {
    const plan = planDeadlines(now(), deadlineMs, this.input.policy.reminderBeforeMs, task.kind === 'REVIEW' ? this.input.policy.escalateAfterMs : undefined);
    const done = new Set<Milestone>();
    for (;;) {
      const next = nextMilestone(plan, done);
      const arrived = await wf.condition(() => this.pending !== undefined, Math.max(1, next.at - now()));
      if (arrived) {
        const action = this.takePending();
        if (action.kind === 'withdraw') {
          await this.withdraw(action.args);
          return CLOSED;
        }
        if (action.kind === 'amend') {
          // A correction before the first review: recorded, and the same task goes on waiting, with its deadline.
          await this.amend(action.args, task);
          continue;
        }
        return action; // the caller processes it and acknowledges it through emit(…, ack)
      }
      done.add(next.milestone);
      if (next.milestone === 'REMIND') {
        await this.emit('ReviewReminderSent', undefined, { data: { task, dueAt: task.dueAt }, rule: policyKey });
      } else if (next.milestone === 'ESCALATE') {
        await this.emit('ReviewEscalated', undefined, { data: { task, toUnitId: step.reviewUnitId, toRole: 'UNIT_HEAD' }, rule: 'POLICY_ESCALATE_AFTER' });
      } else {
        const reason = `Quá hạn xử lý (${task.kind}) vào ${task.dueAt} / Deadline for ${task.kind} passed at ${task.dueAt}`;
        await this.close('EXPIRED', 'NominationExpired', undefined, reason, policyKey);
        return CLOSED;
      }
    }
  }

  private takePending(): Action {
    const action = this.pending!;
    this.pending = undefined;
    this.actionUpdateId = action.updateId;
    this.view = { ...this.view, task: undefined };
    return action;
  }

  /** The dossier as corrected from now on (documents, proposal letters and the read model follow it). */
  private async amend(args: AmendArgs, task: OpenTask): Promise<void> {
    this.applyChanges(args.changes);
    if (args.changes.documents !== undefined) this.input.dossier.documents = args.changes.documents;
    // takePending cleared the task from the view; it is still open.
    this.view = { ...this.view, task };
    await this.emit('DossierAmended', this.actorOf(args.actor, 'CLERK'), { reason: args.note, data: { changes: args.changes } }, true);
  }

  /** Corrections to the dossier's fields (before review, or as a supplement asked): the dossier as it now stands. */
  private applyChanges({ achievements, position, frontLine }: DossierChanges): void {
    if (achievements !== undefined) this.input.dossier.achievements = achievements;
    if (position !== undefined) this.input.nominee.position = position;
    if (frontLine !== undefined) this.input.nominee.frontLine = frontLine;
  }

  private async withdraw(args: WithdrawArgs): Promise<void> {
    await this.close('WITHDRAWN', 'NominationWithdrawn', this.actorOf(args.actor, 'CLERK'), args.reason, undefined, true);
  }

  private async close(status: NominationStatus, type: 'NominationRejected' | 'NominationWithdrawn' | 'NominationExpired', actor: NominationEvent['actor'], reason: string, rule?: string, ack = !!actor): Promise<void> {
    this.view = { ...this.view, status, step: 'DONE', task: undefined, outcomeReason: reason };
    this.upsertSearch();
    await this.emit(type, actor, { reason, rule, data: {} }, ack);
  }

  private openTask(kind: OpenTask['kind'], level: OpenTask['level'], unitId: string, role: Role, deadlineMs: number | undefined, round: number, tag?: string): OpenTask {
    const key = `${level}:${kind}:${round}${tag ? `:${tag}` : ''}`;
    return { key, kind, level, unitId, role, dueAt: deadlineMs === undefined ? undefined : iso(now() + deadlineMs) };
  }

  private setStatus(status: NominationStatus, step: string, task?: OpenTask): void {
    this.view = { ...this.view, status, step, task };
    this.upsertSearch();
  }

  private upsertSearch(): void {
    wf.upsertSearchAttributes([
      { key: SA_STATUS, value: this.view.status },
      { key: SA_LEVEL, value: this.view.level },
    ]);
  }

  private actorOf(actor: Actor, role: Role): NominationEvent['actor'] {
    return { userId: actor.userId, fullName: actor.fullName, role };
  }

  /**
   * Records one event: projection, audit and outbox in one activity (one transaction). With `ack`,
   * the update that caused it is answered afterwards, and the lane opens for the next action.
   */
  private async emit<T extends EventType>(type: T, actor: NominationEvent['actor'], extra: { reason?: string; rule?: string; data: NominationEventData[T] & { updateId?: string | null } }, ack = false): Promise<void> {
    const seq = this.view.lastSeq + 1;
    this.view = { ...this.view, lastSeq: seq };
    const data = ack && this.actionUpdateId ? { ...extra.data, updateId: this.actionUpdateId } : extra.data;
    // TypeScript cannot tie the generic `type` to its variant of the union; the signature above does.
    const event = { seq, type, level: this.view.level, at: iso(now()), actor, reason: extra.reason, rule: extra.rule, data } as NominationEvent;
    const projected = this.view;
    const record = wf.patched(LOCAL_TRANSACTIONS) ? this.local.recordEvent : this.remote.recordEvent;
    const { notificationIds } = await record({ nominationId: this.input.nominationId, event, view: projected });
    if (notificationIds.length) this.deliveries.push(deliverNotifications({ ids: notificationIds }));
    if (ack) {
      // The answer is the state this event projected: by the time the Update handler resumes, the
      // main loop may have moved on to a next event not yet in the read model.
      this.answered = projected;
      this.processed = this.accepted;
      this.busy = false;
      this.actionUpdateId = undefined;
    }
  }
}
