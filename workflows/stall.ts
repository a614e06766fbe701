import * as wf from '@temporalio/workflow';
import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { notStalled, PERMANENT_FAULT, stalledAfterAccepting, workflowStalled, type ResumeStalledArgs, type StallActivities, type StallKind, type StallView } from '@vinhdanh/domain/engine/stalls';
import { asFailure, guard, requireAuthentic } from './guard';

/**
 * A change to running workflows (docs/audit.md): a step that cannot succeed stalls the workflow
 * instead of failing it. Decided once, when the run starts: the wrapper adds a microtask or two
 * between an activity's completion and its caller, which could reorder the commands of a history
 * recorded before it, so a run begun before the change keeps its former activities (retrying
 * without end) and replays as it ran.
 */
export const STALL_INSTEAD_OF_FAILING = 'stall-instead-of-failing';

/**
 * Every activity's retries, bounded: about a quarter of an hour (20 attempts, the wait doubling
 * from 1 s to a minute) rides out a database restart or a failover; past that the step stalls.
 */
export const BOUNDED_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 } as const;
/** The retries of runs begun before the change (see `guarding`). */
export const FORMER_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

export const resumeStalledUpdate = wf.defineUpdate<StallView[], [ResumeStalledArgs]>('resumeStalled');
export const stalledQuery = wf.defineQuery<StallView[]>('stalled');

/** Failures that say the run is not ours or the message not the product's: those end the run, as before. */
const NEVER_STALL = ['FOREIGN_RUN', 'UNAUTHENTICATED_MESSAGE', 'UNAUTHENTICATED_START'];

// Putting the stall on the record is worth a few attempts, not a second stall: the Query and the
// history already show it, and the database may be what failed.
const { recordStall, recordResume } = wf.proxyActivities<StallActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * The stall an activity's failure calls for, or none (the failure then goes on as it always did).
 * A regular activity's failure arrives as an ActivityFailure around its cause; a local activity's
 * as the cause itself. Retries being bounded, any other failure that reaches the workflow has used
 * them all.
 */
export function stallFor(err: unknown): { kind: StallKind; message: string; sqlState?: string } | undefined {
  const activity = err instanceof ActivityFailure ? err : undefined;
  const cause = activity ? activity.cause : err;
  const message = ((cause as Error | undefined)?.message ?? activity?.message ?? '').slice(0, 500);
  if (cause instanceof ApplicationFailure) {
    if (NEVER_STALL.includes(cause.type ?? '')) return undefined;
    if (cause.type !== PERMANENT_FAULT) return { kind: 'RETRIES_EXHAUSTED', message };
    const [details] = cause.details ?? [];
    const sqlState = (details as { sqlState?: unknown } | undefined)?.sqlState;
    return { kind: 'PERMANENT_FAULT', message, ...(typeof sqlState === 'string' ? { sqlState } : {}) };
  }
  if (cause instanceof TimeoutFailure) return { kind: 'RETRIES_EXHAUSTED', message };
  if (activity && (activity.retryState === 'MAXIMUM_ATTEMPTS_REACHED' || activity.retryState === 'TIMEOUT')) return { kind: 'RETRIES_EXHAUSTED', message };
  return undefined;
}

/**
 * The stalled steps of one workflow (docs/operations.md). `guarding` wraps its activities so a
 * step that cannot succeed waits here, recorded and visible, until an operator resumes it; then it
 * runs again. While anything is stalled, new actions are refused with a reason (`refuseWhileStalled`).
 */
export class Stalls {
  private readonly open = new Map<number, StallView>();
  private stalls = 0;
  /** Resumes so far: a stall waits for the next one. */
  private resumes = 0;
  private readonly nonces = new Set<string>();
  /** A resume being recorded: a second one meanwhile would resume nothing more. */
  private resuming = false;
  /** Whether this run stalls (it began after the change) or keeps its former activities. */
  private readonly active = wf.patched(STALL_INSTEAD_OF_FAILING);

  constructor(private readonly workflowType: string) {}

  /** The operator's Update and the Query. Registered once, by the workflow function. */
  listen(): this {
    wf.setHandler(stalledQuery, () => this.list());
    wf.setHandler(
      resumeStalledUpdate,
      async (args) => {
        if (args.auth) this.nonces.add(args.auth.nonce);
        const resumed = this.list();
        this.resuming = true;
        // On the record before the steps run again, so the chain reads stall, resume, and any stall after.
        await recordResume({ workflowId: wf.workflowInfo().workflowId, userId: args.actor.userId, steps: resumed.map((s) => s.step), at: new Date(Date.now()).toISOString() }).catch(() => undefined);
        this.resuming = false;
        this.resumes += 1;
        return resumed;
      },
      {
        validator: (args) =>
          guard(() => {
            requireAuthentic(args, Date.now(), this.nonces);
            if (this.open.size === 0 || this.resuming) throw notStalled();
          }),
      },
    );
    return this;
  }

  list(): StallView[] {
    return [...this.open.values()];
  }

  get stalled(): boolean {
    return this.open.size > 0;
  }

  /** The answer to an action taken before a step stalled: it completes once the step is resumed. */
  acceptedButStalled(): ApplicationFailure {
    return asFailure(stalledAfterAccepting());
  }

  /** For every Update validator: no new action joins a workflow that waits for its operator. */
  refuseWhileStalled(): void {
    if (this.open.size > 0) throw workflowStalled();
  }

  /** The activities, each stalling instead of failing; a run begun before the change keeps its former ones. */
  guarding<T extends object>(activities: T, former: T): T {
    if (!this.active) return former;
    return new Proxy(activities, {
      get: (target, name) => {
        const fn = (target as Record<string | symbol, unknown>)[name];
        if (typeof fn !== 'function' || typeof name !== 'string') return fn;
        return (...args: unknown[]) => this.run(name, () => (fn as (...a: unknown[]) => Promise<unknown>)(...args));
      },
    });
  }

  async run<R>(step: string, attempt: () => Promise<R>): Promise<R> {
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        const fault = stallFor(err);
        if (!fault) throw err;
        const id = ++this.stalls;
        const waitingFor = this.resumes + 1;
        const stall: StallView = { step, ...fault, since: new Date(Date.now()).toISOString() };
        this.open.set(id, stall);
        await recordStall({ workflowId: wf.workflowInfo().workflowId, workflowType: this.workflowType, stall }).catch(() => undefined);
        await wf.condition(() => this.resumes >= waitingFor);
        this.open.delete(id);
      }
    }
  }
}
