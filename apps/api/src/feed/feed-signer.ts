import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

/** PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Signs the change feed's pages with Ed25519 (FEED_SIGNING_KEY is the seed). An integrator pins
 * the public key once (GET /feed/key) and then trusts a page only if its signature verifies over
 * the exact bytes received: a proxy, a cache or anyone on the path cannot alter what it relays.
 */
export class FeedSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(seed: Buffer) {
    this.privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    this.publicKey = createPublicKey(this.privateKey);
    const raw = this.publicKey.export({ format: 'jwk' }).x as string;
    this.keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  }

  /** The value of the `Vinhdanh-Signature` header for these bytes. */
  signature(body: Buffer): string {
    return `keyid="${this.keyId}", alg="ed25519", sig="${sign(null, body, this.privateKey).toString('base64url')}"`;
  }
}
