import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { openSignInCode, useSignInCode } from '@vinhdanh/persistence/accounts/provider-sign-in';
import { accountForLogin } from '@vinhdanh/persistence/read-model/identity';
import { Operation } from '../contract/operation';
import { LoginLimiter } from './login-limiter';
import { ProviderSignIn } from './provider-sign-in';
import { Sessions } from './sessions';
import type { LoginResult, SignInOptions } from './responses';

class ExchangeDto {
  @ApiProperty({ description: 'The one-time sign-in code the provider’s return handed the web app (after #sso= in its address).' }) @IsString() @MinLength(20) @MaxLength(200) code!: string;
  @ApiProperty({ required: false, example: '123456', description: 'The authenticator app’s code, once the account has a second factor.' })
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: 'must be six digits' }) otp?: string;
}

/** The origin the request names (its Host header): ProviderSignIn.origin decides whether it may be used. */
const requestedOrigin = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * The cookie that binds a sign-in to the browser that started it: set at the start, required at the
 * provider's return and at the exchange, so a code or an answer carried to another browser (a link
 * sent to someone) signs nobody in there. HttpOnly; SameSite=Lax lets it ride the provider's
 * top-level redirect back.
 */
const BINDING = 'vinhdanh_sso';
function bindingOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === BINDING) return value.join('=') || undefined;
  }
  return undefined;
}

/** People's sign-in through the province's identity provider (docs/accounts.md). */
@ApiTags('auth')
@Controller('auth/oidc')
export class ProviderSignInController {
  constructor(private readonly ds: DataSource, private readonly provider: ProviderSignIn, private readonly sessions: Sessions, private readonly limiter: LoginLimiter) {}

  @Get('providers')
  @Operation({
    summary: { vi: 'Các cách đăng nhập', en: 'Ways to sign in' },
    description: { vi: 'Có đăng nhập một cửa qua nhà cung cấp định danh của tỉnh hay không.', en: 'Whether single sign-on through the province’s identity provider is offered.' },
    ok: { body: 'SignInOptions' },
    public: true,
  })
  providers(): SignInOptions {
    return { singleSignOn: this.provider.configured() };
  }

  @Get('start')
  @Operation({
    summary: { vi: 'Đăng nhập một cửa: đến nhà cung cấp định danh', en: 'Single sign-on: go to the identity provider' },
    description: {
      vi: 'Chuyển trình duyệt đến nhà cung cấp định danh của tỉnh (OpenID Connect, mã ủy quyền với PKCE). 404 khi chưa cấu hình.',
      en: 'Sends the browser to the province’s identity provider (OpenID Connect, authorization code with PKCE). 404 when not configured.',
    },
    ok: { status: 302, redirect: true },
    errors: [404],
    public: true,
  })
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const origin = this.provider.origin(requestedOrigin(req));
    const binding = randomBytes(32).toString('base64url');
    const to = await this.provider.start(origin, binding);
    res.cookie(BINDING, binding, { httpOnly: true, sameSite: 'lax', secure: origin.startsWith('https:'), path: '/auth/oidc', maxAge: 10 * 60_000 });
    res.redirect(302, to);
  }

  @Get('callback')
  @Operation({
    summary: { vi: 'Đăng nhập một cửa: nhà cung cấp trả về', en: 'Single sign-on: the provider’s return' },
    description: {
      vi: 'Nhà cung cấp đưa trình duyệt về đây; chuyển tiếp đến trang đăng nhập với mã đăng nhập dùng một lần (sau #), hoặc với lý do không đăng nhập được (tài khoản không có, đã vô hiệu hóa, hoặc lỗi).',
      en: 'The provider sends the browser back here; it goes on to the sign-in page with a one-time sign-in code (after #), or with why it could not sign in (no such account, deactivated, or a failure).',
    },
    ok: { status: 302, redirect: true },
    errors: [404],
    public: true,
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    res.redirect(302, await this.provider.callback(query, bindingOf(req)));
  }

  @Post('exchange')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đăng nhập một cửa: đổi mã lấy phiên', en: 'Single sign-on: trade the code for a session' },
    description: {
      vi: 'Mã đăng nhập một lần (dùng một lần, trong 2 phút) đổi lấy mã truy cập như khi đăng nhập; tài khoản có xác thực hai lớp cần thêm mã của ứng dụng (401 OTP_REQUIRED).',
      en: 'The one-time sign-in code (once, within 2 minutes) is traded for an access token as at sign-in; an account with a second factor also needs the app’s code (401 OTP_REQUIRED).',
    },
    ok: { body: 'LoginResult' },
    errors: [401, 429],
    public: true,
  })
  async exchange(@Body() body: ExchangeDto, @Ip() ip: string, @Req() req: Request): Promise<LoginResult> {
    const binding = bindingOf(req);
    return this.ds.transaction(async (tx) => {
      const userId = binding ? await openSignInCode(tx, body.code, binding) : undefined;
      if (!userId) throw invalid('SSO_CODE_NOT_VALID', 'Mã đăng nhập một cửa đã dùng hoặc đã hết hạn; hãy đăng nhập lại.', 'The sign-in code was used or has expired; sign in again.', 'code');
      const account = await accountForLogin(tx, userId);
      if (!account) throw invalid('SSO_CODE_NOT_VALID', 'Tài khoản không còn hoạt động.', 'The account is no longer active.', 'code');
      const attempt = { username: userId, ip, device: undefined };
      await this.limiter.check(attempt);
      // A wrong second-factor code leaves the sign-in code usable (for 2 minutes) with the right one.
      const session = await this.sessions.open(account, body.otp, attempt);
      await useSignInCode(tx, body.code);
      return session;
    });
  }

  @Get('logout')
  @Operation({
    summary: { vi: 'Đăng xuất một cửa', en: 'Single sign-on: sign out' },
    description: {
      vi: 'Chuyển trình duyệt đến trang kết thúc phiên của nhà cung cấp định danh, rồi về trang đăng nhập. Phiên của Vinh Danh kết thúc khi trình duyệt bỏ mã truy cập.',
      en: 'Sends the browser to the identity provider’s end of session, then back to the sign-in page. The Vinh Danh session ends when the browser drops its access token.',
    },
    ok: { status: 302, redirect: true },
    errors: [404],
    public: true,
  })
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.redirect(302, await this.provider.logout(this.provider.origin(requestedOrigin(req))));
  }
}
