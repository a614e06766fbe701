import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sealing with BALLOT_KEY (AES-256-GCM), held only by the API and the worker. Today it seals the
 * councils' ballot-signing keys at rest (ballots/ballot-keys.ts). Sessions opened before blind
 * ballots (scheme SEALED_V1) carried ballots sealed this way in their history; the tally activity
 * still opens those. Format: base64(iv[12] ‖ tag[16] ‖ ciphertext).
 */
export function seal(plain: Buffer, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openSealed(sealed: string, key: Buffer): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function sealBallot(plain: unknown, key: Buffer): string {
  return seal(Buffer.from(JSON.stringify(plain), 'utf8'), key);
}

export function openBallot<T>(sealed: string, key: Buffer): T {
  return JSON.parse(openSealed(sealed, key).toString('utf8')) as T;
}

/** SEALED_V1 receipts: only this hash of the member's token was stored next to the ballot. */
export function legacyReceiptHash(sessionId: string, token: string): string {
  return createHash('sha256').update(`vinhdanh-ballot-receipt\n${sessionId}\n${token}`).digest('hex');
}

export function ballotKeyFrom(text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('BALLOT_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
}
