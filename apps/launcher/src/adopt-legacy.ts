import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { adoptLegacyPlaintextBindings, legacyPlaintextBindings } from '@vinhdanh/persistence';
import { CODEC_ENCODING } from '@vinhdanh/platform';
import { tlsOptions, type TemporalTlsFiles } from '@vinhdanh/platform/temporal-tls';

const DONE = '#adoption-complete';

/**
 * Once, at the upgrade that introduced the payload codec: finds the workflows whose histories are
 * plaintext (started before the upgrade) and lets the codec read those, and only those. Runs
 * before the worker starts, so nothing encrypted can have been written yet; afterwards it is a
 * no-op. Uses a plain client on purpose: it reads raw payload metadata, never payload contents.
 */
export async function adoptLegacyWorkflows(ds: DataSource, address: string, namespace: string, tls?: TemporalTlsFiles): Promise<number> {
  if ((await legacyPlaintextBindings(ds.manager)).has(DONE)) return 0;
  const connection = await Connection.connect({ address, tls: tlsOptions(tls) });
  try {
    const client = new Client({ connection, namespace });
    const legacy: string[] = [];
    for await (const wf of client.workflow.list()) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      const payloads = started?.input?.payloads ?? [];
      const plaintext = payloads.some((p) => Buffer.from(p.metadata?.encoding ?? []).toString() !== CODEC_ENCODING);
      if (plaintext) legacy.push(`${namespace}/${wf.workflowId}`);
    }
    const adopted = await adoptLegacyPlaintextBindings(ds.manager, legacy);
    await adoptLegacyPlaintextBindings(ds.manager, [DONE]);
    return adopted;
  } finally {
    await connection.close();
  }
}
