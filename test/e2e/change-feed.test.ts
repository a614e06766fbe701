import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { startStack, type Session, type Stack } from '../support/stack';
import { person, submit, waitForStep } from '../support/nominations';

/**
 * The change feed as an integrating system uses it (docs/integration.md): pin the key, pull pages
 * from a kept position, verify every page's signature over the bytes received, resume after the
 * last position. Attacked: an altered page, another key, a caller who is no auditor, a scoped
 * auditor reading outside the scope.
 */
describe('the change feed for other systems', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, national: Session, provincial: Session, central: Session;
  let key: KeyObject;
  let keyId: string;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, national, provincial, central] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thanhtra', 'thanhtra.tinh', 'thamdinh.ban-tdkt-tw'].map((u) => stack.login(u)));
    const published = (await (await fetch(`${stack.baseUrl}/feed/key`)).json()) as { keyId: string; jwk: { kty: string; crv: string; x: string } };
    key = createPublicKey({ key: published.jwk, format: 'jwk' });
    keyId = published.keyId;
  });
  afterAll(() => stack?.close());

  /** One page, trusted only if its signature verifies over the exact bytes received. */
  async function page(who: Session, after: number, limit = 50): Promise<{ items: any[]; next: number; more: boolean }> {
    const res = await fetch(`${stack.baseUrl}/feed/changes?after=${after}&limit=${limit}`, { headers: { authorization: `Bearer ${who.token}` } });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    const header = res.headers.get('vinhdanh-signature') ?? '';
    const [, id, sig] = /^keyid="([0-9a-f]+)", alg="ed25519", sig="([A-Za-z0-9_-]+)"$/.exec(header) ?? [];
    expect(id).toBe(keyId);
    expect(verify(null, body, key, Buffer.from(sig, 'base64url'))).toBe(true);
    const parsed = JSON.parse(body.toString('utf8'));
    // Signed for this very request, by this account, and after it was sent.
    expect(parsed.request).toEqual({ after, limit, by: (await who.get('/auth/me')).body.userId });
    return parsed;
  }

  async function everything(who: Session): Promise<any[]> {
    const all: any[] = [];
    let after = 0;
    for (;;) {
      const p = await page(who, after);
      all.push(...p.items);
      after = p.next;
      if (!p.more) return all;
    }
  }

  it('carries every change in order, signed, with the audit chain linking each entry to the one before', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const all = await everything(national);
    const ours = all.filter((e) => e.stream === `nomination:${id}`);
    expect(ours.map((e) => e.type).slice(0, 2)).toEqual(['NominationSubmitted', 'EligibilityAssessed']);
    // The unscoped feed is the whole log: each entry's previous hash is the hash of the entry before.
    for (const [i, e] of all.entries()) {
      expect(e.globalSeq).toBe(i + 1);
      if (i > 0) expect(e.prevGlobalHash).toBe(all[i - 1].globalHash);
    }
    // And it ends where the verified head of the chain is.
    expect((await national.get('/audit/verify')).body.headHash).toBe(all.at(-1).globalHash);
  });

  it('resumes from the position kept: only what came after, nothing twice', async () => {
    const before = await everything(national);
    const position = before.at(-1).globalSeq;
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const after = await page(national, position);
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.items.every((e) => e.globalSeq > position)).toBe(true);
    expect(after.items.some((e) => e.stream === `nomination:${id}`)).toBe(true);
  });

  it('a page altered on the way, or signed by another key, does not verify', async () => {
    const res = await fetch(`${stack.baseUrl}/feed/changes?limit=5`, { headers: { authorization: `Bearer ${national.token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    const sig = Buffer.from(/sig="([^"]+)"/.exec(res.headers.get('vinhdanh-signature')!)![1], 'base64url');
    const altered = Buffer.from(body.toString('utf8').replace('"type":"', '"type":"X'));
    expect(verify(null, body, key, sig)).toBe(true);
    expect(verify(null, altered, key, sig)).toBe(false);
    const other = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.alloc(32, 1).toString('base64url') }, format: 'jwk' });
    expect(verify(null, body, other, sig)).toBe(false);
  });

  it('a page replayed later, for another position, or for another account is told apart: what was asked and when is signed', async () => {
    const sentAt = Date.now();
    const fetchPage = (who: Session, after: number) => fetch(`${stack.baseUrl}/feed/changes?after=${after}&limit=10`, { headers: { authorization: `Bearer ${who.token}` } });
    const first = await fetchPage(national, 0);
    const oldBytes = Buffer.from(await first.arrayBuffer());
    const oldSig = Buffer.from(/sig="([^"]+)"/.exec(first.headers.get('vinhdanh-signature')!)![1], 'base64url');
    const old = JSON.parse(oldBytes.toString('utf8'));
    expect(Date.parse(old.signedAt)).toBeGreaterThanOrEqual(sentAt - 1000);
    await submit(clerk, 'GK_DONVI');
    // Later the integrator asks again; a proxy answers with the old bytes: the signature still holds…
    const askedAt = Date.now();
    expect(verify(null, oldBytes, key, oldSig)).toBe(true);
    // …but the page says it answered another moment (and the fresh one does not).
    expect(Date.parse(old.signedAt)).toBeLessThan(askedAt);
    const fresh = JSON.parse(Buffer.from(await (await fetchPage(national, 0)).arrayBuffer()).toString('utf8'));
    expect(Date.parse(fresh.signedAt)).toBeGreaterThanOrEqual(askedAt - 1000);
    // Another position or another account's page does not pass for this one.
    const elsewhere = JSON.parse(Buffer.from(await (await fetchPage(national, 3)).arrayBuffer()).toString('utf8'));
    expect(elsewhere.request.after).toBe(3);
    expect(old.request).toEqual({ after: 0, limit: 10, by: (await national.get('/auth/me')).body.userId });
  });

  it('is for auditor accounts only, and a scoped auditor reads only the streams of units in scope', async () => {
    const refused = await reviewer.get('/feed/changes');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'AUDITOR_ONLY' });
    expect((await national.get('/feed/changes?after=-1')).body.code).toBe('BAD_NUMBER');
    expect((await national.get('/feed/changes?limit=501')).body.field).toBe('limit');
    // A change at the central level: outside the provincial auditor's scope.
    const declared = await central.post('/conflicts', { kind: 'RELATIVE', relation: 'SIBLING', relativePersonalId: person('Người Thân Trung Ương').personalId, reason: 'Anh ruột' });
    expect(declared.status).toBe(201);
    const stream = 'conflicts:ban-tdkt-tw';
    expect((await everything(national)).some((e) => e.stream === stream)).toBe(true);
    const scoped = await everything(provincial);
    expect(scoped.some((e) => e.stream === stream)).toBe(false);
    expect(scoped.some((e) => e.stream.startsWith('nomination:'))).toBe(true);
  });
});
