import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  stream: string;
  eventType: string;
  actorId?: string | null;
  actorRole?: string | null;
  rule?: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** JSON with sorted keys at every depth: the same content always hashes the same, as stored in jsonb. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function rowContent(e: AuditEntry & { streamSeq: number; globalSeq: number }): string {
  return canonicalJson({
    stream: e.stream,
    streamSeq: e.streamSeq,
    globalSeq: e.globalSeq,
    eventType: e.eventType,
    actorId: e.actorId ?? null,
    actorRole: e.actorRole ?? null,
    rule: e.rule ?? null,
    occurredAt: e.occurredAt,
    payload: e.payload,
  });
}

export const chainHash = (prev: string, content: string): string => createHash('sha256').update(`${prev}\n${content}`).digest('hex');

/**
 * Appends one entry inside the caller's transaction. The head row is locked, so concurrent
 * appends queue and the global chain never forks; a rolled-back transaction leaves no gap.
 */
export async function appendAudit(tx: EntityManager, e: AuditEntry): Promise<void> {
  const [head] = await tx.query(`SELECT global_seq, global_hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  const [last] = await tx.query(`SELECT stream_seq, stream_hash FROM audit_log WHERE stream = $1 ORDER BY stream_seq DESC LIMIT 1`, [e.stream]);
  const globalSeq = Number(head.global_seq) + 1;
  const streamSeq = (last?.stream_seq ?? 0) + 1;
  const prevStream = last?.stream_hash ?? GENESIS;
  const content = rowContent({ ...e, streamSeq, globalSeq });
  const streamHash = chainHash(prevStream, content);
  const globalHash = chainHash(head.global_hash, content);
  await tx.query(
    `INSERT INTO audit_log (global_seq, stream, stream_seq, event_type, actor_id, actor_role, rule, occurred_at, payload, prev_stream_hash, stream_hash, prev_global_hash, global_hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [globalSeq, e.stream, streamSeq, e.eventType, e.actorId ?? null, e.actorRole ?? null, e.rule ?? null, e.occurredAt, JSON.stringify(e.payload), prevStream, streamHash, head.global_hash, globalHash],
  );
  await tx.query(`UPDATE audit_head SET global_seq = $1, global_hash = $2 WHERE id = 1`, [globalSeq, globalHash]);
}

/** Whether a stream already holds an entry of this type (idempotent one-off entries, e.g. SessionOpened). */
export async function auditHas(tx: EntityManager, stream: string, eventType: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = $2 LIMIT 1`, [stream, eventType]);
  return rows.length > 0;
}
