import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { AppConfig } from '@vinhdanh/platform';

/** RFC 8176 authentication methods that are, or include, a second factor. */
const SECOND_FACTOR_METHODS = new Set(['mfa', 'otp', 'hwk', 'swk', 'sms', 'tel', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm']);

/**
 * Tokens issued by the configured OpenID Connect provider (the province's single sign-on) are
 * accepted when their signature checks against the provider's JWKS; the username claim names the
 * Vinh Danh account, whose roles and unit stay managed here.
 */
export class OidcVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: NonNullable<AppConfig['oidc']>) {
    this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /** Whether a token claims to come from our provider (checked before verifying it). */
  claims(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.config.issuer;
    } catch {
      return false;
    }
  }

  /**
   * The username the provider vouches for, and whether it says a second factor was given (RFC 8176
   * `amr` values), or throws when the token does not verify.
   */
  async username(token: string): Promise<{ username: string; secondFactor: boolean }> {
    const { payload } = await jwtVerify(token, this.jwks, { issuer: this.config.issuer, audience: this.config.audience, requiredClaims: ['exp'] });
    const name = payload[this.config.usernameClaim];
    if (typeof name !== 'string' || !name) throw new Error(`token has no ${this.config.usernameClaim} claim`);
    const amr = Array.isArray(payload.amr) ? payload.amr : [];
    return { username: name, secondFactor: amr.some((m) => typeof m === 'string' && SECOND_FACTOR_METHODS.has(m)) };
  }
}
