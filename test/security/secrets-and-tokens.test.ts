import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEV_SECRETS } from '@vinhdanh/platform';
import { startStack, type Stack } from '../support/stack';
import { TEST_SECRETS } from '../support/test-secrets';

const root = path.join(__dirname, '..', '..');

/** Runs a product entry point from sources with exactly this environment; resolves with its exit and output. */
function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/ts-register.js'), path.join(root, entry)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A JWT signed with the stack's own secret, with whatever header and claims an attacker chooses. */
function forge(secret: string, header: Record<string, unknown>, claims: Record<string, unknown>, alg: 'sha256' | 'sha512' | 'none' = 'sha256'): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part(header)}.${part(claims)}`;
  return alg === 'none' ? `${body}.` : `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`;
}

describe('secrets outside development mode', () => {
  const servers = () => ({ DATABASE_URL: process.env.DATABASE_URL!, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS! });

  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])('%s refuses to start without its secrets, naming each (NODE_ENV does not matter)', async (entry) => {
    const { code, output } = await run(entry, { ...servers(), NODE_ENV: 'development' });
    expect(code).toBe(1);
    for (const name of ['JWT_SECRET', 'BALLOT_KEY', 'CODEC_KEYS', 'IDENTITY_KEY', 'FEED_SIGNING_KEY', 'SIGNING_P12_PASSPHRASE']) expect(output).toContain(`${name} is required outside development mode`);
  });

  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])('%s refuses the published development secrets', async (entry) => {
    const { code, output } = await run(entry, { ...servers(), ...DEV_SECRETS });
    expect(code).toBe(1);
    for (const name of ['JWT_SECRET', 'BALLOT_KEY', 'CODEC_KEYS', 'IDENTITY_KEY', 'FEED_SIGNING_KEY', 'SIGNING_P12_PASSPHRASE']) expect(output).toContain(`${name} is the public development default`);
  });

  it('refuses the development keys written in another base64 spelling (no padding, URL-safe letters)', async () => {
    const respell = (b64: string) => b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const { code, output } = await run('apps/api/src/main.ts', { ...servers(), ...TEST_SECRETS, BALLOT_KEY: respell(DEV_SECRETS.BALLOT_KEY), IDENTITY_KEY: respell(DEV_SECRETS.IDENTITY_KEY), FEED_SIGNING_KEY: ` ${respell(DEV_SECRETS.FEED_SIGNING_KEY)}` });
    expect(code).toBe(1);
    for (const name of ['BALLOT_KEY', 'IDENTITY_KEY', 'FEED_SIGNING_KEY']) expect(output).toContain(`${name} is the public development default`);
    expect(output).not.toContain('JWT_SECRET is the public development default');
  });

  it('refuses single sign-on without an audience: tokens the provider made for its other applications would sign in', async () => {
    const { code, output } = await run('apps/api/src/main.ts', { ...servers(), ...TEST_SECRETS, OIDC_ISSUER: 'https://sso.example.gov.vn/realms/lam-dong' });
    expect(code).toBe(1);
    expect(output).toContain('OIDC_AUDIENCE is required with OIDC_ISSUER');
  });
});

describe('where the API listens', () => {
  it('on loopback by default: the machine’s other addresses do not answer', async () => {
    const others = Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal).map((i) => i!.address);
    const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/ts-register.js'), path.join(root, 'apps/api/src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.DATABASE_URL!, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!, ...TEST_SECRETS, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b;
          const found = out.split('\n').find((l) => l.includes('api listening'));
          if (found) resolve(found);
        });
        child.on('exit', (code) => reject(new Error(`api exited ${code}: ${out}`)));
      });
      const { address, port } = JSON.parse(line) as { address: string; port: number };
      expect(address).toBe('127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBeLessThan(600);
      for (const ip of others) await expect(fetch(`http://${ip}:${port}/health`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('tokens', () => {
  let stack: Stack;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    stack = await startStack();
    const now = Math.floor(Date.now() / 1000);
    valid = { sub: 'thamdinh.so-gddt', iss: stack.config.jwt.issuer, aud: stack.config.jwt.audience, iat: now, exp: now + 600 };
  });
  afterAll(() => stack?.close());

  const me = async (token: string) => (await fetch(`${stack.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('a well-formed token of our own is accepted (the control)', async () => {
    expect(await me(forge(stack.config.jwt.secret, { alg: 'HS256', typ: 'JWT' }, valid))).toBe(200);
  });

  it.each([
    ['without exp', { alg: 'HS256', typ: 'JWT' }, (c: Record<string, unknown>) => ({ ...c, exp: undefined }), 'sha256'],
    ['signed HS512 with the same secret', { alg: 'HS512', typ: 'JWT' }, (c: Record<string, unknown>) => c, 'sha512'],
    ['with alg none', { alg: 'none', typ: 'JWT' }, (c: Record<string, unknown>) => c, 'none'],
    ['from another issuer', { alg: 'HS256', typ: 'JWT' }, (c: Record<string, unknown>) => ({ ...c, iss: 'someone-else' }), 'sha256'],
    ['for another audience', { alg: 'HS256', typ: 'JWT' }, (c: Record<string, unknown>) => ({ ...c, aud: 'another-api' }), 'sha256'],
    ['expired', { alg: 'HS256', typ: 'JWT' }, (c: Record<string, unknown>) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 10 }), 'sha256'],
  ] as const)('a token %s is refused with 401', async (_, header, claims, alg) => {
    const token = forge(stack.config.jwt.secret, header, claims(valid), alg);
    expect(await me(token)).toBe(401);
  });

  it('the tokens the API issues carry issuer, audience and expiry', async () => {
    const res = await fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'thamdinh.so-gddt', password: 'vinhdanh' }) });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const [header, claims] = accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(claims).toMatchObject({ iss: 'vinhdanh', aud: 'vinhdanh-api', exp: expect.any(Number) });
  });
});
