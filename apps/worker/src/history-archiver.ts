import type { NativeConnection } from '@temporalio/worker';
import Long from 'long';
import { temporal } from '@temporalio/proto';
import type { DataSource } from 'typeorm';
import {
  archiveHistory, archiveProgress, archivedRunIds, recordHistoryLost, setArchiveProgress, whileHoldingLock, type ClosedRun,
} from '@vinhdanh/persistence/archive/history-archive';
import { recordInterruption, recordedRunOf } from '@vinhdanh/persistence/archive/engine-interruptions';
import { interruptionOf } from '@vinhdanh/domain/engine/interruptions';

type WorkflowService = NativeConnection['workflowService'];
const { WorkflowExecutionStatus } = temporal.api.enums.v1;

/** Visibility is eventually consistent: each pass looks again this far before the last one began. */
const VISIBILITY_MARGIN_MS = 10 * 60_000;

export interface ArchiverOptions {
  service: WorkflowService;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  intervalMs: number;
  /** The namespace's retention, set explicitly at start (TEMPORAL_RETENTION): how long the archiver has. */
  retentionMs: number;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
}

export interface ArchivePass {
  archived: number;
  alreadyArchived: number;
  lost: number;
  /** Runs the engine closed behind the product's back, or that it never started (docs/audit.md). */
  interrupted: number;
}

/**
 * Copies the history of every closed workflow of this task queue into the product's archive
 * (libs/persistence/src/archive), with its hash in the audit chain, well before the namespace's
 * retention lets Temporal delete it (docs/audit.md: why a closed history is never deleted first).
 * A pass at start backfills whatever closed before the archive existed; then one every interval.
 */
export class HistoryArchiver {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly o: ArchiverOptions) {}

  async start(): Promise<void> {
    // A worker that may not change the namespace (Temporal's authorizer) still archives; the operator sets the retention.
    await this.ensureRetention().catch((err) => this.o.log.warn({ err: String(err), namespace: this.o.namespace }, 'namespace retention not set: set it to TEMPORAL_RETENTION on the Temporal side'));
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((pass) => {
          if (pass.archived + pass.lost > 0) this.o.log.info({ ...pass }, 'histories archived');
          if (pass.interrupted + pass.lost > 0) this.o.log.warn({ ...pass }, 'runs interrupted at the engine or lost: see /audit/verify');
        })
        // A failed pass (Temporal or PostgreSQL away) is retried at the next interval; nothing is lost meanwhile, as retention is far longer.
        .catch((err) => this.o.log.warn({ err: String(err) }, 'archive pass failed; retried at the next interval'))
        .finally(() => this.schedule(this.o.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }

  /** The namespace keeps closed histories exactly as long as configured, on the dev server as on the real one. */
  private async ensureRetention(): Promise<void> {
    const { service, namespace, retentionMs } = this.o;
    const described = await service.describeNamespace({ namespace });
    const ttl = described.config?.workflowExecutionRetentionTtl;
    const currentMs = ttl ? int64(ttl.seconds) * 1000 + Math.round((ttl.nanos ?? 0) / 1e6) : undefined;
    if (currentMs === retentionMs) return;
    await service.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: { seconds: Long.fromNumber(Math.floor(retentionMs / 1000)) } } });
    this.o.log.info({ namespace, fromHours: currentMs && currentMs / 3_600_000, toHours: retentionMs / 3_600_000 }, 'namespace retention set');
  }

  /** One pass: every closed run not yet archived, oldest first. Safe to run from several workers at once. */
  async runOnce(): Promise<ArchivePass> {
    const held = await whileHoldingLock(this.o.dataSource.manager, `vinhdanh-archiver:${this.o.taskQueue}`, () => this.pass());
    return held ?? { archived: 0, alreadyArchived: 0, lost: 0, interrupted: 0 };
  }

  private async pass(): Promise<ArchivePass> {
    const { dataSource, taskQueue } = this.o;
    const began = new Date();
    const since = await archiveProgress(dataSource.manager, taskQueue);
    const closed = await this.closedRuns(since && new Date(since.getTime() - VISIBILITY_MARGIN_MS));
    const done = await archivedRunIds(dataSource.manager, closed.map((r) => r.runId));
    const pass: ArchivePass = { archived: 0, alreadyArchived: done.size, lost: 0, interrupted: 0 };
    for (const run of closed.filter((r) => !done.has(r.runId)).sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime())) {
      const fetched = await this.history(run);
      // What the engine did is put on the record before the history is archived: a pass that
      // stops between the two finds the run unarchived and records nothing twice.
      const finding = interruptionOf({ ...run, terminateReason: fetched?.terminateReason, resetInto: await this.resetInto(run), recordedRunId: await recordedRunOf(dataSource.manager, run.workflowId) });
      if (finding) {
        await recordInterruption(dataSource.manager, run, finding, fetched?.terminateReason);
        pass.interrupted++;
      }
      if (!fetched) {
        await recordHistoryLost(dataSource.manager, run, 'Temporal no longer holds this closed run (retention ran out before it was archived)');
        pass.lost++;
        continue;
      }
      if (await archiveHistory(dataSource.manager, run, fetched.bytes, fetched.events.length)) pass.archived++;
    }
    await setArchiveProgress(dataSource.manager, taskQueue, began);
    return pass;
  }

  /** The run a reset made from this one, if it was terminated by a reset (Temporal's extended info says so). */
  private async resetInto(run: ClosedRun): Promise<string | undefined> {
    if (run.status !== 'TERMINATED') return undefined;
    const described = await this.o.service.describeWorkflowExecution({ namespace: this.o.namespace, execution: { workflowId: run.workflowId, runId: run.runId } }).catch(() => undefined);
    return described?.workflowExtendedInfo?.resetRunId || undefined;
  }

  private async closedRuns(since: Date | undefined): Promise<ClosedRun[]> {
    const { service, namespace, taskQueue } = this.o;
    const query = `TaskQueue = '${taskQueue.replace(/'/g, '')}' AND ExecutionStatus != 'Running'${since ? ` AND CloseTime >= '${since.toISOString()}'` : ''}`;
    const runs: ClosedRun[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await service.listWorkflowExecutions({ namespace, query, pageSize: 500, nextPageToken });
      for (const e of page.executions ?? []) {
        if (!e.execution?.workflowId || !e.execution.runId || !e.closeTime) continue;
        runs.push({
          workflowId: e.execution.workflowId,
          runId: e.execution.runId,
          workflowType: e.type?.name ?? '',
          status: WorkflowExecutionStatus[e.status ?? 0].replace('WORKFLOW_EXECUTION_STATUS_', ''),
          startedAt: e.startTime ? timestamp(e.startTime) : null,
          closedAt: timestamp(e.closeTime),
        });
      }
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return runs;
  }

  /** The run's complete history, re-encoded as one History message: the same events, payloads untouched. */
  private async history(run: ClosedRun): Promise<{ bytes: Buffer; events: temporal.api.history.v1.IHistoryEvent[]; terminateReason?: string } | undefined> {
    const { service, namespace } = this.o;
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    try {
      do {
        const page = await service.getWorkflowExecutionHistory({ namespace, execution: { workflowId: run.workflowId, runId: run.runId }, nextPageToken, maximumPageSize: 1000 });
        events.push(...(page.history?.events ?? []));
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
    } catch (err) {
      if ((err as { code?: number }).code === 5) return undefined; // NOT_FOUND: deleted by retention (or by hand).
      throw err;
    }
    const terminateReason = events.at(-1)?.workflowExecutionTerminatedEventAttributes?.reason ?? undefined;
    return { bytes: Buffer.from(temporal.api.history.v1.History.encode({ events }).finish()), events, terminateReason };
  }
}

/** Protobuf's int64 arrives as a Long (or a number); seconds since 1970 fit a double either way. */
const int64 = (v: number | { toNumber(): number } | null | undefined): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());

function timestamp(t: { seconds?: number | { toNumber(): number } | null; nanos?: number | null }): Date {
  return new Date(int64(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
}
