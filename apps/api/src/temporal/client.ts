import type { Client } from '@temporalio/client';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The payload codec, for reading histories (audit, codec endpoint) outside a client call. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');

/** The deadline of every Temporal call made for a request: an unreachable server is a 503, not a hang. */
export function withinDeadline<T>(client: Client, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  return client.withDeadline(Date.now() + timeoutMs, fn);
}
