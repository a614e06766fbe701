import type { DataSource } from 'typeorm';
import type { RecordClusterEventInput } from '@vinhdanh/domain/movement/cluster';
import { recordClusterStep } from '@vinhdanh/persistence/read-model/clusters';

/** One step of a cluster's round: projected and audited, idempotently. */
export async function recordClusterEventIn(ds: DataSource, input: RecordClusterEventInput): Promise<void> {
  await recordClusterStep(ds.manager, { type: input.type, actor: input.actor, view: input.view, ...(input.sheet ? { sheet: input.sheet } : {}) });
}
