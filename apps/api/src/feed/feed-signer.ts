import { sign, type KeyObject } from 'node:crypto';
import { ed25519FromSeed } from '@vinhdanh/platform/transparency/ed25519';

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
    ({ privateKey: this.privateKey, publicKey: this.publicKey, keyId: this.keyId } = ed25519FromSeed(seed));
  }

  /** The value of the `Vinhdanh-Signature` header for these bytes. */
  signature(body: Buffer): string {
    return `keyid="${this.keyId}", alg="ed25519", sig="${sign(null, body, this.privateKey).toString('base64url')}"`;
  }
}
