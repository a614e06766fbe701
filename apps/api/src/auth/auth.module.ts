import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { AuthController } from './auth.controller';
import { JwtAuthGuard } from './jwt.guard';
import { LoginLimiter } from './login-limiter';

/** Signing in, and the guard every other route passes (unless marked public). */
@Module({
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: LoginLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new LoginLimiter(ds, { maxFailures: c.loginMaxFailures, maxFailuresPerAddress: c.loginMaxFailuresPerAddress }) },
  ],
})
export class AuthModule {}
