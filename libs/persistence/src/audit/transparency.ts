import type { EntityManager } from 'typeorm';
import { Frontier, consistencyProof, inclusionProof, leafHash, type Subtree } from './merkle';
import { appendAudit, rowContent } from './chain';

/**
 * The audit log as a transparency log (docs/audit.md): entry n (global_seq n) is leaf n−1 of RFC
 * 9162's Merkle tree, its leaf data the same canonical content its chain hashes. Checkpoints sign
 * the tree's size and root; anyone who keeps one can later prove that the log still holds exactly
 * what it held then (a consistency proof) and that an entry is in it (an inclusion proof).
 */

/** An audit_log row's leaf in the tree: RFC 9162's leaf hash of its canonical content. */
export function auditLeaf(r: { stream: string; stream_seq: number; global_seq: string | number; event_type: string; actor_id: string | null; actor_role: string | null; rule: string | null; occurred_at: string; payload: Record<string, unknown> }): Buffer {
  return leafHash(rowContent({ stream: r.stream, streamSeq: r.stream_seq, globalSeq: Number(r.global_seq), eventType: r.event_type, actorId: r.actor_id, actorRole: r.actor_role, rule: r.rule, occurredAt: r.occurred_at, payload: r.payload }));
}

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  origin: string;
  note: string;
  keyId: string;
  signature: string;
}

const CHECKPOINT = `tree_size::int AS "treeSize", root_hash AS "rootHash", to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "issuedAt", origin, note, key_id AS "keyId", signature`;

/** Hashes the entries not yet in audit_leaf, up to `upTo`, in batches (another issuer may be doing the same). */
async function extendLeaves(tx: EntityManager, upTo: number, batch = 2000): Promise<void> {
  const [{ n }]: { n: string }[] = await tx.query(`SELECT count(*) AS n FROM audit_leaf`);
  for (let from = Number(n); from < upTo; from += batch) {
    const rows = await tx.query(`SELECT * FROM audit_log WHERE global_seq > $1 AND global_seq <= $2 ORDER BY global_seq`, [from, Math.min(from + batch, upTo)]);
    if (!rows.length) break;
    await tx.query(`INSERT INTO audit_leaf (global_seq, hash) SELECT * FROM unnest($1::bigint[], $2::bytea[]) ON CONFLICT DO NOTHING`, [rows.map((r: { global_seq: string }) => r.global_seq), rows.map(auditLeaf)]);
  }
}

/** The leaf hashes of the first `size` entries, in order. */
export async function leaves(db: EntityManager, size: number): Promise<Buffer[]> {
  const rows: { hash: Buffer }[] = await db.query(`SELECT hash FROM audit_leaf WHERE global_seq <= $1 ORDER BY global_seq`, [size]);
  if (rows.length !== size) throw new Error(`the tree holds ${rows.length} leaves, not ${size}`);
  return rows.map((r) => r.hash);
}

/**
 * Signs a checkpoint of the whole log as it stands and appends it to the log itself (so the change
 * feed carries it to everyone who copies the log). The head is read, not locked: every entry up to
 * it is committed and never changes, so the tree is computed while projections go on appending; it
 * is locked only for the checkpoint's own entry. Nothing new since the last one: that one is answered.
 */
export async function issueCheckpoint(db: EntityManager, origin: string, sign: (note: { treeSize: number; rootHash: string; issuedAt: string; origin: string }) => { note: string; keyId: string; signature: string }): Promise<StoredCheckpoint> {
  return db.transaction(async (tx) => {
    const [head]: { global_seq: string }[] = await tx.query(`SELECT global_seq FROM audit_head WHERE id = 1`);
    const treeSize = Number(head.global_seq);
    const [latest] = await tx.query(`SELECT ${CHECKPOINT} FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1`);
    // Nothing appended since the last checkpoint but its own entry: that one still says all there is.
    const [last]: { stream: string }[] = await tx.query(`SELECT stream FROM audit_log WHERE global_seq = $1`, [treeSize]);
    if (latest && (latest.treeSize === treeSize || (latest.treeSize === treeSize - 1 && last?.stream === 'checkpoints'))) return latest as StoredCheckpoint;
    await extendLeaves(tx, treeSize);
    const frontier = new Frontier();
    for (const leaf of await leaves(tx, treeSize)) frontier.push(leaf);
    const body = { origin, treeSize, rootHash: frontier.root().toString('hex'), issuedAt: new Date().toISOString() };
    const signed = sign(body);
    const inserted: unknown[] = await tx.query(
      `INSERT INTO audit_checkpoint (tree_size, root_hash, issued_at, origin, note, key_id, signature) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (tree_size) DO NOTHING RETURNING tree_size`,
      [treeSize, body.rootHash, body.issuedAt, origin, signed.note, signed.keyId, signed.signature],
    );
    // Another issuer signed this very size meanwhile: its checkpoint is the one.
    if (!inserted.length) return (await checkpointAt(tx, treeSize))!;
    await appendAudit(tx, { stream: 'checkpoints', eventType: 'CheckpointIssued', rule: 'RFC 9162 (Certificate Transparency 2.0)', occurredAt: body.issuedAt, payload: { treeSize, rootHash: body.rootHash, keyId: signed.keyId, signature: signed.signature, note: signed.note } });
    return { ...body, ...signed };
  });
}

export async function checkpointList(db: EntityManager, limit = 100): Promise<StoredCheckpoint[]> {
  return db.query(`SELECT ${CHECKPOINT} FROM audit_checkpoint ORDER BY tree_size DESC LIMIT $1`, [limit]);
}

export async function checkpointAt(db: EntityManager, treeSize: number): Promise<StoredCheckpoint | undefined> {
  const [row] = await db.query(`SELECT ${CHECKPOINT} FROM audit_checkpoint WHERE tree_size = $1`, [treeSize]);
  return row;
}

/** Every checkpoint's size and root, smallest first: what the verifier checks the entries against. */
export async function checkpointRoots(db: EntityManager): Promise<{ treeSize: number; rootHash: string }[]> {
  return db.query(`SELECT tree_size::int AS "treeSize", root_hash AS "rootHash" FROM audit_checkpoint ORDER BY tree_size`);
}

/** An audit entry as stored: what an inclusion proof shows, so its leaf can be recomputed. */
export async function auditEntry(db: EntityManager, globalSeq: number): Promise<Record<string, unknown>> {
  const [entry] = await db.query(`SELECT * FROM audit_log WHERE global_seq = $1`, [globalSeq]);
  return entry;
}

/** The proof that entry `globalSeq` is in the tree whose subtrees `tree` gives. */
export function inclusionOf(tree: Subtree, globalSeq: number, treeSize: number): string[] {
  return inclusionProof(globalSeq - 1, treeSize, tree).map((h) => h.toString('hex'));
}

/** The proof that the tree of `treeSize` entries extends the one of `first`. */
export function consistencyOf(tree: Subtree, first: number, treeSize: number): string[] {
  return consistencyProof(first, treeSize, tree).map((h) => h.toString('hex'));
}

/** The entry that recorded a decision's signed PDF (its hash), which its inclusion proof is for. */
export async function decisionSignedEntry(db: EntityManager, decisionId: string): Promise<number | undefined> {
  const [row]: { global_seq: string }[] = await db.query(`SELECT global_seq FROM audit_log WHERE stream = $1 AND event_type = 'DecisionDocumentSigned' ORDER BY stream_seq LIMIT 1`, [`decision:${decisionId}`]);
  return row ? Number(row.global_seq) : undefined;
}

/** Cosignatures witnesses sent for a checkpoint. */
export async function cosignaturesOf(db: EntityManager, treeSize: number): Promise<{ witness: string; signature: string; receivedAt: string }[]> {
  return db.query(`SELECT witness, signature, received_at AS "receivedAt" FROM audit_cosignature WHERE tree_size = $1 ORDER BY witness`, [treeSize]);
}

export async function addCosignature(db: EntityManager, treeSize: number, witness: string, signature: string): Promise<void> {
  await db.query(`INSERT INTO audit_cosignature (tree_size, witness, signature) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, [treeSize, witness, signature]);
}
