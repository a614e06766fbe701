import type { FeedRow } from '@vinhdanh/persistence/read-model/audit-records';

/** The change feed's bodies. */

/**
 * A page of the change feed: audit log entries in the order they were appended. Ask again with
 * `after=next` for the following ones; `more` says whether there are more now.
 */
export interface ChangeFeedPage {
  items: FeedRow[];
  /** The position to ask from next (`after=`): the last entry read, even one outside the caller's scope. */
  next: number;
  more: boolean;
  /**
   * The request this page answers (`after`, `limit`, the account that asked) and when it was signed:
   * both are in the signed bytes. A client accepts a page only for its own request, signed after it
   * sent it (allowing for clock skew): a proxy replaying an old page is then found.
   */
  request: { after: number; limit: number; by: string };
  signedAt: string;
}

/** The feed's public key, to pin once and verify every page's `Vinhdanh-Signature` with. */
export interface FeedKey {
  keyId: string;
  alg: 'ed25519';
  /** RFC 8037 (OKP, Ed25519). */
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  /** The same key as SPKI PEM. */
  pem: string;
}
