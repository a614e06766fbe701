import { HttpException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Role } from '@vinhdanh/domain/ladder/nomination';
import { acceptSecondFactorStep, claimSecondFactorTry } from '@vinhdanh/persistence/accounts/accounts';
import type { LoginAccount } from '@vinhdanh/persistence/read-model/identity';
import { APP_CONFIG, acceptedStep, secondFactorKey, type AppConfig } from '@vinhdanh/platform';
import { DeviceTokens } from './device-tokens';
import { LoginLimiter, type LoginAttempt } from './login-limiter';
import type { LoginResult } from './responses';

/**
 * Opening a session once the first factor checked out (a password, or the province's identity
 * provider): the second factor where the account has one, then our token, which carries the
 * account's credentials version and whether a code opened it (docs/accounts.md). One home for both
 * ways in, so neither can skip the code.
 */
@Injectable()
export class Sessions {
  private readonly totpKey: Buffer;

  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly devices: DeviceTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.totpKey = secondFactorKey(config.identityKey);
  }

  async open(user: LoginAccount, otp: string | undefined, attempt: LoginAttempt): Promise<LoginResult> {
    let verified = false;
    if (user.totpSealed) {
      // The first factor was right; the code is asked for (and a wrong one counted) before any token.
      if (!otp) throw new UnauthorizedException({ code: 'OTP_REQUIRED', kind: 'UNAUTHENTICATED', messageVi: 'Nhập mã 6 số trong ứng dụng xác thực.', messageEn: 'Enter the six-digit code from your authenticator app.', field: 'otp' });
      // Six digits fall to guessing in parallel unless each try is counted before it is checked.
      if (!(await claimSecondFactorTry(this.ds.manager, user.id))) {
        throw new HttpException({ code: 'OTP_LOCKED', kind: 'RATE_LIMITED', messageVi: 'Sai mã quá nhiều lần; thử lại sau 15 phút.', messageEn: 'Too many wrong codes; try again in 15 minutes.' }, 429);
      }
      const step = acceptedStep(otp, user.totpSealed, this.totpKey, user.totpLastStep);
      if (step === undefined || !(await acceptSecondFactorStep(this.ds.manager, user.id, step, user.totpSealed))) {
        await this.limiter.failed(attempt);
        throw new UnauthorizedException({ code: 'BAD_OTP', kind: 'UNAUTHENTICATED', messageVi: 'Mã không đúng, đã hết hạn hoặc đã dùng.', messageEn: 'The code is wrong, expired or already used.', field: 'otp' });
      }
      verified = true;
    }
    await this.limiter.succeeded(attempt);
    return this.issue(user, user.credentialsVersion, verified, this.needsSecondFactor(user.roles));
  }

  /** A token for the account under its credentials version, saying whether a code opened the session. */
  async issue(user: { id: string; fullName: string; unitId: string; roles: Role[] }, version: number, verified: boolean, required: boolean): Promise<LoginResult> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, cv: version, mfa: verified });
    return {
      accessToken,
      deviceToken: await this.devices.issue(user.id),
      user: { id: user.id, fullName: user.fullName, unitId: user.unitId, roles: user.roles },
      secondFactor: verified ? 'VERIFIED' : required ? 'ENROLMENT_REQUIRED' : 'NOT_USED',
    };
  }

  needsSecondFactor(roles: readonly string[]): boolean {
    return roles.some((r) => this.config.secondFactorRoles.includes(r));
  }
}
