import { startStack, type Session, type Stack } from '../support/stack';
import { dossier, submit, waitForStep, person } from '../support/nominations';

/** Issue 9 §5–6 at the API edge: bad input never reaches a workflow, hostile text is stored inertly. */
describe('hardening at the edge', () => {
  let stack: Stack;
  let clerk: Session;
  beforeAll(async () => {
    stack = await startStack();
    clerk = await stack.login('vanthu.xa-quang-khe');
  });
  afterAll(() => stack?.close());

  /** Nominations of this one nominee: other test files submit at the same time, so never a global count. */
  const named = async (name: string) => (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination WHERE nominee_name=$1`, [name]))[0].n as number;

  it('oversized payloads get 413 with a reason', async () => {
    const body = dossier('GK_DONVI', { achievements: 'x'.repeat(300_000) });
    const res = await clerk.post('/nominations', body);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.messageVi).toMatch(/quá lớn/);
    expect(await named(body.nominee.name)).toBe(0);
  });

  it('malformed JSON gets 400 with a reason', async () => {
    const res = await clerk.request('POST', '/nominations', '{"nominee": {');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
  });

  it('dates out of range and unknown fields are refused', async () => {
    const res = await clerk.post('/nominations', dossier('GK_DONVI', { year: 1899, achievementPeriod: { from: '2025-02-30', to: '2025-12-31' }, extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['year', 'achievementPeriod.from', 'extra']));
  });

  it('SQL and script injection in text fields are stored as text and returned verbatim', async () => {
    const name = `Robert'); DROP TABLE nomination;-- <script>alert("x")</script>`;
    const id = await submit(clerk, 'GK_DONVI', { nominee: person(name), achievements: `<img src=x onerror=alert(1)> ' OR 1=1 --` });
    const n = await waitForStep(clerk, id, 'IN_REVIEW', 'UNIT');
    expect(n.nominee.name).toBe(name);
    expect(n.dossier.achievements).toBe(`<img src=x onerror=alert(1)> ' OR 1=1 --`);
    const res = await fetch(`${stack.baseUrl}/nominations/${id}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await named(name)).toBe(1);
  });

  it('rate-limits failed sign-ins with 429', async () => {
    const attempt = () => fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'thutuong', password: 'sai-mat-khau' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it('no endpoint but health, docs, sign-in and what the law makes public answers without authentication', async () => {
    const doc = (await (await fetch(`${stack.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const open: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await fetch(`${stack.baseUrl}${concrete}`, { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
        if (res.status !== 401) open.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    // Public by design: the catalogue and movements are published law; /public holds the posted
    // nominee lists and issued decisions (apps/api/src/public/public.controller.ts); a secret
    // ballot is cast with no account (the signed token is the credential) and a receipt is checked
    // with the receipt alone (docs/council-voting.md).
    expect(open.sort()).toEqual([
      'GET /health → 200', 'GET /health/live → 200', 'GET /health/ready → 200', 'POST /auth/login → 400', 'GET /catalogue → 200', 'GET /movements → 200', 'GET /public/disclosures → 200', 'GET /public/decisions → 200', 'GET /public/models → 200',
      'POST /councils/sessions/{id}/ballots → 400', 'GET /councils/sessions/{id}/receipts/{receipt} → 400',
      // Anyone may comment on a nomination under public posting (docs/law.md); the body is checked first.
      'POST /public/nominations/{id}/comments → 400', 'GET /public/nominations/{id}/comment-challenge → 404',
      // The change feed's public key, which integrators pin (docs/integration.md).
      'GET /feed/key → 200',
      // A person without a password yet sets one; the one-time link's token is the credential (docs/accounts.md).
      'POST /auth/set-password → 400',
      // Sign-in through the province's identity provider: the sign-in page asks whether it is offered; the rest
      // is the browser's way there and back (not configured here: 404), and the one-time code is the credential.
      'GET /auth/oidc/providers → 200', 'GET /auth/oidc/start → 404', 'GET /auth/oidc/callback → 404', 'GET /auth/oidc/logout → 404', 'POST /auth/oidc/exchange → 400',
      // Anyone may check a downloaded decision (docs/documents.md); the upload is checked first.
      'POST /decisions/verify → 400',
      // A decision issued is public (docs/documents.md): its signed PDF downloads without an account.
      'GET /decisions/{id}/document.pdf → 404',
      // The audit log's signed checkpoints and proofs are public, so anyone can keep and check them (docs/audit.md).
      'GET /public/checkpoints → 200', 'GET /public/checkpoints/latest → 404', 'GET /public/checkpoints/consistency → 400', 'GET /decisions/{id}/inclusion-proof → 404',
    ].sort());
  });
});
