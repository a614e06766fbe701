import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { VotingRules } from '@vinhdanh/domain/council';
import { AuthController } from './auth/auth.controller';
import { JwtAuthGuard } from './auth/jwt.guard';
import { LoginLimiter } from './auth/login-limiter';
import { ErrorFilter } from './common/error.filter';
import { HealthController } from './health/health.controller';
import { NominationsModule } from './nominations/nominations.module';
import { NomineesController } from './nominees/nominees.controller';
import { CouncilsController } from './councils/councils.controller';
import { CouncilsService } from './councils/councils.service';
import { CouncilAccess } from './councils/council-access';
import { EligibilityController } from './eligibility/eligibility.controller';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { TemporalModule } from './temporal/temporal.module';
import { DocumentsController } from './documents/documents.controller';
import { PublicController } from './public/public.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { CodecController } from './codec/codec.controller';
import { ConflictsController } from './conflicts/conflicts.controller';
import { OrgController } from './org/org.controller';
import { RevocationsController } from './revocations/revocations.controller';

@Global()
@Module({})
class ConfigHolderModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The voting rules in force, read once: the route a nomination records and the session that applies them agree.
    const rules = { provide: VotingRules, useValue: new VotingRules(config.votingRules) };
    return { module: ConfigHolderModule, providers: [{ provide: APP_CONFIG, useValue: config }, rules], exports: [APP_CONFIG, VotingRules] };
  }
}

/** The API's composition root: thin, one module per feature. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customProps: (req) => ({ actor: (req as { actor?: { userId: string } }).actor?.userId }),
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        // One algorithm, and tokens that say who issued them, for whom, and until when (docs/security.md).
        JwtModule.register({
          global: true,
          secret: config.jwt.secret,
          signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds, issuer: config.jwt.issuer, audience: config.jwt.audience },
          verifyOptions: { algorithms: ['HS256'], issuer: config.jwt.issuer, audience: config.jwt.audience },
        }),
        TemporalModule,
        NominationsModule,
      ],
      controllers: [HealthController, AuthController, NomineesController, CouncilsController, EligibilityController, AuditController, DocumentsController, PublicController, DashboardController, CodecController, ConflictsController, OrgController, RevocationsController],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: LoginLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new LoginLimiter(ds, { maxFailures: c.loginMaxFailures, maxFailuresPerAddress: c.loginMaxFailuresPerAddress }) },
        CouncilsService,
        CouncilAccess,
        AuditService,
      ],
    };
  }
}
