import { RSABSSA } from '@cloudflare/blindrsa-ts';

/**
 * The member's side of a blind-signed ballot (RFC 9474), in the browser. The token is drawn and
 * blinded here; the council signs the blinded token while the member is signed in; the ballot is
 * then cast with no account. The server never sees a token next to the member's name, so nobody,
 * the operator included, can tell whose ballot is whose (docs/council-voting.md).
 *
 * What a member holds is kept in this browser (localStorage) until the ballot is in the box, so a
 * reload or a lost answer asks for the same signature again instead of a second ballot.
 */
const suite = RSABSSA.SHA384.PSS.Randomized();

export interface BallotItem {
  nominationId: string;
  publicKey: string;
}

interface Held {
  token: string;
  inv: string;
  blindedMessage: string;
  signature?: string;
  receipt?: string;
}

const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const bytes = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const std = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export class BallotWallet {
  private readonly key: string;
  private held: Record<string, Held>;

  constructor(sessionId: string, userId: string) {
    this.key = `vinhdanh.ballots.${sessionId}.${userId}`;
    this.held = JSON.parse(localStorage.getItem(this.key) ?? '{}') as Record<string, Held>;
  }

  private save(): void {
    localStorage.setItem(this.key, JSON.stringify(this.held));
  }

  private static async importKey(spki: string): Promise<CryptoKey> {
    return crypto.subtle.importKey('spki', std(spki), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  }

  /** Blinded tokens to have signed: new ones for items not yet held, the same ones again for unsigned ones. */
  async requests(items: BallotItem[]): Promise<{ nominationId: string; blindedMessage: string }[]> {
    for (const item of items) {
      if (this.held[item.nominationId]) continue;
      const token = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
      const { blindedMsg, inv } = await suite.blind(await BallotWallet.importKey(item.publicKey), token);
      this.held[item.nominationId] = { token: b64(token), inv: b64(inv), blindedMessage: b64(blindedMsg) };
    }
    this.save();
    return items.filter((i) => !this.held[i.nominationId].signature).map((i) => ({ nominationId: i.nominationId, blindedMessage: this.held[i.nominationId].blindedMessage }));
  }

  async signed(items: BallotItem[], signatures: { nominationId: string; blindSignature: string }[]): Promise<void> {
    for (const s of signatures) {
      const held = this.held[s.nominationId];
      const item = items.find((i) => i.nominationId === s.nominationId);
      if (!held || !item) continue;
      const signature = await suite.finalize(await BallotWallet.importKey(item.publicKey), bytes(held.token), bytes(s.blindSignature), bytes(held.inv));
      held.signature = b64(signature);
    }
    this.save();
  }

  ballot(nominationId: string): { nominationId: string; token: string; signature: string } | undefined {
    const h = this.held[nominationId];
    return h?.signature ? { nominationId, token: h.token, signature: h.signature } : undefined;
  }

  cast(nominationId: string, receipt: string): void {
    this.held[nominationId].receipt = receipt;
    this.save();
  }

  receipts(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.held).filter(([, h]) => h.receipt).map(([id, h]) => [id, h.receipt!]));
  }
}
