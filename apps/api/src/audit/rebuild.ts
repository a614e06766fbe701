import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { recordEventIn } from '@vinhdanh/persistence/projection/nomination-projection';
import { recordInputsFromHistory } from './history';

const TABLES = ['nomination', 'nomination_event', 'task', 'notification', 'audit_log', 'audit_head'];

export interface RebuildReport {
  workflows: number;
  events: number;
  ok: boolean;
  mismatches: { nominations: string[]; events: string[]; tasks: string[] };
  schema?: string;
}

/**
 * Regenerates the nomination projections from Temporal histories, with the same fold the worker
 * uses, into a scratch schema, and compares them with the live read model. Reference data
 * (organisation, accounts, decisions) is read from the live schema through the search path.
 * `closedOnly` limits it to finished nominations, whose projections can no longer move meanwhile.
 */
export async function rebuildProjections(ds: DataSource, client: Client, codec: PayloadCodec, opts: { closedOnly?: boolean; keep?: boolean; filter?: string } = {}): Promise<RebuildReport> {
  const schema = `rebuild_${Date.now()}`;
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`CREATE SCHEMA ${schema}`);
    for (const t of TABLES) await runner.query(`CREATE TABLE ${schema}.${t} (LIKE public.${t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)`);
    await runner.query(`INSERT INTO ${schema}.audit_head VALUES (1, 0, repeat('0', 64))`);
    await runner.query(`SET search_path TO ${schema}, public`);
    const query = [`WorkflowType='nominationWorkflow'`, opts.closedOnly ? `ExecutionStatus!='Running'` : '', opts.filter ?? ''].filter(Boolean).join(' AND ');
    let workflows = 0;
    let events = 0;
    for await (const wf of client.workflow.list({ query })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const { inputs } = await recordInputsFromHistory(history, codec, { namespace: client.options.namespace, workflowId: wf.workflowId });
      for (const input of inputs) {
        const { historyEventId: _ignored, ...recorded } = input;
        await recordEventIn(runner.manager, recorded);
        events++;
      }
      workflows++;
    }
    const diff = async (cols: string, table: string) =>
      (await runner.query(
        `(SELECT ${cols} FROM ${schema}.${table} EXCEPT SELECT ${cols} FROM public.${table} WHERE nomination_id IN (SELECT nomination_id FROM ${schema}.${table}))
         UNION ALL
         (SELECT ${cols} FROM public.${table} WHERE nomination_id IN (SELECT nomination_id FROM ${schema}.${table}) EXCEPT SELECT ${cols} FROM ${schema}.${table})`,
      )).map((r: Record<string, unknown>) => JSON.stringify(r));
    const nominations = (await runner.query(
      `(SELECT id, status, current_level, current_step, outcome_reason, last_seq, decision_id FROM ${schema}.nomination
        EXCEPT SELECT id, status, current_level, current_step, outcome_reason, last_seq, decision_id FROM public.nomination)`,
    )).map((r: { id: string }) => r.id);
    const mismatches = {
      nominations,
      events: await diff('nomination_id, seq, type, level, actor_id, actor_role, reason, rule, data', 'nomination_event'),
      tasks: await diff('nomination_id, task_key, kind, level, unit_id, role, status, closed_by', 'task'),
    };
    const ok = !mismatches.nominations.length && !mismatches.events.length && !mismatches.tasks.length;
    return { workflows, events, ok, mismatches, ...(opts.keep ? { schema } : {}) };
  } finally {
    await runner.query(`SET search_path TO public`);
    if (!opts.keep) await runner.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await runner.release();
  }
}
