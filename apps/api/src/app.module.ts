import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { logTransport } from '@vinhdanh/platform/logging';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { VotingRules } from '@vinhdanh/domain/council';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { FeedModule } from './feed/feed.module';
import { AuthModule } from './auth/auth.module';
import { CodecModule } from './codec/codec.module';
import { CommentsModule } from './comments/comments.module';
import { ErrorFilter } from './common/error.filter';
import { ConflictsModule } from './conflicts/conflicts.module';
import { CouncilsModule } from './councils/councils.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DocumentsModule } from './documents/documents.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { EngineModule } from './engine/engine.module';
import { HealthModule } from './health/health.module';
import { NominationsModule } from './nominations/nominations.module';
import { NomineesModule } from './nominees/nominees.module';
import { OrgModule } from './org/org.module';
import { DraftsModule } from './drafts/drafts.module';
import { ImportsModule } from './imports/imports.module';
import { ReportsModule } from './reports/reports.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { ClustersModule } from './clusters/clusters.module';
import { PhaseReviewsModule } from './phase-reviews/phase-reviews.module';
import { ModelsModule } from './models/models.module';
import { ProposalsModule } from './proposals/proposals.module';
import { PublicModule } from './public/public.module';
import { RevocationsModule } from './revocations/revocations.module';
import { TemporalModule } from './temporal/temporal.module';
import { TransparencyModule } from './transparency/transparency.module';

const BALLOT_CAST = /^\/councils\/sessions\/[^/?]+\/ballots\/?(\?|$)/;
const isBallotCast = (method: string | undefined, url: string | undefined) => method === 'POST' && BALLOT_CAST.test(url ?? '');

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
            transport: logTransport(),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customProps: (req) => ({ actor: (req as { actor?: { userId: string } }).actor?.userId }),
            // A cast ballot is not logged: its line's time, address and port would pair it with the
            // member's signed-in request that took the ballot (docs/security.md). Any other line
            // about it (an error) carries no address, port, id or path.
            autoLogging: { ignore: (req) => isBallotCast(req.method, req.url) },
            serializers: { req: (req: { method?: string; url?: string }) => (isBallotCast(req.method, req.url) ? { method: req.method, url: '/councils/sessions/…/ballots' } : req) },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        // One algorithm, and tokens that say who issued them, for whom, and until when (docs/security.md).
        JwtModule.register({
          global: true,
          // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a
          // public key on every request and pays for the exception (about a tenth of the API's CPU).
          secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
          signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds, issuer: config.jwt.issuer, audience: config.jwt.audience },
          verifyOptions: { algorithms: ['HS256'], issuer: config.jwt.issuer, audience: config.jwt.audience },
        }),
        TemporalModule,
        // The features, each with its controllers and providers.
        HealthModule,
        AuthModule,
        AccountsModule,
        NominationsModule,
        TransparencyModule,
        CommentsModule,
        NomineesModule,
        EligibilityModule,
        EngineModule,
        DocumentsModule,
        CouncilsModule,
        ConflictsModule,
        RevocationsModule,
        OrgModule,
        DraftsModule,
        ImportsModule,
        ReportsModule,
        RegistrationsModule,
        ClustersModule,
        PhaseReviewsModule,
        ModelsModule,
        AuditModule,
        FeedModule,
        CodecModule,
        DashboardModule,
        PublicModule,
        ProposalsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
