import { randomUUID } from 'node:crypto';
import type { MessageAuth } from '@vinhdanh/domain/common/authenticity';

/** Freshness and a one-time nonce for an Update the API is about to send (checkMessageAuth). */
export function messageAuth(): MessageAuth {
  return { issuedAt: new Date().toISOString(), nonce: randomUUID() };
}
