import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot, visitor, type Visitor } from '../support/browser';
import { freePort } from '../support/ports';
import { startStack, type Session, type Stack } from '../support/stack';

/**
 * People sign in through the province's identity provider (docs/accounts.md): a real OpenID
 * provider (`oidc-provider`, in its own process), the real API and PostgreSQL, and a real Chromium
 * that follows every redirect and keeps every cookie, as a person's browser does. The provider's
 * development pages sign in any login: the login is the username the account is matched by.
 */
describe('sign-in through the identity provider', () => {
  let stack: Stack;
  let provider: ChildProcess;
  let browser: Browser;
  let issuer: string;
  const opened: Visitor[] = [];

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    stack = await startStack({
      OIDC_ISSUER: issuer,
      OIDC_JWKS_URL: `${issuer}/jwks`,
      OIDC_AUDIENCE: 'vinhdanh',
      OIDC_CLIENT_SECRET: 'the-test-client-secret-of-vinh-danh',
      SECOND_FACTOR_ROLES: 'DECISION_MAKER,COUNCIL_SECRETARY,ADMIN',
    });
    provider = spawn(process.execPath, [path.join(__dirname, '../support/oidc-provider.mjs'), String(port), `${stack.baseUrl}/auth/oidc/callback`, `${stack.baseUrl}/app/login`], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      provider.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      provider.once('exit', (code) => reject(new Error(`the identity provider exited (${code})`)));
    });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const v of opened.splice(0)) await v.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    await stack?.close();
  });

  async function phone(): Promise<Page> {
    const v = await visitor(browser, stack.baseUrl, { width: 390, height: 844 });
    opened.push(v);
    return v.page;
  }

  /** At the provider: its own sign-in form, then its consent, the first time. */
  async function atProvider(page: Page, login: string) {
    await page.waitForURL((u) => u.origin === issuer);
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('whatever the province checks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = page.getByRole('button', { name: 'Continue' });
    await Promise.race([consent.click().catch(() => undefined), page.waitForURL((u) => u.origin === stack.baseUrl)]);
    await page.waitForURL((u) => u.origin === stack.baseUrl);
  }

  /** Starts from the sign-in page, as a person does, and captures the one-time code the provider's return carried. */
  async function signInThroughProvider(page: Page, login: string): Promise<{ code?: string }> {
    const seen: { code?: string } = {};
    page.on('framenavigated', (f) => {
      const m = /#sso=([A-Za-z0-9_-]+)$/.exec(f.url());
      if (m) seen.code = m[1];
    });
    await page.goto('/app/login');
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản một cửa của tỉnh' }).click();
    await atProvider(page, login);
    return seen;
  }

  it('a clerk signs in at the provider and lands in Vinh Danh with their own roles, with no code left in the address', async () => {
    const page = await phone();
    await signInThroughProvider(page, 'vanthu.so-gddt');
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await shot(page, 'sso-01-phone-signed-in');
    // No token in the address, nor the one-time code.
    expect(page.url()).not.toContain('sso=');
    const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('vinhdanh.token'));
    const me = await stack.session(token!).get('/auth/me');
    expect(me.body).toMatchObject({ userId: 'vanthu.so-gddt', roles: ['CLERK'], unitId: 'so-gddt' });
  });

  it('the one-time code is traded once, and only with the cookie of the browser that started', async () => {
    const page = await phone();
    // The page does not trade it here: the test does, as that browser, with its cookie.
    await page.route('**/auth/oidc/exchange', (route) => route.abort());
    const { code } = await signInThroughProvider(page, 'thamdinh.so-gddt');
    expect(code).toBeDefined();
    const cookie = (await page.context().cookies(`${stack.baseUrl}/auth/oidc/exchange`)).find((c) => c.name === 'vinhdanh_sso');
    expect(cookie?.httpOnly).toBe(true);
    const asThatBrowser = { cookie: `vinhdanh_sso=${cookie!.value}` };
    // Carried to another browser (no cookie): refused, and still usable where it belongs.
    expect((await stack.session().post('/auth/oidc/exchange', { code })).body.code).toBe('SSO_CODE_NOT_VALID');
    const traded = await stack.session().post('/auth/oidc/exchange', { code }, asThatBrowser);
    expect(traded.status).toBe(200);
    expect(traded.body).toMatchObject({ user: { id: 'thamdinh.so-gddt' }, secondFactor: 'NOT_USED' });
    const again = await stack.session().post('/auth/oidc/exchange', { code }, asThatBrowser);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('SSO_CODE_NOT_VALID');
  });

  it('signing out ends the provider’s session too: the next sign-in asks for the login again', async () => {
    const page = await phone();
    await signInThroughProvider(page, 'thamdinh.so-gddt');
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.origin === issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((u) => u.origin === stack.baseUrl && u.pathname === '/app/login');
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản một cửa của tỉnh' }).click();
    await page.waitForURL((u) => u.origin === issuer);
    await page.locator('input[name=login]').waitFor();
  });

  it('a decision maker with a second factor gives the code after the provider; the provider alone is not enough', async () => {
    // Enrolled beforehand with the password (the account's roles need it).
    const first = await stack.session().post('/auth/login', { username: 'thutruong.so-gddt', password: 'vinhdanh' });
    const s: Session = stack.session(first.body.accessToken);
    const { secret } = (await s.post('/auth/second-factor')).body;
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    expect((await s.post('/auth/second-factor/confirm', { code: app.generate() })).status).toBe(200);

    const page = await phone();
    const { code } = await signInThroughProvider(page, 'thutruong.so-gddt');
    const field = page.getByLabel('Mã xác thực (6 số)');
    await field.waitFor();
    await shot(page, 'sso-02-phone-code-asked');
    // The sign-in code alone opens nothing, in this browser or carried to another.
    const alone = await page.request.post(`${stack.baseUrl}/auth/oidc/exchange`, { data: { code } });
    expect(((await alone.json()) as { code: string }).code).toBe('OTP_REQUIRED');
    expect((await stack.session().post('/auth/oidc/exchange', { code })).body.code).toBe('SSO_CODE_NOT_VALID');
    await field.fill(app.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
  });

  it('a deactivated account, or a login with no account, is turned back with the reason', async () => {
    const adminLogin = await stack.session().post('/auth/login', { username: 'quantri', password: 'vinhdanh' });
    const pending = stack.session(adminLogin.body.accessToken);
    const { secret } = (await pending.post('/auth/second-factor')).body;
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    const admin = stack.session((await pending.post('/auth/second-factor/confirm', { code: app.generate() })).body.accessToken);
    expect((await admin.post('/accounts/thamdinh.so-yte/deactivate', { reason: 'Chuyển công tác' })).status).toBe(200);

    const page = await phone();
    await signInThroughProvider(page, 'thamdinh.so-yte');
    await page.getByText('Tài khoản Vinh Danh của bạn đã bị vô hiệu hóa.').waitFor();
    expect(new URL(page.url()).searchParams.get('sso_error')).toBe('SSO_ACCOUNT_INACTIVE');
    await shot(page, 'sso-03-phone-deactivated');

    const stranger = await phone();
    await signInThroughProvider(stranger, 'nguoi.la');
    await stranger.getByText('chưa có tài khoản Vinh Danh').waitFor();
  });

  it('an account is linked to the provider’s subject at its first sign-in; a later holder of its name there is refused', async () => {
    const first = await phone();
    await signInThroughProvider(first, 'alice:vanthu.so-yte');
    await first.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    const history = await stack.ds.query(`SELECT event_type, payload FROM audit_log WHERE stream='account:vanthu.so-yte' ORDER BY stream_seq DESC LIMIT 1`);
    expect(history[0]).toEqual({ event_type: 'ProviderLinked', payload: { subject: `${issuer}|alice` } });
    // Someone else renamed to the same username at the provider.
    const other = await phone();
    await signInThroughProvider(other, 'mallory:vanthu.so-yte');
    await other.getByText('chưa có tài khoản Vinh Danh').waitFor();
    // Alice, renamed at the provider, is still herself here.
    const renamed = await phone();
    await signInThroughProvider(renamed, 'alice:alice.nguyen');
    await renamed.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await renamed.getByText('Văn thư Sở Y tế').first().waitFor();
  });

  it('an answer that did not come from a request this API made is refused', async () => {
    const forged = await fetch(`${stack.baseUrl}/auth/oidc/callback?code=anything&state=made-up&iss=${encodeURIComponent(issuer)}`, { redirect: 'manual' });
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toBe('/app/login?sso_error=SSO_FAILED');
    const start = await fetch(`${stack.baseUrl}/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('set-cookie')).toMatch(/^vinhdanh_sso=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/auth\/oidc; Expires=.*; HttpOnly; SameSite=Lax$/);
    // The provider's genuine answer to that request, carried to a browser without the cookie, signs nobody in.
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const carried = await fetch(`${stack.baseUrl}/auth/oidc/callback?code=anything&state=${state}`, { redirect: 'manual' });
    expect(carried.headers.get('location')).toBe('/app/login?sso_error=SSO_FAILED');
    // A Host header of someone else's choosing never names where the provider sends a code.
    const hostile = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${stack.baseUrl}/auth/oidc/start`, { headers: { host: 'evil.example' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(hostile.status).toBe(400);
    expect(JSON.parse(hostile.body).code).toBe('SSO_NEEDS_REDIRECT_URL');
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('redirect_uri')).toBe(`${stack.baseUrl}/auth/oidc/callback`);
    expect((await stack.session().get('/auth/oidc/providers')).body).toEqual({ singleSignOn: true });
    // Signing out goes on to the provider's end of session, and back to the sign-in page.
    const out = await fetch(`${stack.baseUrl}/auth/oidc/logout`, { redirect: 'manual' });
    expect(out.status).toBe(302);
    const end = new URL(out.headers.get('location')!);
    expect(`${end.origin}${end.pathname}`).toBe(`${issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe('vinhdanh');
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.baseUrl}/app/login`);
  });
});
