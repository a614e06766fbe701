import { hkdfSync, randomUUID } from 'node:crypto';
import type { JwtService } from '@nestjs/jwt';

/**
 * Device tokens (OWASP's "device cookies"): a browser that has signed in to an account keeps a
 * token naming that account, and sends it with its next sign-ins. Guessing from browsers without
 * one is slowed per account (login-limiter.ts); the owner's own browser is not, so a guesser can
 * never lock the owner out. A token is an HS256 JWT under a key of its own (derived from JWT_SECRET,
 * so it can never pass as an access token), for one username, for a year.
 */
const AUDIENCE = 'vinhdanh-device';
const TTL_SECONDS = 365 * 86_400;

export class DeviceTokens {
  private readonly secret: Buffer;

  constructor(private readonly jwt: JwtService, jwtSecret: string) {
    this.secret = Buffer.from(hkdfSync('sha256', jwtSecret, 'vinhdanh', 'device-token', 32));
  }

  issue(username: string): Promise<string> {
    return this.jwt.signAsync({ sub: username.toLowerCase() }, { secret: this.secret, audience: AUDIENCE, expiresIn: TTL_SECONDS, jwtid: randomUUID(), algorithm: 'HS256' });
  }

  /** The token's id if it is ours, unexpired and for this username; otherwise undefined (an untrusted browser). */
  async idFor(token: string | undefined, username: string): Promise<string | undefined> {
    if (!token) return undefined;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; jti?: unknown }>(token, { secret: this.secret, audience: AUDIENCE, algorithms: ['HS256'] });
      return claims.sub === username.toLowerCase() && typeof claims.jti === 'string' ? claims.jti : undefined;
    } catch {
      return undefined;
    }
  }
}
