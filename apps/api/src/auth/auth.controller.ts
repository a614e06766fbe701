import { Body, Controller, Get, HttpCode, Inject, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { accountForLogin } from '@vinhdanh/persistence/read-model/identity';
import { acceptSecondFactorStep, openLink, passwordHashOf, secondFactorOf, setPasswordHash, startSecondFactor } from '@vinhdanh/persistence/accounts/accounts';
import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, PASSWORD_MAX_LENGTH, acceptedStep, hashPassword, newSecondFactor, passwordRefusal, secondFactorKey, verifyPassword, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, CurrentSecondFactor, type AuthenticatedActor, type SecondFactorState } from '../common/actor';
import { LoginLimiter } from './login-limiter';
import { DeviceTokens } from './device-tokens';
import { Sessions } from './sessions';
import { Operation } from '../contract/operation';
import type { LoginResult, Me, PasswordSet, SecondFactorEnrolment } from './responses';

class LoginDto {
  @ApiProperty({ example: 'vanthu.so-gddt' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(4 * PASSWORD_MAX_LENGTH) password!: string;
  @ApiProperty({ required: false, description: 'The device token an earlier sign-in to this account gave this browser: sign-ins from it are not slowed when others guess the password.' })
  @IsOptional() @IsString() @MaxLength(2000) deviceToken?: string;
  @ApiProperty({ required: false, example: '123456', description: 'The six-digit code of the account’s authenticator app, once a second factor is in use.' })
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: 'must be six digits' }) otp?: string;
}

class SecondFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'The six-digit code the authenticator app shows now.' }) @IsString() @Matches(/^\d{6}$/, { message: 'must be six digits' }) code!: string;
}

class SetPasswordDto {
  @ApiProperty({ description: 'The token of the one-time link (the part after # in the address the administrator handed over).' }) @IsString() @MinLength(20) @MaxLength(200) token!: string;
  @ApiProperty({ format: 'password', description: 'At least PASSWORD_MIN_LENGTH characters (15 by default), any characters; common and breached passwords are refused.' })
  @IsString() @MinLength(1) @MaxLength(4 * PASSWORD_MAX_LENGTH) password!: string;
}

class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(4 * PASSWORD_MAX_LENGTH) currentPassword!: string;
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(4 * PASSWORD_MAX_LENGTH) newPassword!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly devices: DeviceTokens,
    private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.totpKey = secondFactorKey(config.identityKey);
  }

  private readonly totpKey: Buffer;

  /** Local accounts (Argon2id hashes; the demo's bcrypt ones still verify); tokens from OIDC_ISSUER are accepted beside them (jwt.guard.ts). */
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
    // Hashing runs natively on libuv's thread pool, off the event loop the other requests share; an
    // unknown user is compared against a dummy hash, so timing does not reveal which usernames exist.
    const ok = await verifyPassword(body.password, user?.passwordHash);
    if (!user || !ok) {
      await this.limiter.failed(attempt);
      throw new UnauthorizedException({ code: 'BAD_CREDENTIALS', kind: 'UNAUTHENTICATED', messageVi: 'Sai tên đăng nhập hoặc mật khẩu.', messageEn: 'Wrong username or password.' });
    }
    return this.sessions.open(user, body.otp, attempt);
  }

  @Post('set-password')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đặt mật khẩu bằng đường dẫn một lần', en: 'Set a password through a one-time link' },
    description: {
      vi: 'Người được mời (hoặc được cấp lại mật khẩu) đặt mật khẩu của mình bằng đường dẫn một lần quản trị trao; đường dẫn dùng một lần, hết hạn sau 72 giờ (mời) hoặc 24 giờ (cấp lại). Mật khẩu ít nhất 15 ký tự, không phổ biến, không dựa vào tên; các phiên cũ hết hiệu lực.',
      en: 'The invited person (or one whose password was reset) sets their own password through the one-time link an administrator handed over; the link works once and expires after 72 hours (invitation) or 24 hours (reset). At least 15 characters, not common, not built from the name; older sessions end.',
    },
    ok: { body: 'PasswordSet' },
    errors: [400],
    public: true,
  })
  async setPassword(@Body() body: SetPasswordDto): Promise<PasswordSet> {
    return this.ds.transaction(async (tx) => {
      const link = await openLink(tx, body.token);
      if (!link) throw invalid('LINK_NOT_VALID', 'Đường dẫn không còn hiệu lực (đã dùng, đã hết hạn, đã thu hồi hoặc sai); hãy xin quản trị một đường dẫn mới.', 'The link is no longer valid (used, expired, revoked or wrong); ask an administrator for a new one.', 'token');
      const refusal = passwordRefusal(body.password, [link.username, link.fullName], this.config.passwordMinLength);
      if (refusal) throw invalid(refusal.code, refusal.messageVi, refusal.messageEn, 'password');
      await setPasswordHash(tx, { userId: link.userId, hash: await hashPassword(body.password), via: link.purpose, link: body.token });
      return { username: link.username };
    });
  }

  @Post('change-password')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đổi mật khẩu', en: 'Change my password' },
    description: {
      vi: 'Cần mật khẩu hiện tại; mật khẩu mới theo cùng quy tắc. Mọi phiên khác hết hiệu lực; trả mã truy cập mới cho phiên này. Không bắt buộc đổi định kỳ.',
      en: 'Needs the current password; the new one follows the same rules. Every other session ends; answers a new access token for this one. No periodic change is required.',
    },
    ok: { body: 'LoginResult' },
    errors: [400, 403, 429],
    beforeSecondFactor: true,
  })
  async changePassword(@CurrentActor() actor: AuthenticatedActor, @CurrentSecondFactor() second: SecondFactorState, @Body() body: ChangePasswordDto, @Ip() ip: string): Promise<LoginResult> {
    // The same limits as signing in: a stolen session must not become a way to guess the password.
    const attempt = { username: actor.userId, ip, device: undefined };
    await this.limiter.check(attempt);
    if (!(await verifyPassword(body.currentPassword, await passwordHashOf(this.ds.manager, actor.userId)))) {
      await this.limiter.failed(attempt);
      throw forbidden('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
    }
    const refusal = passwordRefusal(body.newPassword, [actor.userId, actor.fullName], this.config.passwordMinLength);
    if (refusal) throw invalid(refusal.code, refusal.messageVi, refusal.messageEn, 'newPassword');
    const version = await this.ds.transaction(async (tx) => setPasswordHash(tx, { userId: actor.userId, hash: await hashPassword(body.newPassword), via: 'CHANGE' }));
    await this.limiter.succeeded(attempt);
    return this.sessions.issue({ id: actor.userId, ...actor }, version, second.verified && second.enabled, second.required);
  }

  @Get('me')
  @Operation({
    summary: { vi: 'Tài khoản của tôi', en: 'My account' },
    description: { vi: 'Người gọi, đơn vị, vai trò, phạm vi (thanh tra) và tình trạng xác thực hai lớp.', en: 'The caller, their unit, roles, scope (auditors) and where they stand with the second factor.' },
    ok: { body: 'Me' },
    beforeSecondFactor: true,
  })
  me(@CurrentActor() actor: AuthenticatedActor, @CurrentSecondFactor() secondFactor: SecondFactorState): Me {
    return { ...actor, secondFactor };
  }

  @Post('second-factor')
  @Operation({
    summary: { vi: 'Bắt đầu bật xác thực hai lớp', en: 'Start a second factor' },
    description: {
      vi: 'Tạo khóa bí mật cho ứng dụng xác thực (mã một lần theo thời gian, RFC 6238); chỉ hiện một lần. Xác nhận bằng mã đầu tiên để bật. Bắt buộc với các vai trò trong SECOND_FACTOR_ROLES (mặc định: người quyết định, thư ký Hội đồng, quản trị).',
      en: 'Makes the secret for an authenticator app (time-based one-time codes, RFC 6238); shown once. Confirm with the first code to turn it on. Required of the roles in SECOND_FACTOR_ROLES (by default decision makers, council secretaries and administrators).',
    },
    ok: { status: 201, body: 'SecondFactorEnrolment' },
    errors: [409],
    beforeSecondFactor: true,
  })
  async startSecondFactor(@CurrentActor() actor: AuthenticatedActor): Promise<SecondFactorEnrolment> {
    const made = newSecondFactor(actor.userId, this.totpKey);
    if (!(await startSecondFactor(this.ds.manager, actor.userId, made.sealed))) {
      throw conflict('SECOND_FACTOR_ENABLED', 'Xác thực hai lớp đang bật; mất thiết bị thì nhờ quản trị đặt lại.', 'A second factor is in use; if the device is lost, ask an administrator to reset it.');
    }
    return { secret: made.base32, uri: made.uri };
  }

  @Post('second-factor/confirm')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Xác nhận và bật xác thực hai lớp', en: 'Confirm and turn on the second factor' },
    description: {
      vi: 'Mã đầu tiên của ứng dụng bật xác thực hai lớp; trả mã truy cập mới của phiên đã xác thực. Từ đó mỗi lần đăng nhập cần mã. Ghi nhật ký.',
      en: 'The app’s first code turns the second factor on; answers a new access token for a verified session. From then on every sign-in needs a code. Audited.',
    },
    ok: { body: 'LoginResult' },
    errors: [400, 409],
    beforeSecondFactor: true,
  })
  async confirmSecondFactor(@CurrentActor() actor: AuthenticatedActor, @Body() body: SecondFactorCodeDto): Promise<LoginResult> {
    const stored = await secondFactorOf(this.ds.manager, actor.userId);
    if (!stored?.sealed || stored.enabled) {
      throw conflict('NO_PENDING_SECOND_FACTOR', 'Không có khóa nào đang chờ xác nhận; hãy bắt đầu lại.', 'No second factor is waiting for confirmation; start again.');
    }
    const step = acceptedStep(body.code, stored.sealed, this.totpKey, stored.lastStep);
    // Enabled only for the secret this code was checked against: another enrolment may have replaced it meanwhile.
    const enabled = step !== undefined && (await this.ds.transaction((tx) => acceptSecondFactorStep(tx, actor.userId, step, stored.sealed!, true)));
    if (!enabled) throw invalid('BAD_OTP', 'Mã không đúng hoặc đã hết hạn; kiểm tra giờ của điện thoại.', 'The code is wrong or expired; check the phone’s clock.', 'code');
    return this.sessions.issue({ id: actor.userId, ...actor }, stored.credentialsVersion, true, true);
  }
}
