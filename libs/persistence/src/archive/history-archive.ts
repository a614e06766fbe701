import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TERMINAL_STATUSES } from '@vinhdanh/domain/ladder/nomination';
import { appendAudit } from '../audit/chain';

/**
 * The archive of closed workflows' histories (docs/audit.md): the long-term record once Temporal's
 * retention has deleted a closed execution. Each history is stored exactly as Temporal encoded it
 * (a `temporal.api.history.v1.History` message; payloads stay ciphertext), and its SHA-256 is
 * appended to the audit chain in the same transaction, on the workflow's own `history:` stream.
 */
export const historyStream = (workflowId: string): string => `history:${workflowId}`;

export interface ClosedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** Temporal's close status: COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT, CONTINUED_AS_NEW. */
  status: string;
  startedAt: Date | null;
  closedAt: Date;
}

export interface ArchivedHistory extends ClosedRun {
  eventCount: number;
  sizeBytes: number;
  sha256: string;
  history: Buffer;
}

export const sha256Hex = (bytes: Buffer | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores one closed run's history and records its hash in the audit chain, both or neither. A run
 * already archived is left as it is (another worker got there first): returns whether this call stored it.
 */
export async function archiveHistory(db: EntityManager, run: ClosedRun, history: Buffer, eventCount: number): Promise<boolean> {
  const sha256 = sha256Hex(history);
  return db.transaction(async (tx) => {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO workflow_archive (workflow_id, run_id, workflow_type, status, started_at, closed_at, event_count, size_bytes, sha256, history)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING RETURNING run_id`,
      [run.workflowId, run.runId, run.workflowType, run.status, run.startedAt, run.closedAt, eventCount, history.length, sha256, history],
    );
    if (!inserted.length) return false;
    await appendAudit(tx, {
      stream: historyStream(run.workflowId),
      eventType: 'HistoryArchived',
      rule: 'Luật TĐKT 2022, Điều 8 (kiểm tra, giám sát); lưu trữ hồ sơ',
      occurredAt: new Date().toISOString(),
      payload: { runId: run.runId, workflowType: run.workflowType, status: run.status, closedAt: run.closedAt.toISOString(), events: eventCount, bytes: history.length, sha256 },
    });
    return true;
  });
}

/**
 * A closed run Temporal no longer holds, found before it was archived: the loss itself goes on the
 * record (once), so no deleted history is ever silently missing.
 */
export async function recordHistoryLost(db: EntityManager, run: ClosedRun, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const seen: unknown[] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = 'HistoryLost' AND payload->>'runId' = $2`, [historyStream(run.workflowId), run.runId]);
    if (seen.length) return;
    await appendAudit(tx, { stream: historyStream(run.workflowId), eventType: 'HistoryLost', occurredAt: new Date().toISOString(), payload: { runId: run.runId, workflowType: run.workflowType, status: run.status, closedAt: run.closedAt.toISOString(), reason } });
  });
}

/** Which of these runs are already in the archive. */
export async function archivedRunIds(db: EntityManager, runIds: string[]): Promise<Set<string>> {
  if (!runIds.length) return new Set();
  const rows: { run_id: string }[] = await db.query(`SELECT run_id FROM workflow_archive WHERE run_id = ANY($1)`, [runIds]);
  return new Set(rows.map((r) => r.run_id));
}

export class ArchiveIntegrityError extends Error {
  constructor(readonly workflowId: string, readonly runId: string, readonly problem: 'ARCHIVE_HASH' | 'ARCHIVE_NOT_AUDITED') {
    super(`archived history of ${workflowId} (run ${runId}): ${problem === 'ARCHIVE_HASH' ? 'its bytes do not hash to what the audit chain recorded' : 'no audit entry records it'}`);
    this.name = 'ArchiveIntegrityError';
  }
}

/**
 * One run's archived history (a workflow's first run when no run is named, as the record's oldest
 * rows resolve), checked against the hash the audit chain recorded: a history changed in the
 * database, bytes or hash column alike, is refused rather than shown.
 */
export async function archivedHistory(db: EntityManager, workflowId: string, runId?: string | null): Promise<ArchivedHistory | undefined> {
  const [row]: {
    workflow_id: string; run_id: string; workflow_type: string; status: string; started_at: Date | null; closed_at: Date; event_count: number; size_bytes: number; sha256: string; history: Buffer;
  }[] = runId
    ? await db.query(`SELECT * FROM workflow_archive WHERE workflow_id = $1 AND run_id = $2`, [workflowId, runId])
    : await db.query(`SELECT * FROM workflow_archive WHERE workflow_id = $1 ORDER BY started_at NULLS LAST, closed_at LIMIT 1`, [workflowId]);
  if (!row) return undefined;
  const [audited]: { sha256: string }[] = await db.query(
    `SELECT payload->>'sha256' AS sha256 FROM audit_log WHERE stream = $1 AND event_type = 'HistoryArchived' AND payload->>'runId' = $2 ORDER BY stream_seq LIMIT 1`,
    [historyStream(workflowId), row.run_id],
  );
  if (!audited) throw new ArchiveIntegrityError(workflowId, row.run_id, 'ARCHIVE_NOT_AUDITED');
  if (sha256Hex(row.history) !== audited.sha256) throw new ArchiveIntegrityError(workflowId, row.run_id, 'ARCHIVE_HASH');
  return {
    workflowId: row.workflow_id, runId: row.run_id, workflowType: row.workflow_type, status: row.status, startedAt: row.started_at, closedAt: row.closed_at,
    eventCount: row.event_count, sizeBytes: row.size_bytes, sha256: audited.sha256, history: row.history,
  };
}

/** Every archived run checked against the audit chain, in batches: the first problem, if any. */
export async function verifyArchive(db: EntityManager, batch = 200): Promise<{ runs: number; bytes: number; firstProblem?: { workflowId: string; runId: string; problem: string } }> {
  let runs = 0;
  let bytes = 0;
  let after = '';
  for (;;) {
    const page: { workflow_id: string; run_id: string; history: Buffer; audited: string | null }[] = await db.query(
      `SELECT a.workflow_id, a.run_id, a.history,
              (SELECT l.payload->>'sha256' FROM audit_log l WHERE l.stream = 'history:' || a.workflow_id AND l.event_type = 'HistoryArchived' AND l.payload->>'runId' = a.run_id ORDER BY l.stream_seq LIMIT 1) AS audited
         FROM workflow_archive a WHERE a.run_id > $1 ORDER BY a.run_id LIMIT $2`,
      [after, batch],
    );
    for (const r of page) {
      if (!r.audited) return { runs, bytes, firstProblem: { workflowId: r.workflow_id, runId: r.run_id, problem: 'ARCHIVE_NOT_AUDITED' } };
      if (sha256Hex(r.history) !== r.audited) return { runs, bytes, firstProblem: { workflowId: r.workflow_id, runId: r.run_id, problem: 'ARCHIVE_HASH' } };
      runs++;
      bytes += r.history.length;
      after = r.run_id;
    }
    if (page.length < batch) break;
  }
  // An audited history whose row is gone (deleted with the trigger disabled) is as much a finding.
  const [missing]: { workflow_id: string; run_id: string }[] = await db.query(
    `SELECT substring(l.stream from 9) AS workflow_id, l.payload->>'runId' AS run_id FROM audit_log l
      WHERE l.stream LIKE 'history:%' AND l.event_type = 'HistoryArchived'
        AND NOT EXISTS (SELECT 1 FROM workflow_archive a WHERE a.run_id = l.payload->>'runId') LIMIT 1`,
  );
  if (missing) return { runs, bytes, firstProblem: { workflowId: missing.workflow_id, runId: missing.run_id, problem: 'ARCHIVE_MISSING' } };
  // A nomination closed well before the archiver last looked, with neither its archive nor a word of
  // its loss: Temporal deleted the history (the archiver was away past the retention) and the run
  // left visibility with it, so no pass ever saw it. A day's grace covers a run still delivering its
  // last e-mail after its final event (at most some hours) and visibility's lag.
  const [untaken]: { workflow_id: string; run_id: string | null }[] = await db.query(
    `SELECT n.workflow_id, n.run_id FROM nomination n
      WHERE n.status = ANY($1) AND n.updated_at < (SELECT min(closed_before) FROM archive_progress) - interval '1 day'
        AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.stream = 'history:' || n.workflow_id AND l.event_type IN ('HistoryArchived', 'HistoryLost'))
      ORDER BY n.updated_at LIMIT 1`,
    [[...TERMINAL_STATUSES]],
  );
  if (untaken) return { runs, bytes, firstProblem: { workflowId: untaken.workflow_id, runId: untaken.run_id ?? '', problem: 'ARCHIVE_NEVER_TAKEN' } };
  return { runs, bytes };
}

/** How far the archiver has looked for one task queue: closed runs before this instant are archived. */
export async function archiveProgress(db: EntityManager, taskQueue: string): Promise<Date | undefined> {
  const [row]: { closed_before: Date }[] = await db.query(`SELECT closed_before FROM archive_progress WHERE task_queue = $1`, [taskQueue]);
  return row?.closed_before;
}

export async function setArchiveProgress(db: EntityManager, taskQueue: string, closedBefore: Date): Promise<void> {
  await db.query(
    `INSERT INTO archive_progress (task_queue, closed_before) VALUES ($1, $2)
     ON CONFLICT (task_queue) DO UPDATE SET closed_before = GREATEST(archive_progress.closed_before, EXCLUDED.closed_before), updated_at = now()`,
    [taskQueue, closedBefore],
  );
}

/** What the archive holds: runs and bytes, all and of one workflow type (the bench reports nominations'). */
export async function archiveSize(db: EntityManager, workflowType: string): Promise<{ runs: number; bytes: number; typeRuns: number; typeBytes: number }> {
  const [r]: { runs: string; bytes: string | null; type_runs: string; type_bytes: string | null }[] = await db.query(
    `SELECT count(*) AS runs, sum(size_bytes) AS bytes,
            count(*) FILTER (WHERE workflow_type = $1) AS type_runs,
            sum(size_bytes) FILTER (WHERE workflow_type = $1) AS type_bytes
       FROM workflow_archive`,
    [workflowType],
  );
  return { runs: Number(r.runs), bytes: Number(r.bytes ?? 0), typeRuns: Number(r.type_runs), typeBytes: Number(r.type_bytes ?? 0) };
}

/**
 * Runs `work` while holding a session-level advisory lock named by `key` on a connection of its own,
 * or returns undefined at once when another process holds it: one archiver at a time per task queue.
 */
export async function whileHoldingLock<T>(db: EntityManager, key: string, work: () => Promise<T>): Promise<T | undefined> {
  const runner = db.connection.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }]: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [key]);
    if (!locked) return undefined;
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
    }
  } finally {
    await runner.release();
  }
}
