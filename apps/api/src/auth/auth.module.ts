import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { AuthController } from './auth.controller';
import { JwtAuthGuard } from './jwt.guard';
import { LoginLimiter } from './login-limiter';
import { DeviceTokens } from './device-tokens';
import { Sessions } from './sessions';
import { ProviderSignIn } from './provider-sign-in';
import { ProviderSignInController } from './provider-sign-in.controller';

/** Signing in, and the guard every other route passes (unless marked public). */
@Module({
  controllers: [AuthController, ProviderSignInController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: LoginLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new LoginLimiter(ds, { maxFailures: c.loginMaxFailures, maxFailuresPerAddress: c.loginMaxFailuresPerAddress, maxFailuresPerAccount: c.loginMaxFailuresPerAccount }) },
    { provide: DeviceTokens, inject: [JwtService, APP_CONFIG], useFactory: (jwt: JwtService, c: AppConfig) => new DeviceTokens(jwt, c.jwt.secret) },
    Sessions,
    ProviderSignIn,
  ],
})
export class AuthModule {}
