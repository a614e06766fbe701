import { randomBytes, webcrypto } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { blindSign, fingerprint, generateBallotKey, receiptHash, verifyBallot } from './ballot-keys';

/** The signer side against the RFC 9474 client library, as a member's browser runs it. */
describe('blind-signed ballots', () => {
  const ballotKey = randomBytes(32);
  const suite = RSABSSA.SHA384.PSS.Randomized();

  async function member(spki: string) {
    const publicKey = await webcrypto.subtle.importKey('spki', Buffer.from(spki, 'base64'), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
    const token = suite.prepare(new Uint8Array(randomBytes(32)));
    const { blindedMsg, inv } = await suite.blind(publicKey as never, token);
    return { publicKey, token, blindedMsg, inv };
  }

  it('a blinded token signed by the key unblinds to a signature the server verifies', async () => {
    const key = await generateBallotKey(ballotKey);
    const m = await member(key.spki);
    const blindSig = blindSign(key, ballotKey, Buffer.from(m.blindedMsg));
    const signature = await suite.finalize(m.publicKey as never, m.token, new Uint8Array(blindSig), m.inv);
    expect(verifyBallot(key.spki, Buffer.from(m.token), Buffer.from(signature))).toBe(true);
    // The signer saw only the blinded message: it shares nothing with the token or the signature.
    expect(Buffer.from(m.blindedMsg).includes(Buffer.from(m.token).subarray(32, 48))).toBe(false);
    expect(Buffer.from(signature).equals(blindSig)).toBe(false);
  });

  it('refuses a signature from another nomination’s key, a changed token or a forged signature', async () => {
    const [a, b] = await Promise.all([generateBallotKey(ballotKey), generateBallotKey(ballotKey)]);
    const m = await member(a.spki);
    const signature = Buffer.from(await suite.finalize(m.publicKey as never, m.token, new Uint8Array(blindSign(a, ballotKey, Buffer.from(m.blindedMsg))), m.inv));
    expect(verifyBallot(b.spki, Buffer.from(m.token), signature)).toBe(false);
    const changed = Buffer.from(m.token);
    changed[40] ^= 1;
    expect(verifyBallot(a.spki, changed, signature)).toBe(false);
    expect(verifyBallot(a.spki, Buffer.from(m.token), randomBytes(256))).toBe(false);
    expect(fingerprint(a.spki)).not.toBe(fingerprint(b.spki));
  });

  it('receipts are per session and nomination, and do not contain the token', () => {
    const token = randomBytes(64);
    expect(receiptHash('s1', 'n1', token)).not.toBe(receiptHash('s2', 'n1', token));
    expect(receiptHash('s1', 'n1', token)).not.toBe(receiptHash('s1', 'n2', token));
    expect(receiptHash('s1', 'n1', token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
