import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { verifyAuditChains, type ChainReport } from '@vinhdanh/persistence/audit/verify';
import { decisionHeld, projectedNomination } from '@vinhdanh/persistence/audit/restored-record';
import { parseCheckpointNote, verifyNote } from '@vinhdanh/platform/transparency/checkpoint-signer';
import type { KeyObject } from 'node:crypto';
import { recordInputsFromHistory } from './history';

/** A checkpoint as published (GET /public/checkpoints/latest), kept outside the database. */
export interface KeptCheckpoint {
  treeSize: number;
  rootHash: string;
  note: string;
  signature: string;
}

/** A nomination whose record in the restored database is behind what its workflow did. */
export interface DivergedNomination {
  nominationId: string;
  /** The last event the restored read model holds (0: not there at all). */
  recordedSeq: number;
  /** The last event the workflow's history holds. */
  engineSeq: number;
  /** The events after the backup, in order. */
  missing: string[];
}

/** A decision the engine issued after the backup, which the restored database does not hold. */
export interface DecisionAfterBackup {
  nominationId: string;
  decisionId: string;
  number: string;
  issuerUnitId: string | null;
  issuedOn: string;
}

export interface RestoreReport {
  ok: boolean;
  /** The restored log's own chains and archive (`ok`: whole in themselves), and each checkpoint against it. */
  chain: Pick<ChainReport, 'ok' | 'rows' | 'headHash' | 'firstBroken' | 'checkpoints' | 'archive'>;
  kept: { treeSize: number; signed: boolean; covered: boolean }[];
  /** Entries the latest kept checkpoint covers that the restored log no longer holds. */
  entriesLost: number;
  diverged: DivergedNomination[];
  decisionsAfterBackup: DecisionAfterBackup[];
  workflows: number;
}

/**
 * After restoring the product database from a backup (docs/operations.md, backup and restore):
 * what the restored record holds against what was published and what the engine did since.
 *
 * - The chains are recomputed, and every checkpoint kept outside the database (the public page,
 *   witnesses, the change feed) is checked against the restored entries: one the restored log is
 *   too short for names the entries lost since the backup.
 * - Every nomination workflow the engine holds (`query` narrows them, a Temporal visibility query)
 *   is compared with the restored read model: those that moved on after the backup are named with
 *   the events the database lacks.
 * - Decisions issued after the backup are named with their numbers: the restored series would give
 *   those numbers again, so they must be restored before any decision is issued.
 */
export async function restoreCheck(ds: DataSource, client: Client, codec: PayloadCodec, opts: { kept: KeptCheckpoint[]; checkpointKey: KeyObject | string; query?: string }): Promise<RestoreReport> {
  const kept = opts.kept.map((c) => {
    const body = parseCheckpointNote(c.note);
    const signed = verifyNote(c.note, c.signature, opts.checkpointKey) && body?.treeSize === c.treeSize && body.rootHash === c.rootHash;
    return { checkpoint: c, signed };
  });
  const trusted = kept.filter((k) => k.signed).map((k) => k.checkpoint);
  const { rows, headHash, firstBroken, checkpoints, archive } = await verifyAuditChains(ds.manager, 2000, trusted);
  // The chains and the archive whole in themselves; the kept checkpoints are judged apart.
  const chainOk = !firstBroken && !archive.firstProblem;
  const latest = Math.max(0, ...trusted.map((c) => c.treeSize));
  const entriesLost = Math.max(0, latest - rows);

  const diverged: DivergedNomination[] = [];
  const decisionsAfterBackup: DecisionAfterBackup[] = [];
  let workflows = 0;
  const query = [`WorkflowType='nominationWorkflow'`, opts.query ?? ''].filter(Boolean).join(' AND ');
  for await (const wf of client.workflow.list({ query })) {
    workflows++;
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const { inputs } = await recordInputsFromHistory(history, codec, { namespace: client.options.namespace, workflowId: wf.workflowId });
    const nominationId = inputs[0]?.nominationId;
    if (!nominationId) continue;
    const row = await projectedNomination(ds.manager, nominationId);
    // A run other than the recorded one (a reset, a foreign start) never wrote the record: the verifier names it, not this check.
    if (row?.runId && row.runId !== wf.runId) continue;
    const recordedSeq = row?.lastSeq ?? 0;
    const after = inputs.filter((i) => i.event.seq > recordedSeq);
    if (!after.length) continue;
    diverged.push({ nominationId, recordedSeq, engineSeq: after.at(-1)!.event.seq, missing: after.map((i) => i.event.type) });
    for (const i of after) {
      if (i.event.type !== 'DecisionIssued') continue;
      const d = i.event.data;
      if (!(await decisionHeld(ds.manager, d.decisionId))) decisionsAfterBackup.push({ nominationId, decisionId: d.decisionId, number: d.number, issuerUnitId: d.issuerUnitId ?? null, issuedOn: d.issuedOn });
    }
  }
  return {
    ok: chainOk && !checkpoints.firstMismatch && kept.every((k) => k.signed) && entriesLost === 0 && !diverged.length,
    chain: { ok: chainOk, rows, headHash, ...(firstBroken ? { firstBroken } : {}), checkpoints, archive },
    kept: kept.map((k) => ({ treeSize: k.checkpoint.treeSize, signed: k.signed, covered: k.signed && k.checkpoint.treeSize <= rows })),
    entriesLost,
    diverged,
    decisionsAfterBackup,
    workflows,
  };
}
