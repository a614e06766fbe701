import { hkdfSync } from 'node:crypto';
import type { CodecKey } from './payload-codec';

/**
 * The keys that authenticate the projection's "this Update took effect" notifications
 * (libs/persistence/src/projection/update-projected.ts): derived from the codec keys under their own
 * label, so the worker and the API share them without a secret of their own, and any database role
 * that can send a notification still cannot forge one. The first signs; all verify (rotation).
 */
export function updateNoticeKeys(codecKeys: CodecKey[]): Buffer[] {
  return codecKeys.map((k) => Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'vinhdanh update-projected notice', 32)));
}
