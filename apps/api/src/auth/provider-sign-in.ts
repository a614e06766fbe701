import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { invalid, notFound } from '@vinhdanh/domain/common/errors';
import { accountOfSubject, issueSignInCode, linkSubject, savePending, takePending } from '@vinhdanh/persistence/accounts/provider-sign-in';
import { actingAccount } from '@vinhdanh/persistence/read-model/identity';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';

/** Why a return from the provider did not sign anyone in: the web app says it in words. */
export type ProviderRefusal = 'SSO_FAILED' | 'SSO_NO_ACCOUNT' | 'SSO_ACCOUNT_INACTIVE';

/**
 * People's sign-in through the province's identity provider (docs/accounts.md): OpenID Connect's
 * authorization code flow with PKCE and a nonce, by `openid-client` (certified by the OpenID
 * Foundation). An account is found by the username claim (OIDC_USERNAME_CLAIM) at its first
 * sign-in and by the provider's subject from then on; roles, units and the second factor stay ours. The provider's answer never carries our token: the
 * browser gets a one-time code, which the web app trades for a session (POST /auth/oidc/exchange),
 * so no token sits in an address, a history or a log.
 */
@Injectable()
export class ProviderSignIn {
  private readonly log = new Logger('ProviderSignIn');
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configured(): boolean {
    return !!this.config.oidc?.signIn;
  }

  /** The provider's settings, discovered once (again after a failure). */
  private provider(): Promise<oidc.Configuration> {
    const o = this.settings();
    if (!this.discovered) {
      const issuer = new URL(o.issuer);
      // Plain HTTP only to a provider on this machine (development and the tests); anywhere else HTTPS.
      const loopback = LOOPBACK.includes(issuer.hostname);
      this.discovered = oidc.discovery(issuer, o.signIn.clientId, o.signIn.clientSecret, undefined, loopback ? { execute: [oidc.allowInsecureRequests] } : undefined);
      this.discovered.catch(() => (this.discovered = undefined));
    }
    return this.discovered;
  }

  private settings() {
    const o = this.config.oidc;
    if (!o?.signIn) throw notFound('SSO_NOT_CONFIGURED', 'Chưa cấu hình đăng nhập một cửa (OIDC_CLIENT_SECRET).', 'Single sign-on is not configured (OIDC_CLIENT_SECRET).');
    return { ...o, signIn: o.signIn };
  }

  /**
   * This API's origin as people reach it: OIDC_REDIRECT_URL's, or, on this machine only (development
   * and the tests), the request's own. A Host header is the client's to choose, so it never names
   * where the provider sends a code or where a sign-out lands anywhere else.
   */
  origin(requested: string): string {
    const configured = this.settings().signIn.redirectUrl;
    if (configured) return new URL(configured).origin;
    let url: URL;
    try {
      url = new URL(requested);
    } catch {
      throw needsRedirectUrl();
    }
    if (!LOOPBACK.includes(url.hostname)) throw needsRedirectUrl();
    return url.origin;
  }

  /** Where the browser goes to sign in at the provider; `binding` is the value of the cookie the browser is given. */
  async start(origin: string, binding: string): Promise<string> {
    const provider = await this.provider();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const redirectUri = `${origin}/auth/oidc/callback`;
    await savePending(this.ds.manager, { state, codeVerifier, nonce, redirectUri, binding });
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * The provider's answer, from the browser that asked: the code traded for tokens (state, PKCE,
   * nonce, issuer, audience and signature checked by the library), the account found by the
   * provider's subject, or at its first sign-in by the username claim; answers the web app's
   * address to go on to, with a one-time sign-in code or the reason it failed.
   */
  async callback(query: string, binding: string | undefined): Promise<string> {
    const o = this.settings();
    const state = new URLSearchParams(query).get('state') ?? '';
    const pending = state && binding ? await takePending(this.ds.manager, state, binding) : undefined;
    if (!pending) return refused('SSO_FAILED');
    let username: unknown;
    let subject: string;
    try {
      // The address the provider sent the browser back to, as registered (behind a proxy the request's own may differ).
      const answered = new URL(pending.redirectUri);
      answered.search = query;
      const provider = await this.provider();
      const tokens = await oidc.authorizationCodeGrant(provider, answered, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idClaims = tokens.claims()!;
      subject = `${idClaims.iss}|${idClaims.sub}`;
      username = idClaims[o.usernameClaim];
      // Providers put profile claims in the ID token or only at the UserInfo endpoint (for the same subject).
      if (username === undefined) username = (await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub))[o.usernameClaim];
    } catch (err) {
      this.log.warn(`sign-in through the identity provider failed: ${(err as Error).message}`);
      return refused('SSO_FAILED');
    }
    // A linked account is found by the provider's subject; the username claim only finds an account's first sign-in.
    const linked = await accountOfSubject(this.ds.manager, subject);
    const name = linked ?? (typeof username === 'string' && username ? username : undefined);
    const acting = name ? await actingAccount(this.ds.manager, linked ? { id: linked } : { username: name }) : undefined;
    if (!acting) return refused('SSO_NO_ACCOUNT');
    if (!acting.active) return refused('SSO_ACCOUNT_INACTIVE');
    // An account already linked to another subject is not taken by whoever bears its name at the provider.
    if (!linked && !(await this.ds.transaction((tx) => linkSubject(tx, acting.userId, subject)))) return refused('SSO_NO_ACCOUNT');
    const code = randomBytes(32).toString('base64url');
    await issueSignInCode(this.ds.manager, acting.userId, code, binding!);
    return `/app/login#sso=${code}`;
  }

  /** The provider's end of session, coming back to our sign-in page. */
  async logout(origin: string): Promise<string> {
    const o = this.settings();
    const provider = await this.provider();
    if (!provider.serverMetadata().end_session_endpoint) return '/app/login';
    return oidc.buildEndSessionUrl(provider, { client_id: o.signIn.clientId, post_logout_redirect_uri: `${origin}/app/login` }).href;
  }
}

/** This machine's names: plain HTTP to a provider, and addresses from the request, only there. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const needsRedirectUrl = () => invalid('SSO_NEEDS_REDIRECT_URL', 'Cấu hình OIDC_REDIRECT_URL để đăng nhập một cửa.', 'Set OIDC_REDIRECT_URL for single sign-on.');

const refused = (why: ProviderRefusal) => `/app/login?sso_error=${why}`;
