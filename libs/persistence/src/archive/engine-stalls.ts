import type { EntityManager } from 'typeorm';
import type { StallKind, StallView } from '@vinhdanh/domain/engine/stalls';
import { appendAudit } from '../audit/chain';
import { historyStream } from './history-archive';

const RULE = 'Luật TĐKT 2022, Điều 8 (kiểm tra, giám sát)';

/** Puts a stalled step on the record, with an audit entry on its workflow's history stream; once per stall. */
export async function recordStall(db: EntityManager, s: { workflowId: string; runId: string; workflowType: string; stall: StallView }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO engine_stall (workflow_id, run_id, workflow_type, step, kind, message, sql_state, stalled_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (run_id, step, stalled_at) DO NOTHING RETURNING id`,
      [s.workflowId, s.runId, s.workflowType, s.stall.step, s.stall.kind, s.stall.message, s.stall.sqlState ?? null, s.stall.since],
    );
    if (!inserted.length) return false;
    await appendAudit(tx, {
      stream: historyStream(s.workflowId),
      eventType: 'StepStalled',
      rule: RULE,
      occurredAt: s.stall.since,
      payload: { runId: s.runId, step: s.stall.step, kind: s.stall.kind, sqlState: s.stall.sqlState ?? null },
    });
    return true;
  });
}

export interface EngineStall {
  workflowId: string;
  runId: string;
  workflowType: string;
  step: string;
  kind: StallKind;
  message: string;
  sqlState: string | null;
  stalledAt: string;
}

const COLUMNS = `workflow_id AS "workflowId", run_id AS "runId", workflow_type AS "workflowType", step, kind, message, sql_state AS "sqlState", stalled_at AS "stalledAt"`;

/** Every step waiting for an operator, oldest first. */
export async function openStalls(db: EntityManager): Promise<EngineStall[]> {
  return db.query(`SELECT ${COLUMNS} FROM engine_stall WHERE resumed_at IS NULL ORDER BY stalled_at, id`);
}

/** A workflow's oldest open stall, if it waits for an operator (what its clerk and reviewer see). */
export async function openStallOf(db: EntityManager, workflowId: string): Promise<EngineStall | undefined> {
  const [row]: EngineStall[] = await db.query(`SELECT ${COLUMNS} FROM engine_stall WHERE workflow_id = $1 AND resumed_at IS NULL ORDER BY stalled_at, id LIMIT 1`, [workflowId]);
  return row;
}

/**
 * Closes a workflow's open stalls when the workflow takes the operator's resume, before its steps
 * run again, with who did it on the audit chain; once per resume (a retried activity finds it).
 */
export async function recordResume(db: EntityManager, r: { workflowId: string; userId: string; steps: string[]; at: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const seen: unknown[] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = 'StepResumed' AND occurred_at = $2`, [historyStream(r.workflowId), r.at]);
    if (seen.length) return;
    await tx.query(`UPDATE engine_stall SET resumed_at = $2, resumed_by = $3 WHERE workflow_id = $1 AND resumed_at IS NULL`, [r.workflowId, r.at, r.userId]);
    await appendAudit(tx, {
      stream: historyStream(r.workflowId),
      eventType: 'StepResumed',
      actorId: r.userId,
      actorRole: 'ADMIN',
      rule: RULE,
      occurredAt: r.at,
      payload: { steps: r.steps },
    });
  });
}
