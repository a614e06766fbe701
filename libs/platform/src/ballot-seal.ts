import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Ballot sealing: AES-256-GCM with a key held only by the API and the worker (BALLOT_KEY). What the
 * workflow and its history see is ciphertext; the tally activity opens the ballots when the session
 * closes. Format: base64(iv[12] ‖ tag[16] ‖ ciphertext).
 */
export function sealBallot(plain: unknown, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openBallot<T>(sealed: string, key: Buffer): T {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
}

/** The receipt a member keeps: only its hash is ever stored, next to the anonymous ballot. */
export function receiptHash(sessionId: string, token: string): string {
  return createHash('sha256').update(`vinhdanh-ballot-receipt\n${sessionId}\n${token}`).digest('hex');
}

export function ballotKeyFrom(text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('BALLOT_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
}
