import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPair, privateDecrypt, publicEncrypt, verify, type KeyObject } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { promisify } from 'node:util';
import { openSealed, seal } from '../ballot-seal';

/**
 * Blind-signed one-time ballots (RFC 9474, RSABSSA-SHA384-PSS-Randomized): the signer side.
 *
 * Each nomination on a session gets its own 2048-bit RSA key, so a ballot signed for one
 * nomination cannot be spent on another. A member's browser draws a random token, blinds it and
 * asks for a signature; the API signs the blinded message (it never sees the token) and records
 * who took a ballot. The member then casts the ballot with the token and the unblinded signature
 * alone, with no account: nobody, the operator included, can link the two (docs/council-voting.md).
 *
 * The private key is stored sealed with BALLOT_KEY. Signing is the raw RSA private operation
 * (RSASP1) done by OpenSSL; the client library (`@cloudflare/blindrsa-ts`) prepares, blinds,
 * unblinds and verifies.
 */
export const BALLOT_KEY_BITS = 2048;
const MODULUS_BYTES = BALLOT_KEY_BITS / 8;
/** RFC 9474 §5: the Randomized variant prepends 32 random bytes; our tokens are 32 random bytes. */
export const TOKEN_BYTES = 64;
const SALT_LENGTH = 48;

export interface BallotKey {
  /** SubjectPublicKeyInfo, DER, base64: published to members, fingerprinted in the session input. */
  spki: string;
  /** PKCS#8 DER, sealed with BALLOT_KEY. */
  sealedPrivateKey: string;
}

const generate = promisify(generateKeyPair);

export async function generateBallotKey(ballotKey: Buffer): Promise<BallotKey> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: BALLOT_KEY_BITS, publicExponent: 65537 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  return { spki: spki.toString('base64'), sealedPrivateKey: seal(pkcs8, ballotKey) };
}

export function fingerprint(spki: string): string {
  return createHash('sha256').update(Buffer.from(spki, 'base64')).digest('hex');
}

/**
 * Keys parsed once: opening the seal and parsing DER cost as much as the RSA operation itself, and
 * the nine members of a council take and cast ballots on the same session's keys. The parsed
 * private key stays in the API's memory, which already holds BALLOT_KEY; the cache is keyed by the
 * sealed form, so a key sealed under another BALLOT_KEY is opened (and refused) afresh. Bounded: a
 * few sessions of 50 nominations.
 */
const signingKeys = new LRUCache<string, { privateKey: KeyObject; publicKey: KeyObject }>({ max: 512 });
const verifyingKeys = new LRUCache<string, KeyObject>({ max: 512 });

function signingKey(key: BallotKey, ballotKey: Buffer): { privateKey: KeyObject; publicKey: KeyObject } {
  const cacheKey = `${fingerprint(ballotKey.toString('base64'))}:${key.sealedPrivateKey}`;
  let keys = signingKeys.get(cacheKey);
  if (!keys) {
    const privateKey = createPrivateKey({ key: openSealed(key.sealedPrivateKey, ballotKey), format: 'der', type: 'pkcs8' });
    keys = { privateKey, publicKey: createPublicKey(privateKey) };
    signingKeys.set(cacheKey, keys);
  }
  return keys;
}

/** RSASP1 over the blinded message, checked (RFC 9474 §4.3: verify before releasing). */
export function blindSign(key: BallotKey, ballotKey: Buffer, blindedMessage: Buffer): Buffer {
  if (blindedMessage.length !== MODULUS_BYTES) throw new RangeError('blinded message has the wrong length');
  const { privateKey, publicKey } = signingKey(key, ballotKey);
  const signature = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, blindedMessage);
  const back = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  if (!back.equals(blindedMessage)) throw new Error('blind signature failed its own check');
  return signature;
}

/** The unblinded signature on a token: RSASSA-PSS, SHA-384, 48-byte salt, as RFC 9474 finalizes it. */
export function verifyBallot(spki: string, token: Buffer, signature: Buffer): boolean {
  if (token.length !== TOKEN_BYTES || signature.length !== MODULUS_BYTES) return false;
  let publicKey = verifyingKeys.get(spki);
  if (!publicKey) {
    publicKey = createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
    verifyingKeys.set(spki, publicKey);
  }
  return verify('sha384', token, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_LENGTH }, signature);
}

/** What the box keeps of a token, and what the member checks: it reveals neither the token nor the choice. */
export function receiptHash(sessionId: string, nominationId: string, token: Buffer): string {
  return createHash('sha256').update(`vinhdanh-ballot-receipt/2\n${sessionId}\n${nominationId}\n`).update(token).digest('hex');
}
