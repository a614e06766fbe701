import { RSABSSA } from '@cloudflare/blindrsa-ts';

/**
 * A council member's side of a blind-signed ballot (RFC 9474), for Node clients (the tests, the
 * bench, an integrating system); the web app runs the same steps in the browser (apps/web/src/ballots.ts).
 * Draw a token, blind it for the nomination's public key; later unblind the council's signature.
 */
const suite = RSABSSA.SHA384.PSS.Randomized();
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

export interface PreparedBallot {
  nominationId: string;
  blindedMessage: string;
  finalize(blindSignature: string): Promise<{ nominationId: string; token: string; signature: string }>;
}

export async function prepareBallot(nominationId: string, spkiBase64: string): Promise<PreparedBallot> {
  const publicKey = await globalThis.crypto.subtle.importKey('spki', Buffer.from(spkiBase64, 'base64'), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  const token = suite.prepare(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await suite.blind(publicKey as never, token);
  return {
    nominationId,
    blindedMessage: b64(blindedMsg),
    async finalize(blindSignature) {
      const signature = await suite.finalize(publicKey as never, token, new Uint8Array(Buffer.from(blindSignature, 'base64url')), inv);
      return { nominationId, token: b64(token), signature: b64(signature) };
    },
  };
}
