import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { IS_PUBLIC, type AuthenticatedActor } from './public.decorator';

/**
 * Every request is authenticated unless marked @Public. The token names the account; roles and
 * unit are read fresh from the database so a revoked role takes effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly jwt: JwtService, private readonly ds: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthorized('Thiếu mã đăng nhập (Bearer token).', 'Missing bearer token.');
    let sub: string;
    try {
      sub = (await this.jwt.verifyAsync<{ sub: string }>(header.slice(7))).sub;
    } catch {
      throw unauthorized('Mã đăng nhập không hợp lệ hoặc đã hết hạn.', 'Invalid or expired token.');
    }
    const [user] = await this.ds.query(`SELECT id, full_name, unit_id, roles, scope_unit_id FROM user_account WHERE id=$1`, [sub]);
    if (!user) throw unauthorized('Tài khoản không còn tồn tại.', 'The account no longer exists.');
    const actor: AuthenticatedActor = { userId: user.id, fullName: user.full_name, unitId: user.unit_id, roles: user.roles, scopeUnitId: user.scope_unit_id };
    request.actor = actor;
    return true;
  }
}

function unauthorized(messageVi: string, messageEn: string): UnauthorizedException {
  return new UnauthorizedException({ code: 'UNAUTHENTICATED', kind: 'UNAUTHENTICATED', messageVi, messageEn });
}
