import type { EntityManager } from 'typeorm';
import { chainHash, GENESIS, rowContent } from './chain';
import { verifyArchive } from '../archive/history-archive';
import { engineFindings, type EngineFinding } from '../archive/engine-interruptions';
import { Frontier } from './merkle';
import { auditLeaf, checkpointRoots } from './transparency';

export interface ChainReport {
  ok: boolean;
  rows: number;
  streams: number;
  headHash: string;
  /** The first broken link; where it lies outside an auditor’s scope, only that it exists. */
  firstBroken?: { globalSeq: number; stream: string; streamSeq?: number; problem: string; expected?: string; found?: string };
  /**
   * The archive of closed histories checked against the chain: every archived history hashes to
   * what its `HistoryArchived` entry recorded, and every recorded one is there. A problem makes `ok` false.
   */
  archive: { runs: number; bytes: number; firstProblem?: { workflowId: string; runId: string; problem: string } };
  /**
   * Runs the engine closed behind the product's back (terminated, cancelled, timed out, failed,
   * reset, killed at the history limit) and runs under a record's id the product never started,
   * as the archiver found them (docs/audit.md). Findings, not breaks: `ok` speaks of the record's integrity.
   */
  engine: { findings: EngineFinding[] };
  /**
   * The entries checked against every signed checkpoint of the log: the root of the first
   * `treeSize` entries, recomputed from the rows, must be the one signed then. A rewrite whose
   * chain hashes were all recomputed is found here (`CHECKPOINT_MISMATCH` makes `ok` false).
   */
  checkpoints: { checked: number; latestTreeSize: number | null; firstMismatch?: { treeSize: number; expected: string; found: string } };
}

/**
 * Recomputes both chains from the stored rows and reports the first broken link. Reads rows and
 * head in one snapshot, so appends committed meanwhile cannot look like a broken head.
 */
export async function verifyAuditChains(db: EntityManager, batch = 2000, kept: { treeSize: number; rootHash: string }[] = []): Promise<ChainReport> {
  return db.transaction('REPEATABLE READ', (tx) => verifyIn(tx, batch, kept));
}

/** An audit_log row as stored (bigint columns arrive as strings). */
interface AuditRow {
  global_seq: string;
  stream: string;
  stream_seq: number;
  event_type: string;
  actor_id: string | null;
  actor_role: string | null;
  rule: string | null;
  occurred_at: string;
  payload: Record<string, unknown>;
  prev_global_hash: string;
  global_hash: string;
  prev_stream_hash: string;
  stream_hash: string;
}

/**
 * `kept`: checkpoints kept outside the database (a restore's check: those published after the
 * backup are not in the restored table), checked with those the database holds.
 */
async function verifyIn(db: EntityManager, batch: number, kept: { treeSize: number; rootHash: string }[]): Promise<ChainReport> {
  const seen = new Set<string>();
  const published = [...(await checkpointRoots(db)), ...kept.map(({ treeSize, rootHash }) => ({ treeSize, rootHash }))]
    .filter((c) => !seen.has(`${c.treeSize}:${c.rootHash}`) && seen.add(`${c.treeSize}:${c.rootHash}`))
    .sort((a, b) => a.treeSize - b.treeSize);
  const { checkpoints, ...chain } = await verifyChainIn(db, batch, published);
  const archive = await verifyArchive(db);
  return { ...chain, ok: chain.ok && !archive.firstProblem && !checkpoints.firstMismatch, archive, engine: { findings: await engineFindings(db) }, checkpoints };
}

async function verifyChainIn(db: EntityManager, batch: number, published: { treeSize: number; rootHash: string }[]): Promise<Omit<ChainReport, 'archive' | 'engine'>> {
  let global = GENESIS;
  // The tree's root at each published size, recomputed from the rows as they are now.
  const frontier = new Frontier();
  const pending = [...published];
  const checkpoints: ChainReport['checkpoints'] = { checked: 0, latestTreeSize: published.at(-1)?.treeSize ?? null };
  let expectedSeq = 1;
  const streams = new Map<string, { seq: number; hash: string }>();
  let rows = 0;
  for (;;) {
    const page: AuditRow[] = await db.query(`SELECT * FROM audit_log WHERE global_seq >= $1 ORDER BY global_seq LIMIT $2`, [expectedSeq, batch]);
    for (const r of page) {
      const seq = Number(r.global_seq);
      const at = { globalSeq: seq, stream: r.stream, streamSeq: r.stream_seq };
      const fail = (problem: string, expected: string, found: string): Omit<ChainReport, 'archive' | 'engine'> => ({ ok: false, rows, streams: streams.size, headHash: global, firstBroken: { ...at, problem, expected, found }, checkpoints });
      if (seq !== expectedSeq) return fail('GLOBAL_GAP', String(expectedSeq), String(seq));
      const content = rowContent({ stream: r.stream, streamSeq: r.stream_seq, globalSeq: seq, eventType: r.event_type, actorId: r.actor_id, actorRole: r.actor_role, rule: r.rule, occurredAt: r.occurred_at, payload: r.payload });
      if (r.prev_global_hash !== global) return fail('GLOBAL_LINK', global, r.prev_global_hash);
      const globalHash = chainHash(global, content);
      if (r.global_hash !== globalHash) return fail('GLOBAL_HASH', globalHash, r.global_hash);
      const s = streams.get(r.stream) ?? { seq: 0, hash: GENESIS };
      if (r.stream_seq !== s.seq + 1) return fail('STREAM_GAP', String(s.seq + 1), String(r.stream_seq));
      if (r.prev_stream_hash !== s.hash) return fail('STREAM_LINK', s.hash, r.prev_stream_hash);
      const streamHash = chainHash(s.hash, content);
      if (r.stream_hash !== streamHash) return fail('STREAM_HASH', streamHash, r.stream_hash);
      streams.set(r.stream, { seq: r.stream_seq, hash: streamHash });
      global = globalHash;
      expectedSeq++;
      rows++;
      frontier.push(auditLeaf(r));
      while (pending.length && pending[0].treeSize === rows) {
        const { treeSize, rootHash } = pending.shift()!;
        const found = frontier.root().toString('hex');
        checkpoints.checked++;
        if (found !== rootHash && !checkpoints.firstMismatch) checkpoints.firstMismatch = { treeSize, expected: rootHash, found };
      }
    }
    if (page.length < batch) break;
  }
  const [head]: { global_seq: string; global_hash: string }[] = await db.query(`SELECT global_seq, global_hash FROM audit_head WHERE id = 1`);
  if (head && (Number(head.global_seq) !== rows || head.global_hash !== global)) {
    return { ok: false, rows, streams: streams.size, headHash: global, firstBroken: { globalSeq: rows, stream: '(head)', streamSeq: 0, problem: 'HEAD_MISMATCH', expected: global, found: head.global_hash }, checkpoints };
  }
  // A checkpoint of more entries than the log now holds: entries were removed since it was signed.
  if (pending.length && !checkpoints.firstMismatch) checkpoints.firstMismatch = { treeSize: pending[0].treeSize, expected: pending[0].rootHash, found: `(${rows} entries)` };
  return { ok: true, rows, streams: streams.size, headHash: global, checkpoints };
}
