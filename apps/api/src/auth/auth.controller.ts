import { Body, Controller, Get, HttpCode, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { hashSync, verify } from '@node-rs/bcrypt';
import { DataSource } from 'typeorm';
import { accountForLogin } from '@vinhdanh/persistence/read-model/identity';
import { CurrentActor, type AuthenticatedActor } from './public.decorator';
import { LoginLimiter } from './login-limiter';
import { Operation } from '../contract/operation';
import type { LoginResult, Me } from './responses';

class LoginDto {
  @ApiProperty({ example: 'vanthu.so-gddt' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly ds: DataSource, private readonly jwt: JwtService, private readonly limiter: LoginLimiter) {}

  /** Local accounts with bcrypt hashes (the embedded default); an OIDC provider can front this later. */
  @Post('login')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đăng nhập', en: 'Sign in' },
    description: {
      vi: 'Tài khoản nội bộ; trả mã truy cập (JWT) dùng cho mọi yêu cầu khác. Sai nhiều lần từ cùng một địa chỉ bị chặn tạm thời (429, Retry-After).',
      en: 'Local accounts; answers the access token (JWT) every other request carries. Repeated failures from one address are refused for a while (429, Retry-After).',
    },
    ok: { body: 'LoginResult' },
    errors: [401, 429],
    public: true,
  })
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    await this.limiter.check(body.username, ip);
    const user = await accountForLogin(this.ds.manager, body.username);
    // Compare against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    // Native bcrypt on libuv's thread pool: a sign-in costs a third less CPU than bcryptjs and no
    // longer holds the event loop the other requests share for tens of milliseconds.
    const ok = await verify(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.limiter.failed(body.username, ip);
      throw new UnauthorizedException({ code: 'BAD_CREDENTIALS', kind: 'UNAUTHENTICATED', messageVi: 'Sai tên đăng nhập hoặc mật khẩu.', messageEn: 'Wrong username or password.' });
    }
    await this.limiter.succeeded(body.username, ip);
    const accessToken = await this.jwt.signAsync({ sub: user.id });
    return { accessToken, user: { id: user.id, fullName: user.fullName, unitId: user.unitId, roles: user.roles } };
  }

  @Get('me')
  @Operation({ summary: { vi: 'Tài khoản của tôi', en: 'My account' }, description: { vi: 'Người gọi, đơn vị, vai trò và phạm vi (thanh tra).', en: 'The caller, their unit, roles and scope (auditors).' }, ok: { body: 'Me' } })
  me(@CurrentActor() actor: AuthenticatedActor): Me {
    return actor;
  }
}

const DUMMY_HASH = hashSync('vinhdanh-timing-guard', 10);
