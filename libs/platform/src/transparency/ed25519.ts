import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key pair from its 32-byte seed, with the id integrators pin (SHA-256 of the public key, 16 hex digits). */
export function ed25519FromSeed(seed: Buffer): { privateKey: KeyObject; publicKey: KeyObject; keyId: string } {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  return { privateKey, publicKey, keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
}
