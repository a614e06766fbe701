import { createHmac } from 'node:crypto';

/**
 * A personal identification number, as stored: HMAC-SHA-256 under IDENTITY_KEY. Stable (the same
 * number always gives the same id, so a nominee meets their account), and useless without the key
 * (12 digits would fall to a plain hash in minutes).
 */
export function personalIdHash(digits: string, identityKey: Buffer): string {
  return createHmac('sha256', identityKey).update(`vinhdanh-personal-id/1\n${digits}`).digest('hex');
}
