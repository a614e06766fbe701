import { Body, Controller, Get, HttpCode, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsString, MaxLength, MinLength } from 'class-validator';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { accountForLogin } from '@vinhdanh/persistence/read-model/identity';
import { CurrentActor, Public, type AuthenticatedActor } from './public.decorator';
import { LoginLimiter } from './login-limiter';

class LoginDto {
  @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly ds: DataSource, private readonly jwt: JwtService, private readonly limiter: LoginLimiter) {}

  /** Local accounts with bcrypt hashes (the embedded default); an OIDC provider can front this later. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<{ accessToken: string; user: Record<string, unknown> }> {
    await this.limiter.check(body.username, ip);
    const user = await accountForLogin(this.ds.manager, body.username);
    // Compare against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    const ok = await bcrypt.compare(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.limiter.failed(body.username, ip);
      throw new UnauthorizedException({ code: 'BAD_CREDENTIALS', kind: 'UNAUTHENTICATED', messageVi: 'Sai tên đăng nhập hoặc mật khẩu.', messageEn: 'Wrong username or password.' });
    }
    await this.limiter.succeeded(body.username, ip);
    const accessToken = await this.jwt.signAsync({ sub: user.id });
    return { accessToken, user: { id: user.id, fullName: user.fullName, unitId: user.unitId, roles: user.roles } };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: AuthenticatedActor): AuthenticatedActor {
    return actor;
  }
}

const DUMMY_HASH = bcrypt.hashSync('vinhdanh-timing-guard', 10);
