import type { EntityManager } from 'typeorm';
import type { Interruption } from '@vinhdanh/domain/engine/interruptions';
import { appendAudit } from '../audit/chain';
import { historyStream, type ClosedRun } from './history-archive';

/** The run the product recorded for a workflow, where it records one (nominations). */
export async function recordedRunOf(db: EntityManager, workflowId: string): Promise<string | null | undefined> {
  const nomination = /^nomination-([0-9a-f-]{36})$/.exec(workflowId)?.[1];
  if (!nomination) return undefined;
  const [row]: { run_id: string | null }[] = await db.query(`SELECT run_id FROM nomination WHERE id = $1`, [nomination]);
  return row?.run_id;
}

/** Puts an interrupted or foreign run on the record, with an audit entry on its history stream; once per run. */
export async function recordInterruption(db: EntityManager, run: ClosedRun, finding: Interruption, detail: string | undefined): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO engine_interruption (run_id, workflow_id, workflow_type, finding, status, detail, closed_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
      [run.runId, run.workflowId, run.workflowType, finding, run.status, detail ?? null, run.closedAt],
    );
    if (!inserted.length) return false;
    await appendAudit(tx, {
      stream: historyStream(run.workflowId),
      eventType: 'EngineInterrupted',
      rule: 'Luật TĐKT 2022, Điều 8 (kiểm tra, giám sát)',
      occurredAt: new Date().toISOString(),
      payload: { runId: run.runId, finding, status: run.status, closedAt: run.closedAt.toISOString(), detail: detail ?? null },
    });
    return true;
  });
}

export interface EngineFinding {
  workflowId: string;
  runId: string;
  workflowType: string;
  finding: Interruption;
  status: string;
  detail: string | null;
  closedAt: string;
  foundAt: string;
}

const COLUMNS = `workflow_id AS "workflowId", run_id AS "runId", workflow_type AS "workflowType", finding, status, detail, closed_at AS "closedAt", found_at AS "foundAt"`;

/** Every interruption found, oldest first (the verifier lists them). */
export async function engineFindings(db: EntityManager): Promise<EngineFinding[]> {
  return db.query(`SELECT ${COLUMNS} FROM engine_interruption ORDER BY closed_at, run_id`);
}

/** The interruption of a workflow's recorded run, if the engine stopped it (what its clerk and reviewer see). */
export async function interruptionOfRun(db: EntityManager, runId: string | null): Promise<EngineFinding | undefined> {
  if (!runId) return undefined;
  const [row]: EngineFinding[] = await db.query(`SELECT ${COLUMNS} FROM engine_interruption WHERE run_id = $1 AND finding <> 'FOREIGN_RUN'`, [runId]);
  return row;
}
