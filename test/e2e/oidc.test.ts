import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startStack, type Stack } from '../support/stack';

/** A real OpenID Connect issuer on loopback: its JWKS over HTTP, tokens signed with its key. */
describe('OIDC sign-in', () => {
  let stack: Stack;
  let server: http.Server;
  let issuer: string;
  /** The provider's own key: a token it signs for another audience is refused for the audience alone. */
  let providerKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let sign: (claims: Record<string, unknown>, key?: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"]) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    providerKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/.well-known/jwks.json' ? { keys: [jwk] } : {}));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sign = (claims, key = privateKey) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('vinhdanh').setIssuedAt().setExpirationTime('10m').sign(key);
    stack = await startStack({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'vinhdanh', SECOND_FACTOR_ROLES: 'DECISION_MAKER,COUNCIL_SECRETARY,ADMIN' });
  });
  afterAll(async () => {
    await stack?.close();
    server?.close();
  });

  const me = (token: string) => fetch(`${stack.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  it('accepts a token from the provider and maps it to the local account', async () => {
    const res = await me(await sign({ preferred_username: 'thamdinh.so-noi-vu' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: 'thamdinh.so-noi-vu', unitId: 'so-noi-vu', roles: ['REVIEWER'] });
  });

  it('refuses a forged signature, a wrong audience and an unknown user', async () => {
    const { privateKey: other } = await generateKeyPair('RS256');
    expect((await me(await sign({ preferred_username: 'thutuong' }, other))).status).toBe(401);
    const wrongAudience = await new SignJWT({ preferred_username: 'thutuong' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('other-app').setExpirationTime('10m').sign(providerKey);
    expect((await me(wrongAudience)).status).toBe(401);
    expect((await me(await sign({ preferred_username: 'khong-ton-tai' }))).status).toBe(401);
  });

  it('counts the provider’s token as a second factor only where its amr says one was given', async () => {
    const inbox = (token: string) => fetch(`${stack.baseUrl}/inbox`, { headers: { authorization: `Bearer ${token}` } });
    const passwordOnly = await inbox(await sign({ preferred_username: 'thutuong', amr: ['pwd'] }));
    expect(passwordOnly.status).toBe(403);
    expect(((await passwordOnly.json()) as { code: string }).code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await inbox(await sign({ preferred_username: 'thutuong' }))).status).toBe(403);
    expect((await inbox(await sign({ preferred_username: 'thutuong', amr: ['pwd', 'otp'] }))).status).toBe(200);
    // A role that needs none is not asked.
    expect((await inbox(await sign({ preferred_username: 'thamdinh.so-noi-vu' }))).status).toBe(200);
  });

  it('local accounts keep working alongside', async () => {
    const session = await stack.login('vanthu.so-gddt');
    expect((await session.get('/auth/me')).status).toBe(200);
  });
});
