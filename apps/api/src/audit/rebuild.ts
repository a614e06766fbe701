import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { recordEventIn } from '@vinhdanh/persistence/projection/nomination-projection';
import { openScratchProjection, type ProjectionMismatches } from '@vinhdanh/persistence/projection/scratch-projection';
import { recordInputsFromHistory } from './history';

export interface RebuildReport {
  workflows: number;
  events: number;
  ok: boolean;
  mismatches: ProjectionMismatches;
  schema?: string;
}

/**
 * Regenerates the nomination projections from Temporal histories, with the same fold the worker
 * uses, into a scratch schema, and compares them with the live read model.
 * `closedOnly` limits it to finished nominations, whose projections can no longer move meanwhile.
 */
export async function rebuildProjections(ds: DataSource, client: Client, codec: PayloadCodec, opts: { closedOnly?: boolean; keep?: boolean; filter?: string } = {}): Promise<RebuildReport> {
  const scratch = await openScratchProjection(ds);
  try {
    const query = [`WorkflowType='nominationWorkflow'`, opts.closedOnly ? `ExecutionStatus!='Running'` : '', opts.filter ?? ''].filter(Boolean).join(' AND ');
    let workflows = 0;
    let events = 0;
    for await (const wf of client.workflow.list({ query })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const { inputs } = await recordInputsFromHistory(history, codec, { namespace: client.options.namespace, workflowId: wf.workflowId });
      for (const input of inputs) {
        const { historyEventId: _ignored, ...recorded } = input;
        await recordEventIn(scratch.manager, recorded, false, wf.runId);
        events++;
      }
      workflows++;
    }
    const mismatches = await scratch.compare();
    const ok = !mismatches.nominations.length && !mismatches.events.length && !mismatches.tasks.length;
    return { workflows, events, ok, mismatches, ...(opts.keep ? { schema: scratch.schema } : {}) };
  } finally {
    await scratch.close(opts.keep);
  }
}
