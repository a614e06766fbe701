import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { invalid, unprocessable } from '@vinhdanh/domain/common/errors';
import { claimIdempotencyKey } from '@vinhdanh/persistence/read-model/identity';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * An Idempotency-Key belongs to its caller, its route and its body: the same key sent again with
 * the same request is the same action (one effect); with another body or route it is refused (422),
 * and another user's key is simply another key. Returns the Temporal Update id derived from all three.
 */
export async function bindIdempotencyKey(db: EntityManager, caller: string, key: string | undefined, route: string, body: unknown): Promise<string | undefined> {
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw invalid('BAD_IDEMPOTENCY_KEY', 'Idempotency-Key phải dài 8–100 ký tự: chữ, số, dấu . _ : -', 'Idempotency-Key must be 8–100 characters: letters, digits, . _ : -', 'Idempotency-Key');
  }
  const bodyHash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
  const first = await claimIdempotencyKey(db, { caller, key, route, bodyHash });
  if (first.route !== route || first.bodyHash !== bodyHash) {
    throw unprocessable('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho mỗi thao tác.', 'This Idempotency-Key was already used for a different request; use a new key for each action.', 'Idempotency-Key');
  }
  return `idem-${createHash('sha256').update(`${caller}\n${route}\n${key}`).digest('hex').slice(0, 40)}`;
}
