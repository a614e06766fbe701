import * as wf from '@temporalio/workflow';
import { eligibleMembers, quorumMet } from '@vinhdanh/domain/council';
import type { CouncilActivities } from '@vinhdanh/domain/ladder/activities';
import { councilResultSignal } from '../nomination/messages';
import { BOUNDED_RETRY, FORMER_RETRY, Stalls } from '../stall';
import type { SessionState } from './guards';
import type { CastBallotArgs, CastSecretBallotArgs, CloseSessionArgs, DeclareConflictArgs, OpenBallotBoxArgs, TakeBallotsArgs } from './messages';
import type { CouncilSessionInput, CouncilSessionView, ItemResult } from '@vinhdanh/domain/ladder/council';

const activities = wf.proxyActivities<CouncilActivities>({ startToCloseTimeout: '1 minute', retry: BOUNDED_RETRY });
const former = wf.proxyActivities<CouncilActivities>({ startToCloseTimeout: '1 minute', retry: FORMER_RETRY });

/*
 * Changes to running workflows, each behind `patched()` (docs/audit.md).
 *
 * BLIND_V2 ballots are dropped in a ballot box in PostgreSQL and counted when the session opens it
 * (openBox): its history then says when the box was opened, never when each ballot was cast. The
 * final opening, before the tally, is the change to the commands of a running session.
 */
export const BALLOT_BOX = 'council-ballot-box';

/**
 * One council meeting (phiên họp Hội đồng TĐKT), the state machine behind workflow.ts. Members
 * take and cast secret ballots; the session closes at its deadline, when every eligible member has
 * voted, or early by the secretary once quorum holds; the tally moves each nomination on.
 */
export class CouncilSession {
  readonly state: SessionState;
  private closeRequested = false;
  private closedReason: CouncilSessionView['closedReason'];
  private results?: ItemResult[];
  /** Handlers still recording their projection. */
  private recording = 0;
  /** Openings of the ballot box so far: each has its own id, so a retried one takes the same ballots. */
  private openings = 0;
  /** SEALED_V1 ballots, opened by the tally. */
  private readonly sealed: string[] = [];
  /** BLIND_V2 ballots: the choice and nothing else; receipts are kept apart. */
  private readonly ballots: Pick<CastSecretBallotArgs, 'nominationId' | 'choice'>[] = [];
  private readonly receiptList: Pick<CastSecretBallotArgs, 'nominationId' | 'receiptHash'>[] = [];

  /** Steps that could not succeed, waiting for an operator (workflows/stall.ts). */
  readonly stalls = new Stalls('councilSessionWorkflow');
  private readonly acts = this.stalls.guarding(activities, former);

  constructor(private readonly input: CouncilSessionInput) {
    this.state = { status: 'OPEN', conflicts: [...input.conflicts], voted: [], holders: {}, cast: {}, receipts: new Set(), nonces: new Set() };
  }

  private get blind(): boolean {
    return this.input.scheme === 'BLIND_V2';
  }

  view(): CouncilSessionView {
    const { input, state } = this;
    const turnout = this.blind ? [...new Set(Object.values(state.holders).flatMap((h) => Object.keys(h)))] : [...state.voted];
    return {
      sessionId: input.sessionId,
      councilId: input.councilId,
      scheme: input.scheme ?? 'SEALED_V1',
      status: state.status,
      deadline: input.deadline,
      closedReason: this.closedReason,
      membersTotal: input.members.length,
      turnoutUserIds: turnout,
      votedUserIds: turnout,
      conflicts: [...state.conflicts],
      items: input.items.map((i) => {
        const eligible = eligibleMembers(i, input.members, state.conflicts);
        const holders = this.blind ? Object.keys(state.holders[i.nominationId] ?? {}).length : eligible.filter((m) => state.voted.includes(m.userId)).length;
        const voted = this.blind ? (state.cast[i.nominationId] ?? 0) : holders;
        return {
          nominationId: i.nominationId,
          awardCode: i.awardCode,
          nomineeName: i.nomineeName,
          ruleKey: i.ruleKey,
          eligible: eligible.length,
          holders,
          voted,
          quorumReached: quorumMet(input.rules[i.ruleKey], input.members.length, eligible.length, voted),
        };
      }),
      results: this.results,
    };
  }

  private remember(auth: { nonce: string } | undefined): void {
    if (auth) this.state.nonces.add(auth.nonce);
  }

  // The handlers await the activity inline (not through a helper of their own): an extra await would
  // reorder the commands of sessions already recorded, and their histories must replay as they are.
  // (`acts` adds one only to sessions begun after workflows/stall.ts, decided when the run starts.)
  async castSealed(args: CastBallotArgs): Promise<CouncilSessionView> {
    this.state.voted.push(args.actor.userId);
    this.sealed.push(args.sealed);
    this.recording++;
    await this.acts.recordCouncilEvent({ sessionId: this.input.sessionId, type: 'BallotCast', actorId: args.actor.userId, view: this.view() });
    this.recording--;
    return this.view();
  }

  async takeBallots(args: TakeBallotsArgs): Promise<CouncilSessionView> {
    this.remember(args.auth);
    const fresh = args.requests.filter((r) => this.state.holders[r.nominationId]?.[args.actor.userId] === undefined);
    for (const r of fresh) (this.state.holders[r.nominationId] ??= {})[args.actor.userId] = r.blindedHash;
    // A repeated request (a retry) changes nothing and records nothing.
    if (fresh.length) {
      this.recording++;
      await this.acts.recordCouncilEvent({ sessionId: this.input.sessionId, type: 'BallotIssued', actorId: args.actor.userId, view: this.view(), data: { nominationIds: fresh.map((r) => r.nominationId) } });
      this.recording--;
    }
    return this.view();
  }

  /** The former path, one Update per ballot: kept so sessions that took ballots this way replay and finish. */
  castSecret(args: CastSecretBallotArgs): { accepted: true } {
    this.remember(args.auth);
    this.count(args);
    return { accepted: true };
  }

  /**
   * Opens the ballot box and counts what it holds, in the random order the box gives. A ballot is
   * counted once (its receipt), and never beyond the ballots handed out for its nomination (the
   * box refuses those too; this is the workflow's own check).
   */
  async openBox(args?: OpenBallotBoxArgs, close = false): Promise<{ counted: number }> {
    this.remember(args?.auth);
    this.recording++;
    // Numbered per session, not per run: a run reset to before an opening takes the same ballots again.
    const { ballots } = await this.acts.openBallotBox({ sessionId: this.input.sessionId, openingId: `${this.input.sessionId}:${++this.openings}`, close });
    this.recording--;
    let counted = 0;
    for (const b of ballots) {
      const holders = Object.keys(this.state.holders[b.nominationId] ?? {}).length;
      if (this.state.receipts.has(b.receiptHash) || (this.state.cast[b.nominationId] ?? 0) >= holders) continue;
      this.count(b);
      counted++;
    }
    return { counted };
  }

  private count(b: Pick<CastSecretBallotArgs, 'nominationId' | 'receiptHash' | 'choice'>): void {
    this.state.receipts.add(b.receiptHash);
    this.state.cast[b.nominationId] = (this.state.cast[b.nominationId] ?? 0) + 1;
    this.ballots.push({ nominationId: b.nominationId, choice: b.choice });
    this.receiptList.push({ nominationId: b.nominationId, receiptHash: b.receiptHash });
  }

  async declareConflict(args: DeclareConflictArgs): Promise<CouncilSessionView> {
    this.remember(args.auth);
    this.state.conflicts.push({ userId: args.actor.userId, nominationId: args.nominationId, reason: args.reason });
    this.recording++;
    await this.acts.recordCouncilEvent({ sessionId: this.input.sessionId, type: 'ConflictDeclared', actorId: args.actor.userId, view: this.view(), data: { nominationId: args.nominationId, reason: args.reason } });
    this.recording--;
    return this.view();
  }

  async close(args: CloseSessionArgs): Promise<CouncilSessionView> {
    this.remember(args.auth);
    this.closeRequested = true;
    await wf.condition(() => this.results !== undefined);
    return this.view();
  }

  private allVoted(): boolean {
    return this.view().items.every((i) => i.voted === i.eligible);
  }

  async run(): Promise<CouncilSessionView> {
    const { input } = this;
    await this.acts.recordCouncilEvent({ sessionId: input.sessionId, type: 'SessionOpened', actorId: input.openedBy.userId, view: this.view() });
    const remaining = Date.parse(input.deadline) - Date.now();
    const ended = await wf.condition(() => this.closeRequested || this.allVoted(), Math.max(1, remaining));
    this.closedReason = !ended ? 'DEADLINE' : this.closeRequested ? 'CLOSED_BY_SECRETARY' : 'ALL_VOTED';
    this.state.status = 'CLOSED';
    // Let handlers accepted just before closing finish recording. (Not allHandlersFinished: the
    // secretary's close handler is itself waiting for the results.)
    await wf.condition(() => this.recording === 0);
    // Whatever is still in the box is counted, and the box is closed for good.
    if (this.blind && wf.patched(BALLOT_BOX)) await this.openBox(undefined, true);

    const tallied = this.blind
      ? await this.acts.tallySecretBallots({ input, ballots: this.ballots, receipts: this.receiptList, holders: this.holderIds(), conflicts: this.state.conflicts, closedReason: this.closedReason })
      : await this.acts.tallyCouncilSession({ input, sealed: this.sealed, voted: this.state.voted, conflicts: this.state.conflicts, closedReason: this.closedReason });
    this.results = tallied.results;
    for (const r of this.results) {
      if (r.result === 'VOID') continue;
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
    await this.acts.recordCouncilEvent({ sessionId: input.sessionId, type: 'SessionClosed', view: this.view(), data: { closedReason: this.closedReason } });
    return this.view();
  }

  private holderIds(): Record<string, string[]> {
    return Object.fromEntries(Object.entries(this.state.holders).map(([id, h]) => [id, Object.keys(h)]));
  }
}
