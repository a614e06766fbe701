import { Body, Controller, Get, HttpCode, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { hashSync, verify } from '@node-rs/bcrypt';
import { DataSource } from 'typeorm';
import { accountForLogin } from '@vinhdanh/persistence/read-model/identity';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { LoginLimiter } from './login-limiter';
import { DeviceTokens } from './device-tokens';
import { Operation } from '../contract/operation';
import type { LoginResult, Me } from './responses';

class LoginDto {
  @ApiProperty({ example: 'vanthu.so-gddt' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
  @ApiProperty({ required: false, description: 'The device token an earlier sign-in to this account gave this browser: sign-ins from it are not slowed when others guess the password.' })
  @IsOptional() @IsString() @MaxLength(2000) deviceToken?: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly ds: DataSource, private readonly jwt: JwtService, private readonly limiter: LoginLimiter, private readonly devices: DeviceTokens) {}

  /** Local accounts with bcrypt hashes (the embedded default); an OIDC provider can front this later. */
  @Post('login')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đăng nhập', en: 'Sign in' },
    description: {
      vi: 'Tài khoản nội bộ; trả mã truy cập (JWT) dùng cho mọi yêu cầu khác và mã thiết bị của trình duyệt. Sai nhiều lần từ cùng một địa chỉ, hoặc vào cùng một tài khoản từ trình duyệt chưa có mã thiết bị, bị chặn tạm thời (429, Retry-After); trình duyệt gửi kèm mã thiết bị của tài khoản không bị chậm lại.',
      en: 'Local accounts; answers the access token (JWT) every other request carries and a device token for the browser. Repeated failures from one address, or on one account from browsers without its device token, are refused for a while (429, Retry-After); a browser that sends the account’s device token is not slowed.',
    },
    ok: { body: 'LoginResult' },
    errors: [401, 429],
    public: true,
  })
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    const attempt = { username: body.username, ip, device: await this.devices.idFor(body.deviceToken, body.username) };
    await this.limiter.check(attempt);
    const user = await accountForLogin(this.ds.manager, body.username);
    // Compare against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    // Native bcrypt on libuv's thread pool: a sign-in costs a third less CPU than bcryptjs and no
    // longer holds the event loop the other requests share for tens of milliseconds.
    const ok = await verify(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.limiter.failed(attempt);
      throw new UnauthorizedException({ code: 'BAD_CREDENTIALS', kind: 'UNAUTHENTICATED', messageVi: 'Sai tên đăng nhập hoặc mật khẩu.', messageEn: 'Wrong username or password.' });
    }
    await this.limiter.succeeded(attempt);
    const accessToken = await this.jwt.signAsync({ sub: user.id });
    return { accessToken, deviceToken: await this.devices.issue(body.username), user: { id: user.id, fullName: user.fullName, unitId: user.unitId, roles: user.roles } };
  }

  @Get('me')
  @Operation({ summary: { vi: 'Tài khoản của tôi', en: 'My account' }, description: { vi: 'Người gọi, đơn vị, vai trò và phạm vi (thanh tra).', en: 'The caller, their unit, roles and scope (auditors).' }, ok: { body: 'Me' } })
  me(@CurrentActor() actor: AuthenticatedActor): Me {
    return actor;
  }
}

const DUMMY_HASH = hashSync('vinhdanh-timing-guard', 10);
