import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { APP_CONFIG, MAILER, createMailer, type AppConfig } from '@vinhdanh/platform';

/** The worker's dependencies; activities receive them from this context, never from workflow code. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl))],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: MAILER, useFactory: () => createMailer(config.smtpUrl, config.mailFrom) },
      ],
      exports: [APP_CONFIG, MAILER],
    };
  }
}
