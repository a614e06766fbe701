import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { actingAccount } from '@vinhdanh/persistence/read-model/identity';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { OidcVerifier } from './oidc';
import { BEFORE_SECOND_FACTOR, IS_PUBLIC, type AuthenticatedActor, type SecondFactorState } from '../common/actor';

/**
 * Every request is authenticated unless marked @Public. The token names the account; roles and
 * unit are read fresh from the database so a revoked role takes effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly oidc?: OidcVerifier;
  private readonly secondFactorRoles: string[];

  constructor(private readonly reflector: Reflector, private readonly jwt: JwtService, private readonly ds: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
    this.secondFactorRoles = config.secondFactorRoles;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthorized('Thiếu mã đăng nhập (Bearer token).', 'Missing bearer token.');
    const token = header.slice(7);
    let who: { id: string } | { username: string };
    let version: number | undefined;
    let verified = false;
    try {
      if (this.oidc?.claims(token)) {
        // The provider's bearer token counts as a second factor only where it says one was given (amr).
        const vouched = await this.oidc.username(token);
        who = { username: vouched.username };
        verified = vouched.secondFactor;
      }
      else ({ sub: who, cv: version, mfa: verified } = await this.localSubject(token));
    } catch {
      throw unauthorized('Mã đăng nhập không hợp lệ hoặc đã hết hạn.', 'Invalid or expired token.');
    }
    // Outside the try: a database outage is a 503, not a bad token.
    const user = await actingAccount(this.ds.manager, who);
    if (!user) throw unauthorized('Tài khoản không còn tồn tại.', 'The account no longer exists.');
    if (!user.active) throw unauthorized('Tài khoản đã bị vô hiệu hóa.', 'The account has been deactivated.');
    // A password change voids the tokens issued before it: they carry the old count.
    if (version !== undefined && version !== user.credentialsVersion) {
      throw unauthorized('Phiên đăng nhập đã hết hiệu lực vì mật khẩu vừa đổi; hãy đăng nhập lại.', 'The session ended because the password changed; sign in again.');
    }
    const actor: AuthenticatedActor = { userId: user.userId, fullName: user.fullName, unitId: user.unitId, roles: user.roles, scopeUnitId: user.scopeUnitId };
    const secondFactor: SecondFactorState = { required: user.secondFactorEnabled || user.roles.some((r) => this.secondFactorRoles.includes(r)), enabled: user.secondFactorEnabled, verified };
    request.actor = actor;
    request.secondFactor = secondFactor;
    if (secondFactor.required && !secondFactor.verified && !this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR, [context.getHandler(), context.getClass()])) {
      throw new ForbiddenException({
        code: 'SECOND_FACTOR_REQUIRED',
        kind: 'FORBIDDEN',
        messageVi: 'Tài khoản này cần xác thực hai lớp: hãy bật mã một lần trong "Tài khoản của tôi", hoặc đăng nhập lại kèm mã.',
        messageEn: 'This account needs a second factor: turn on one-time codes under "My account", or sign in again with a code.',
      });
    }
    return true;
  }

  /** Our own tokens: HS256 only, issuer and audience checked (the module's verify options), and an expiry required. */
  private async localSubject(token: string): Promise<{ sub: { id: string }; cv: number; mfa: boolean }> {
    const claims = await this.jwt.verifyAsync<{ sub?: unknown; exp?: unknown; cv?: unknown; mfa?: unknown }>(token);
    if (typeof claims.exp !== 'number') throw new Error('token without exp');
    if (typeof claims.sub !== 'string' || !claims.sub) throw new Error('token without sub');
    // Tokens from before passwords could change carry no count: they were issued under count 0.
    return { sub: { id: claims.sub }, cv: typeof claims.cv === 'number' ? claims.cv : 0, mfa: claims.mfa === true };
  }
}

function unauthorized(messageVi: string, messageEn: string): UnauthorizedException {
  return new UnauthorizedException({ code: 'UNAUTHENTICATED', kind: 'UNAUTHENTICATED', messageVi, messageEn });
}
