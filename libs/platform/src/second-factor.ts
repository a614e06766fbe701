import { hkdfSync } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { openSealed, seal } from './ballot-seal';

/**
 * The second factor: time-based one-time passwords (TOTP, RFC 6238) from the `otpauth` library,
 * the kind every authenticator app reads: SHA-1, 6 digits, 30 seconds, a 160-bit secret (RFC 4226
 * §4 recommends 160 bits). The secret is sealed at rest (AES-256-GCM under a key derived from
 * IDENTITY_KEY), so a copy of the database or a backup alone gives no codes. A code is accepted
 * one step either side of now (clocks drift), and each step once: a code seen on the wire cannot
 * be used again.
 */

const PERIOD = 30;
const ISSUER = 'Vinh Danh';

export const secondFactorKey = (identityKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', identityKey, Buffer.alloc(0), 'vinhdanh-totp/1', 32));

const totp = (base32: string, label: string) => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });

/** A new secret: its base32 (to type into an app), the otpauth:// address (for a QR code) and its sealed form to store. */
export function newSecondFactor(label: string, key: Buffer): { base32: string; uri: string; sealed: string } {
  const base32 = new Secret({ size: 20 }).base32;
  return { base32, uri: totp(base32, label).toString(), sealed: seal(Buffer.from(base32, 'utf8'), key) };
}

/**
 * The time step a code is valid for, if it is valid and newer than `lastStep` (the last step
 * accepted for this account); undefined otherwise.
 */
export function acceptedStep(code: string, sealed: string, key: Buffer, lastStep: number | null, now = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const base32 = openSealed(sealed, key).toString('utf8');
  const delta = totp(base32, '').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}
