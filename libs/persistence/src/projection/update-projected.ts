import { createHmac, timingSafeEqual } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * "The event answering this Update is in the read model": a PostgreSQL notification sent by the
 * projection transaction, delivered at its commit. The API answers an Update on it rather than on
 * Temporal's completion of the Update, which comes only once the workflow task ends — after the
 * steps that follow at once (the next level's appraisal, the next task), each a local activity in
 * the same task. The payload is the Update's id (which the event row already stores) and the state
 * the event projected, which is exactly what the Update answers; a state too long for a
 * notification is left out, and the API then waits for Temporal's answer.
 */
export const UPDATE_PROJECTED_CHANNEL = 'vinhdanh_update_projected';

/** PostgreSQL refuses a payload of 8,000 bytes or more; the transaction must never fail for it. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * The notification's MAC: any database role may send a notification on the channel, so the API
 * believes only one that carries this (HMAC-SHA256 over the Update's id and the state, under a key
 * derived from the codec keys: libs/platform/src/codec/notice-keys.ts).
 */
const mac = (key: Buffer, updateId: string, view: unknown): Buffer => createHmac('sha256', key).update(`${updateId}\n${JSON.stringify(view ?? null)}`).digest();

/**
 * Inside the projection transaction: PostgreSQL delivers it when (and only if) that transaction
 * commits. Without a key it is sent unsigned, and the API waits for Temporal's answer instead.
 */
export async function notifyUpdateProjected(tx: EntityManager, updateId: string, view: unknown, key?: Buffer): Promise<void> {
  const signed = (v: unknown) => JSON.stringify({ u: updateId, ...(v === undefined ? {} : { v }), ...(key ? { m: mac(key, updateId, v).toString('base64url') } : {}) });
  let payload = signed(view);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) payload = signed(undefined);
  await tx.query('SELECT pg_notify($1, $2)', [UPDATE_PROJECTED_CHANNEL, payload]);
}

export interface UpdateWait {
  /**
   * The state the Update's event projected, once committed; undefined when `timeoutMs` passed, the
   * wait was cancelled, or the state was too long to be sent (the caller then waits for Temporal).
   */
  readonly projected: Promise<unknown>;
  cancel(): void;
}

/**
 * One listening connection per API process. Waiters register before the Update is sent, so a
 * notification cannot arrive unheard. While the connection is down (PostgreSQL restarting), waits
 * simply time out and the caller answers on Temporal's completion instead: slower, never wrong.
 */
export class UpdateProjectionListener {
  private client?: Client;
  private readonly waiters = new Map<string, Set<(view: unknown) => void>>();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    /** The keys a notification must be signed with (any of them); one that is not is ignored. */
    private readonly keys: Buffer[],
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly onForged: (updateId: string) => void = () => undefined,
  ) {}

  private authentic(parsed: { u: string; v?: unknown; m?: unknown }): boolean {
    if (typeof parsed.m !== 'string') return false;
    const given = Buffer.from(parsed.m, 'base64url');
    return this.keys.some((key) => {
      const expected = mac(key, parsed.u, parsed.v);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch((err) => this.retryLater(err));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    for (const set of this.waiters.values()) for (const done of set) done(undefined);
    this.waiters.clear();
    await client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  waitFor(updateId: string, timeoutMs: number): UpdateWait {
    let settle!: (view: unknown) => void;
    const projected = new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      settle = (view) => {
        clearTimeout(timer);
        const set = this.waiters.get(updateId);
        set?.delete(settle);
        if (set?.size === 0) this.waiters.delete(updateId);
        resolve(view);
      };
    });
    if (!this.client) {
      settle(undefined);
    } else {
      const set = this.waiters.get(updateId) ?? new Set();
      set.add(settle);
      this.waiters.set(updateId, set);
    }
    return { projected, cancel: () => settle(undefined) };
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('notification', (msg) => {
      if (msg.channel !== UPDATE_PROJECTED_CHANNEL || !msg.payload) return;
      let parsed: { u?: unknown; v?: unknown };
      try {
        parsed = JSON.parse(msg.payload) as { u?: unknown; v?: unknown };
      } catch {
        return;
      }
      if (typeof parsed.u !== 'string') return;
      if (!this.authentic(parsed as { u: string; v?: unknown; m?: unknown })) {
        this.onForged(parsed.u);
        return;
      }
      for (const done of [...(this.waiters.get(parsed.u) ?? [])]) done(parsed.v);
    });
    client.on('error', (err) => {
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      this.retryLater(err);
    });
    await client.connect();
    await client.query(`LISTEN ${UPDATE_PROJECTED_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private retryLater(err: unknown): void {
    if (this.stopped) return;
    this.onError(err);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.connect().catch((e) => this.retryLater(e));
    }, 1000);
    this.retryTimer.unref();
  }
}
